package dev.refrain.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index add / remove / stats and check, through the command line. */
class CheckCommandTest {
  static final String S000 = "seeds/000_c36cad3b898c0f9e.txt";
  static final String S001 = "seeds/001_3bf4201df3802dec.txt";
  static final String S002 = "seeds/002_00bb0b47ee1a1f3c.txt";
  static final String S003 = "seeds/003_1db7f69e6dbc993b.txt";
  static final String S004 = "seeds/004_e532a696cc3e8e02.txt";

  @TempDir Path tmp;
  Path index;

  static MainTest.Run run(String... args) {
    return MainTest.run(args);
  }

  @BeforeEach
  void archive() {
    index = tmp.resolve("index");
    MainTest.Run r = run("index", "add", S000, S002, S003, "--index", index.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("the index holds 3"), r.out());
  }

  @Test
  void passesWithinTheLimitAndFailsOverIt() {
    MainTest.Run ok = run("check", S001, "--index", index.toString(), "--max-containment", "0.3");
    assertEquals(0, ok.code(), ok.err() + ok.out());
    assertTrue(ok.out().contains("shares 10.0% with 000_c36cad3b898c0f9e"), ok.out());
    // With 004 archived too, its footer is in three articles: a template the index learns.
    assertEquals(0, run("index", "add", S004, "--index", index.toString()).code());
    MainTest.Run fail = run("check", S004, "--index", index.toString(), "--max-containment", "0.1");
    assertEquals(1, fail.code(), fail.out());
    assertTrue(fail.out().contains("FAIL 004_e532a696cc3e8e02"), fail.out());
    assertFalse(fail.out().contains("Your email address"), "the footer is no passage: " + fail.out());
    assertTrue(fail.out().contains("template words left out"), "template text is reported: " + fail.out());
  }

  @Test
  void writesEveryFormatToTheOutFolder() throws IOException {
    Path out = tmp.resolve("out");
    MainTest.Run r =
        run("check", S001, S004, "--index", index.toString(), "--format", "text,json,sarif,junit,markdown",
            "--out", out.toString());
    assertEquals(1, r.code(), r.err());
    for (String f : List.of("check.txt", "check.json", "check.sarif", "check.xml", "check.md")) {
      assertTrue(Files.size(out.resolve(f)) > 100, f);
    }
    JsonNode sarif = new ObjectMapper().readTree(out.resolve("check.sarif").toFile());
    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode first = sarif.at("/runs/0/results/0/locations/0/physicalLocation");
    assertTrue(first.at("/artifactLocation/uri").asText().startsWith("seeds/"), first.toString());
    assertTrue(first.at("/region/startLine").asInt() >= 1);
  }

  @Test
  void aVerbatimCopyNamedLikeAnArchivedArticleFailsAsItsEarlierVersion() throws IOException {
    Path archive = Files.createDirectories(tmp.resolve("archive"));
    Path fresh = Files.createDirectories(tmp.resolve("new"));
    Files.copy(Path.of(S001), archive.resolve("story.txt"));
    Files.copy(Path.of(S001), fresh.resolve("story.txt"));
    Path idx = tmp.resolve("idx");
    assertEquals(0, run("index", "add", archive.toString(), "--index", idx.toString()).code());

    MainTest.Run compared = run("check", fresh.toString(), "--index", idx.toString());
    assertEquals(1, compared.code(), compared.out() + compared.err());
    assertTrue(compared.out().contains("FAIL story (" + fresh + "/story.txt): 100.0% of words reused"),
        compared.out());
    assertTrue(compared.out().contains(
        "earlier version (same id) in the archive: identical, 100.0% of words shared, counted"),
        compared.out());
    assertTrue(compared.out().contains("with story, its earlier version"), compared.out());

    Path out = tmp.resolve("out");
    MainTest.Run updated =
        run("check", fresh.toString(), "--index", idx.toString(), "--same-id", "update",
            "--format", "json", "--out", out.toString());
    assertEquals(0, updated.code(), updated.out() + updated.err());
    JsonNode json = new ObjectMapper().readTree(out.resolve("check.json").toFile());
    assertEquals("update", json.at("/settings/sameId").asText());
    JsonNode article = json.at("/articles/0");
    assertEquals(0.0, article.get("containment").asDouble());
    assertTrue(article.at("/earlierVersion/identical").asBoolean());
    assertFalse(article.at("/earlierVersion/counted").asBoolean());
    assertEquals(1.0, article.at("/earlierVersion/shared").asDouble());
    assertTrue(article.at("/matches/0/sameId").asBoolean());
    assertEquals("update", article.at("/matches/0/passages/0/status").asText());
  }

  @Test
  void failsClosedOnAFileInAFolderItCannotReadUnlessItIsLeftOutOnPurpose() throws IOException {
    Path fresh = Files.createDirectories(tmp.resolve("new"));
    Files.copy(Path.of(S001), fresh.resolve("a.txt"));
    Files.writeString(fresh.resolve("b.txt"), "A short note of no interest to anyone at all.");
    Files.writeString(fresh.resolve("copied.pdf"), "%PDF-1.4 the copied story, as a PDF");

    MainTest.Run closed = run("check", fresh.toString(), "--index", index.toString());
    assertEquals(3, closed.code(), closed.out() + closed.err());
    assertTrue(closed.err().contains("refrain: " + fresh + "/copied.pdf: skipped: unsupported file type"),
        closed.err());
    assertTrue(closed.err().contains("nothing checked: 1 input was not read"), closed.err());
    assertEquals("", closed.out(), "nothing judged");

    MainTest.Run quiet = run("check", fresh.toString(), "--index", index.toString(), "--quiet");
    assertEquals(3, quiet.code());
    assertFalse(quiet.err().contains("copied.pdf"), quiet.err());
    assertTrue(quiet.err().contains("refrain: 1 input skipped, 0 warnings (run without --quiet"),
        quiet.err());

    MainTest.Run excluded =
        run("check", fresh.toString(), "--index", index.toString(), "--exclude", "*.pdf");
    assertEquals(0, excluded.code(), excluded.out() + excluded.err());
    assertEquals("", excluded.err());
    assertTrue(excluded.out().contains("2 articles checked"), excluded.out());

    Files.writeString(fresh.resolve(".refrainignore"), "# PDFs are checked elsewhere\n*.pdf\n");
    MainTest.Run ignored = run("check", fresh.toString(), "--index", index.toString());
    assertEquals(0, ignored.code(), ignored.out() + ignored.err());
    assertEquals("", ignored.err());
  }

  @Test
  void scanNamesAFileItSkipsInAFolderAndExitsWith4() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("articles"));
    Files.copy(Path.of(S000), folder.resolve("a.txt"));
    Files.copy(Path.of(S001), folder.resolve("b.txt"));
    Files.writeString(folder.resolve("c.pdf"), "%PDF-1.4");
    MainTest.Run r = run("scan", folder.toString(), "--out", tmp.resolve("out").toString(),
        "--progress", "never");
    assertEquals(4, r.code(), r.err());
    assertEquals("refrain: " + folder + "/c.pdf: skipped: unsupported file type; expected .txt,"
        + " .md, .html, .json or .jsonl\n", r.err());
  }

  @Test
  void rejectsAnInvalidExcludeGlobAsAUsageError() {
    MainTest.Run r = run("check", S001, "--index", index.toString(), "--exclude", "[oops");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--exclude '[oops' is not a valid glob"), r.err());
  }

  @Test
  void checksAnArticleOnStandardInputAndJsonLinesOnStandardInput() throws IOException {
    byte[] copy = Files.readAllBytes(Path.of(S003));
    MainTest.Run text = MainTest.runWithInput(copy, "check", "-", "--index", index.toString());
    assertEquals(1, text.code(), text.out() + text.err());
    assertTrue(text.out().contains("FAIL stdin (-): 100.0% of words reused"), text.out());

    String escaped = Files.readString(Path.of(S001)).replace("\"", "\\\"").replace("\n", "\\n");
    byte[] lines = ("{\"id\": \"n1\", \"text\": \"" + escaped + "\"}\n").getBytes(UTF_8);
    MainTest.Run records = MainTest.runWithInput(lines, "check", "-", "--index", index.toString());
    assertEquals(0, records.code(), records.out() + records.err());
    assertTrue(records.out().contains("ok   n1 (-#1)"), records.out());
  }

  @Test
  void scanReadsStandardInputBesideFiles() throws IOException {
    byte[] text = Files.readAllBytes(Path.of(S004));
    MainTest.Run r =
        MainTest.runWithInput(text, "scan", "-", S003, "--out", tmp.resolve("out").toString(),
            "--progress", "never");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("003_1db7f69e6dbc993b") && r.out().contains("stdin"), r.out());
  }

  @Test
  void needsOutForSeveralFormats() {
    MainTest.Run r = run("check", S001, "--index", index.toString(), "--format", "json,sarif");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--out"), r.err());
  }

  @Test
  void aBaselineWrittenOnceAcceptsThoseOverlapsLater() {
    Path baseline = tmp.resolve("baseline.json");
    MainTest.Run first =
        run("check", S004, "--index", index.toString(), "--max-containment", "0.1",
            "--write-baseline", baseline.toString());
    assertEquals(1, first.code());
    assertTrue(Files.exists(baseline));
    MainTest.Run second =
        run("check", S004, "--index", index.toString(), "--max-containment", "0.1",
            "--baseline", baseline.toString());
    assertEquals(0, second.code(), second.out());
    assertTrue(second.out().contains("baseline]"), second.out());
  }

  @Test
  void anAllowedSourceDoesNotCount() throws IOException {
    Path licensed = Files.createDirectories(tmp.resolve("licensed"));
    String text = Files.readString(Path.of(S003)).replace("\"", "\\\"").replace("\n", "\\n");
    Files.writeString(licensed.resolve("wire.jsonl"),
        "{\"id\": \"wire-1\", \"source\": \"Wire Agency\", \"text\": \"" + text + "\"}\n");
    Path other = tmp.resolve("other-index");
    assertEquals(0, run("index", "add", licensed.toString(), "--index", other.toString()).code());
    MainTest.Run counted = run("check", S004, "--index", other.toString(), "--max-containment", "0.1");
    assertEquals(1, counted.code(), counted.out());
    MainTest.Run allowed =
        run("check", S004, "--index", other.toString(), "--max-containment", "0.1",
            "--allow-source", "wire agency");
    assertEquals(0, allowed.code(), allowed.out());
  }

  @Test
  void addsCheckedArticlesWhenAsked() {
    assertEquals(0, run("check", S001, "--index", index.toString(), "--add").code());
    MainTest.Run stats = run("index", "stats", "--index", index.toString());
    assertEquals(0, stats.code());
    assertTrue(stats.out().contains("articles: 4"), stats.out());
    assertTrue(stats.out().contains("shingle size 5"), stats.out());
  }

  @Test
  void addsNothingAndSaysSoWhenNoInputIsReadable() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.txt"), " ");
    Path fresh = tmp.resolve("fresh-index");
    MainTest.Run r = run("index", "add", empty.toString(), "--index", fresh.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("nothing added"), r.err());
    assertFalse(Files.exists(fresh), "no empty index is created");
  }

  @Test
  void removesById() {
    MainTest.Run r = run("index", "remove", "002_00bb0b47ee1a1f3c", "nope", "--index", index.toString());
    assertEquals(0, r.code());
    assertTrue(r.out().contains("removed 1 of 2 ids"), r.out());
    assertTrue(r.err().contains("not in the index, so not removed: nope"), r.err());
    assertTrue(run("index", "stats", "--index", index.toString()).out().contains("articles: 2"));
  }

  @Test
  void refusesOtherSettingsWithExitCode2() {
    MainTest.Run add = run("index", "add", S001, "--index", index.toString(), "--shingle-size", "4");
    assertEquals(2, add.code());
    assertTrue(add.err().contains("shingleSize is 5 in the index, 4 here"), add.err());
    MainTest.Run check = run("check", S001, "--index", index.toString(), "--window", "16");
    assertEquals(2, check.code());
    assertTrue(check.err().contains("window is 6 in the index, 16 here"), check.err());
  }

  @Test
  void exitCode3ForAMissingOrDamagedIndexAndUnreadableInput() throws IOException {
    MainTest.Run missing = run("check", S001, "--index", tmp.resolve("nothing").toString());
    assertEquals(3, missing.code());
    assertTrue(missing.err().contains("no refrain index here"), missing.err());

    Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
    MainTest.Run skipped = run("check", S001, empty.toString(), "--index", index.toString());
    assertEquals(3, skipped.code(), "a gate does not pass on what it did not read");

    Path badBaseline = Files.writeString(tmp.resolve("b.json"), "{not json");
    MainTest.Run baseline =
        run("check", S001, "--index", index.toString(), "--baseline", badBaseline.toString());
    assertEquals(3, baseline.code());
    assertTrue(baseline.err().contains("b.json"), baseline.err());

    Path segments;
    try (Stream<Path> files = Files.list(index)) {
      segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
    Files.write(segments, new byte[] {1, 2, 3});
    MainTest.Run damaged = run("check", S001, "--index", index.toString());
    assertEquals(3, damaged.code());
    assertTrue(damaged.err().contains("damaged"), damaged.err());
    assertFalse(damaged.err().contains("Exception\n"), damaged.err());
  }

  @Test
  void damageInsideTheIndexIsExitCode3NeverAnInternalErrorAndVerifyFindsAll()
      throws IOException {
    Path data;
    try (Stream<Path> files = Files.list(index)) {
      data =
          files
              .filter(p -> p.getFileName().toString().endsWith(".cfs"))
              .findFirst()
              .orElseThrow();
    }
    byte[] good = Files.readAllBytes(data);
    assertEquals(0, run("index", "verify", "--index", index.toString()).code());
    int step = good.length / 23;
    for (int offset = step; offset < good.length - 16; offset += step) {
      byte[] bad = good.clone();
      for (int i = 0; i < 4; i++) {
        bad[offset + i] ^= (byte) 0x5A;
      }
      Files.write(data, bad);
      String at = "flipped at " + offset + ": ";
      MainTest.Run check = run("check", S001, "--index", index.toString());
      assertTrue(check.code() == 0 || check.code() == 3, at + check.code() + " " + check.err());
      if (check.code() == 3) {
        assertTrue(check.err().startsWith("refrain: " + index + ": "), at + check.err());
        assertEquals(1, check.err().strip().lines().count(), at + check.err());
      }
      MainTest.Run verify = run("index", "verify", "--index", index.toString());
      assertEquals(3, verify.code(), at + verify.out());
      assertTrue(verify.err().contains("the index is damaged"), at + verify.err());
      MainTest.Run gate = run("check", S001, "--index", index.toString(), "--verify-index");
      assertEquals(3, gate.code(), at + gate.out());
      assertTrue(gate.out().isEmpty(), "nothing judged on a damaged index: " + gate.out());
      assertArrayEquals(bad, Files.readAllBytes(data), at + "reading changed nothing");
    }
    Files.write(data, good);
    MainTest.Run ok = run("index", "verify", "--index", index.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("ok: 3 articles in "), ok.out());
    assertTrue(ok.out().contains("segments, every checksum matches"), ok.out());
  }
}
