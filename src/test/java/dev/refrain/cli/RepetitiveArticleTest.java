package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article of one word repeated throughout, through the command line: it is compared on its
 * other words only, and says so in one line on stderr and a warning in every report, by scan,
 * index add and check alike. (Its speed is measured by {@code refrain-bench benchmark hostile};
 * the aligner's work is counted in {@code AlignmentWorkTest}.)
 */
class RepetitiveArticleTest {
  @TempDir Path tmp;

  static final String WARNING =
      "article rep: 300,000 words, 100% in text it repeats more than 16 times (\"buffalo buffalo"
          + " buffalo buffalo buffalo\", 299,996 times): compared on its other words only";

  Path repetitive() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("rep.txt"), "buffalo ".repeat(300_000));
    return dir;
  }

  @Test
  void scanSaysAnArticleIsComparedOnItsOtherWordsOnly() throws Exception {
    Path in = repetitive();
    Path out = tmp.resolve("out");
    MainTest.Run r = MainTest.run("scan", in.toString(), "--out", out.toString(), "--format", "json,md");
    assertEquals(0, r.code(), r.err());
    assertEquals("refrain: " + in.resolve("rep.txt") + ": warning: " + WARNING + "\n", r.err().replace("\r", ""));
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(300_000, report.at("/articles/0/repetitiveWords").asInt());
    assertEquals("warning", report.at("/problems/0/kind").asText());
    assertEquals(WARNING, report.at("/problems/0/message").asText());
    assertTrue(Files.readString(out.resolve("report.md")).contains(WARNING));
  }

  @Test
  void indexAddAndCheckSayItToo() throws Exception {
    Path in = repetitive();
    Path index = tmp.resolve("index");
    MainTest.Run add = MainTest.run("index", "add", in.toString(), "--index", index.toString());
    assertEquals(0, add.code(), add.err());
    assertTrue(add.err().contains(WARNING), add.err());
    Path copy = Files.writeString(tmp.resolve("rep.txt"), "buffalo ".repeat(300_000));
    MainTest.Run check = MainTest.run("check", copy.toString(), "--index", index.toString(), "--format", "text,json", "--out", tmp.resolve("c").toString());
    assertEquals(0, check.code(), check.err() + check.out());
    assertTrue(check.err().contains(WARNING), check.err());
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("c").resolve("check.json").toFile());
    assertEquals(300_000, report.at("/articles/0/repetitiveWords").asInt());
    assertEquals(WARNING, report.at("/problems/0/message").asText());
    assertTrue(Files.readString(tmp.resolve("c").resolve("check.txt")).contains(WARNING));
  }

  @Test
  void quietCountsTheWarning() throws Exception {
    MainTest.Run r =
        MainTest.run("scan", repetitive().toString(), "--out", tmp.resolve("out").toString(), "--format", "json", "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "refrain: 0 inputs skipped, 1 warning (run without --quiet to name them)\n",
        r.err().replace("\r", ""));
  }
}
