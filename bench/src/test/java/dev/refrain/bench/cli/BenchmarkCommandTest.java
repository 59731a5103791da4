package dev.refrain.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code refrain-bench benchmark}: each benchmark runs on a small input and writes its results. */
class BenchmarkCommandTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchMain());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A corpora folder whose Reuters-21578 holds three stories, one of them a re-send. */
  Path reuters() throws Exception {
    String body = "The central bank said on Tuesday it would keep its key lending rate unchanged"
        + " for a third month as inflation eased and exports recovered across the region.";
    StringBuilder sgml = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      sgml.append("<REUTERS NEWID=\"").append(i).append("\"><TEXT><TITLE>RATES &amp; BANKS</TITLE>")
          .append("<BODY>").append(i == 2 ? "Grain shipments rose in May, traders said." : body)
          .append("</BODY></TEXT></REUTERS>\n");
    }
    Path dir = Files.createDirectories(tmp.resolve("corpora").resolve("reuters21578"));
    Files.writeString(dir.resolve("reut2-000.sgm"), sgml, StandardCharsets.ISO_8859_1);
    return dir.getParent();
  }

  @Test
  void checkIndexesASyntheticArchiveAndFindsThePlantedCopies() throws Exception {
    Path out = tmp.resolve("check.json");
    Run r = run("benchmark", "check", "--articles", "1000", "--words", "100", "--checks", "10",
        "--index", tmp.resolve("index").toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = BenchMain.JSON.readTree(out.toFile());
    assertEquals(1000, j.get("articles").asInt());
    assertEquals(1.0, j.get("plantedFound").asDouble(), 1e-9, j.toString());
    assertTrue(j.get("command").asText().startsWith("java -jar bench/target/refrain-bench.jar benchmark check"));
  }

  @Test
  void scanAndPrepareReadTheReutersStories() throws Exception {
    Path data = reuters();
    Path scan = tmp.resolve("scan.json");
    Run s = run("benchmark", "scan", "--data", data.toString(), "--threads", "1", "--out", scan.toString());
    assertEquals(0, s.code(), s.err());
    JsonNode j = BenchMain.JSON.readTree(scan.toFile());
    assertEquals(3, j.get("articles").asInt());
    assertEquals(1, j.get("pairs").asInt(), "the re-send pairs with its first sending");
    Path prepare = tmp.resolve("prepare.json");
    Run p = run("benchmark", "prepare", "--data", data.toString(), "--rounds", "1", "--out", prepare.toString());
    assertEquals(0, p.code(), p.err());
    assertEquals(4, BenchMain.JSON.readTree(prepare.toFile()).get("measures").size());
  }

  @Test
  void missingReutersExitsThreeAndSaysWhereToPutIt() {
    Run r = run("benchmark", "scan", "--data", tmp.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("put reut2-000.sgm"), r.err());
  }

  @Test
  void anOptionOutOfRangeIsAUsageError() {
    Run r = run("benchmark", "check", "--articles", "10");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--articles must be 1000 to 10000000, was 10"), r.err());
  }

  @Test
  void hostileScansEveryFamilyAtEveryLength() throws Exception {
    Path out = tmp.resolve("hostile.json");
    Run r = run("benchmark", "hostile", "--words", "1000,2000", "--threads", "1", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = BenchMain.JSON.readTree(out.toFile());
    assertEquals(10, j.get("measures").size(), j.toString());
    assertTrue(j.get("command").asText().endsWith("benchmark hostile --words 1000,2000 --threads 1"));
    assertTrue(r.out().contains("a copy with every tenth word changed"), r.out());
  }
}
