package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refrain calibrate}: output and exit codes. */
class CalibrateCommandTest {

  @Test
  void suggestsAThresholdAndPrintsTheCurve(@TempDir Path dir) throws Exception {
    Path pairs = dir.resolve("pairs.jsonl");
    String shared =
        "The minister said the new rules would take effect next month after a long review of the"
            + " industry and its lenders. ";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(line(shared + "Extra words number " + i + " differ here entirely.",
          "Other opening " + i + ". " + shared, 1));
      s.append(line("Completely unrelated sentence about weather " + i + " and rain in the hills.",
          shared, 0));
    }
    s.append('\n');
    Files.writeString(pairs, s.toString(), StandardCharsets.UTF_8);
    MainTest.Run r = MainTest.run("calibrate", pairs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Suggested: --shingle-size 5 --min-words 8"), r.out());
    assertTrue(r.out().contains("<- best F1"), r.out());
    assertTrue(r.out().contains("12 pairs (6 labelled 1, 6 labelled 0)"), r.out());
    assertTrue(r.out().contains("      4          5  "), "min words tried per size: " + r.out());
    assertFalse(r.out().contains("Note: that threshold calls every pair reused"), r.out());
  }

  @Test
  void saysWhenTheBestF1IsGuessingReusedForEveryPair(@TempDir Path dir)
      throws Exception {
    Path pairs = dir.resolve("pairs.jsonl");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(line("Alpha " + i + " beta gamma.", "Delta epsilon " + i + " zeta.", 1));
    }
    s.append(line("Eta theta iota.", "Kappa lambda mu.", 0));
    Files.writeString(pairs, s.toString(), StandardCharsets.UTF_8);
    MainTest.Run r = MainTest.run("calibrate", pairs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Note: that threshold calls every pair reused"), r.out());
  }

  @Test
  void rejectsBadInput(@TempDir Path dir) throws Exception {
    assertEquals(3, MainTest.run("calibrate", dir.resolve("missing.jsonl").toString()).code());
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, line("a", "b", 1) + "{\"a\": \"x\", \"b\": \"y\", \"label\": 2}\n");
    MainTest.Run r = MainTest.run("calibrate", bad.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains(":2:") && r.err().contains("label"), r.err());
    Path oneLabel = dir.resolve("one.jsonl");
    Files.writeString(oneLabel, line("a b c", "a b c", 1));
    assertEquals(3, MainTest.run("calibrate", oneLabel.toString()).code());
    assertEquals(2, MainTest.run("calibrate", oneLabel.toString(), "--shingle-sizes", "0").code());
  }

  private static String line(String a, String b, int label) throws Exception {
    return new ObjectMapper().writeValueAsString(Map.of("a", a, "b", b, "label", label)) + "\n";
  }
}
