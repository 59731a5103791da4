package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check's kinds of change ({@code --fail-on}) and direction ({@code follows}). */
class CheckKindsTest {
  @TempDir Path tmp;
  Path index;

  @BeforeEach
  void archive() {
    index = tmp.resolve("index");
    MainTest.Run r =
        MainTest.run("index", "add", CheckCommandTest.S000, CheckCommandTest.S002, "--index",
            index.toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void failsOnAKindACountedPassageCarries() throws Exception {
    MainTest.Run plain = MainTest.run("check", CheckCommandTest.S001, "--index", index.toString());
    assertEquals(0, plain.code(), "8.8% is within the limit: " + plain.out());
    assertTrue(plain.out().contains("[reworded, "), plain.out());
    MainTest.Run numbers =
        MainTest.run("check", CheckCommandTest.S001, "--index", index.toString(), "--fail-on",
            "numbers-changed");
    assertEquals(0, numbers.code(), "no figure differs in 000 / 001: " + numbers.out());
    MainTest.Run reworded =
        MainTest.run("check", CheckCommandTest.S001, "--index", index.toString(), "--fail-on",
            "numbers-changed", "--fail-on", "reworded", "--format", "json");
    assertEquals(1, reworded.code(), reworded.out());
    JsonNode a = new ObjectMapper().readTree(reworded.out()).at("/articles/0");
    assertEquals("[\"reworded\"]", a.get("failedOn").toString());
    assertTrue(a.get("failed").asBoolean());
    assertTrue(!a.get("exceeded").asBoolean(), "within the containment limit");
  }

  @Test
  void failsOnlyOnCountedPassages() {
    MainTest.Run allowed =
        MainTest.run("check", CheckCommandTest.S001, "--index", index.toString(), "--fail-on",
            "reworded", "--allow-source", "");
    // 000 has no source to allow: an empty name allows nothing, the passages stay counted
    assertEquals(1, allowed.code(), allowed.out());
    assertTrue(allowed.out().contains("fails on reworded"), allowed.out());
  }

  @Test
  void failsOnAQuoteAttributedToAnotherSpeaker() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(tmp.resolve("quotes"));
    java.nio.file.Path a = java.nio.file.Files.writeString(
        dir.resolve("a.txt"), dev.refrain.report.AttributionChangedTest.A);
    java.nio.file.Path c = java.nio.file.Files.writeString(
        dir.resolve("c.txt"), dev.refrain.report.AttributionChangedTest.C);
    java.nio.file.Path b = java.nio.file.Files.writeString(
        tmp.resolve("b.txt"), dev.refrain.report.AttributionChangedTest.B);
    Path idx = tmp.resolve("said");
    assertEquals(0, MainTest.run("index", "add", dir.toString(), "--index", idx.toString()).code());
    MainTest.Run plain = MainTest.run("check", b.toString(), "--index", idx.toString(),
        "--max-containment", "1", "--format", "json");
    assertEquals(0, plain.code(), plain.out());
    assertTrue(plain.out().contains("\"attribution-changed\""), plain.out());
    MainTest.Run gate = MainTest.run("check", b.toString(), "--index", idx.toString(),
        "--max-containment", "1", "--fail-on", "attribution-changed", "--format", "json");
    assertEquals(1, gate.code(), gate.out());
    JsonNode art = new ObjectMapper().readTree(gate.out()).at("/articles/0");
    assertEquals("[\"attribution-changed\"]", art.get("failedOn").toString());
    MainTest.Run same = MainTest.run("check", c.toString(), "--index", idx.toString(),
        "--max-containment", "1", "--fail-on", "attribution-changed");
    assertEquals(0, same.code(), "c names the family's speaker: " + same.out());
  }

  @Test
  void anUnknownKindIsAUsageError() {
    MainTest.Run r =
        MainTest.run("check", CheckCommandTest.S001, "--index", index.toString(), "--fail-on",
            "typo");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--fail-on must be one of verbatim"), r.err());
  }

  @Test
  void namesTheArchivedArticlesTheNewOneFollows() throws Exception {
    Path idx = tmp.resolve("wire");
    assertEquals(0, MainTest.run("index", "add", CheckCommandTest.S001, "--index", idx.toString()).code());
    MainTest.Run r =
        MainTest.run("check", CheckCommandTest.S000, "--index", idx.toString(), "--format", "json");
    JsonNode a = new ObjectMapper().readTree(r.out()).at("/articles/0");
    assertEquals("[\"001_3bf4201df3802dec\"]", a.get("follows").toString(), r.out());
    JsonNode d = a.at("/matches/0/direction");
    assertEquals("wire-credit", d.get("basis").asText());
    assertEquals("001_3bf4201df3802dec", d.get("first").asText());
    MainTest.Run text = MainTest.run("check", CheckCommandTest.S000, "--index", idx.toString());
    assertTrue(text.out().contains("follows 001_3bf4201df3802dec"), text.out());
  }
}
