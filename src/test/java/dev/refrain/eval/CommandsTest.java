package dev.refrain.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refrain.cli.CalibrateCommand;
import dev.refrain.cli.EvalCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code refrain eval} and {@code refrain calibrate}: output and exit codes. */
class CommandsTest {

  /** The exit code, standard output and standard error of one run. */
  record Run(int code, String out, String err) {}

  static Run run(Callable<Integer> command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void unknownCorpusIsAUsageError() {
    Run r = run(new EvalCommand(), "reuters");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown corpus \"reuters\""), r.err());
    assertTrue(r.err().contains("clough, msrp, pan13, seeds, synthetic or all"), r.err());
  }

  @Test
  void unknownFormatOrOptionIsAUsageError() {
    assertEquals(2, run(new EvalCommand(), "seeds", "--format", "html").code());
    assertEquals(2, run(new EvalCommand(), "seeds", "--bogus").code());
    assertEquals(2, run(new EvalCommand()).code());
  }

  @Test
  void missingDataExitsThreeAndSaysWhereToPutIt(@TempDir Path empty) {
    Run r = run(new EvalCommand(), "clough", "--data", empty.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("put the Clough & Stevenson corpus"), r.err());
    assertTrue(r.err().contains(empty.toAbsolutePath().toString()), r.err());
    assertTrue(r.out().contains("data not found"), r.out());
    Run seeds = run(new EvalCommand(), "seeds", "--seeds", empty.resolve("nothing").toString());
    assertEquals(3, seeds.code());
    assertTrue(seeds.err().contains("put the seed articles"), seeds.err());
  }

  @Test
  void seedsEvalPrintsJsonAndMarkdown() throws Exception {
    Run json = run(new EvalCommand(), "seeds", "--format", "json");
    assertEquals(0, json.code(), json.err());
    JsonNode root = new ObjectMapper().readTree(json.out());
    JsonNode seeds = root.get("corpora").get(0);
    assertEquals("seeds", seeds.get("corpus").asText());
    assertTrue(seeds.get("available").asBoolean());
    assertTrue(seeds.get("figures").size() >= 5);
    assertTrue(seeds.get("figures").get(0).has("met"));
    Run again = run(new EvalCommand(), "seeds", "--format", "json");
    assertEquals(json.out(), again.out(), "deterministic output");

    Run md = run(new EvalCommand(), "seeds", "--format", "md");
    assertEquals(0, md.code());
    assertTrue(md.out().contains("| Metric | refrain | Target | Met | Anchor |"), md.out());
    Run text = run(new EvalCommand(), "seeds");
    assertTrue(text.out().contains("recall, near-verbatim passages"), text.out());
  }

  @Test
  void outWritesAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("seeds.md");
    Run r = run(new EvalCommand(), "seeds", "--format", "md", "--out", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(file).startsWith("# refrain: quality figures"));
    assertEquals(2, run(new EvalCommand(), "seeds", "--format", "md,json", "--out", file.toString()).code());
    Run unwritable =
        run(new EvalCommand(), "seeds", "--format", "md", "--out", dir.resolve("no/such/dir/x.md").toString());
    assertEquals(3, unwritable.code());
  }

  @Test
  void calibrateSuggestsAThresholdAndPrintsTheCurve(@TempDir Path dir) throws Exception {
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
    Run r = run(new CalibrateCommand(), pairs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Suggested: --shingle-size 5 --min-words 8"), r.out());
    assertTrue(r.out().contains("<- best F1"), r.out());
    assertTrue(r.out().contains("12 pairs (6 labelled 1, 6 labelled 0)"), r.out());
    assertTrue(r.out().contains("      4          5  "), "min words tried per size: " + r.out());
    assertFalse(r.out().contains("Note: that threshold calls every pair reused"), r.out());
  }

  @Test
  void calibrateSaysWhenTheBestF1IsGuessingReusedForEveryPair(@TempDir Path dir)
      throws Exception {
    Path pairs = dir.resolve("pairs.jsonl");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(line("Alpha " + i + " beta gamma.", "Delta epsilon " + i + " zeta.", 1));
    }
    s.append(line("Eta theta iota.", "Kappa lambda mu.", 0));
    Files.writeString(pairs, s.toString(), StandardCharsets.UTF_8);
    Run r = run(new CalibrateCommand(), pairs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Note: that threshold calls every pair reused"), r.out());
  }

  @Test
  void calibrateRejectsBadInput(@TempDir Path dir) throws Exception {
    assertEquals(3, run(new CalibrateCommand(), dir.resolve("missing.jsonl").toString()).code());
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, line("a", "b", 1) + "{\"a\": \"x\", \"b\": \"y\", \"label\": 2}\n");
    Run r = run(new CalibrateCommand(), bad.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains(":2:") && r.err().contains("label"), r.err());
    Path oneLabel = dir.resolve("one.jsonl");
    Files.writeString(oneLabel, line("a b c", "a b c", 1));
    assertEquals(3, run(new CalibrateCommand(), oneLabel.toString()).code());
    assertEquals(2, run(new CalibrateCommand(), oneLabel.toString(), "--shingle-sizes", "0").code());
  }

  private static String line(String a, String b, int label) throws Exception {
    ObjectMapper m = new ObjectMapper();
    return m.writeValueAsString(java.util.Map.of("a", a, "b", b, "label", label)) + "\n";
  }
}
