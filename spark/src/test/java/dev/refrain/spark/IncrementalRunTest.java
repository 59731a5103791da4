package dev.refrain.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --previous}: the job over articles A, then over new articles B against that output,
 * gives what one run over A and B gives, and what {@code scan} of A and B gives, byte for byte,
 * while taking the pairs of A from the first run; when B's articles make new templates, the
 * earlier pairs whose template words changed are compared again (and counted). An earlier output
 * that is missing, of another version or corrupt is refused with one line and left as it was.
 */
class IncrementalRunTest {
  static SparkSession spark;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = Spark.local();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void seedsInTwoRunsAreTheSeedsInOne() throws Exception {
    // Three seeds, then the other two.
    List<Path> seeds;
    try (Stream<Path> s = Files.list(Path.of("seeds"))) {
      seeds = s.sorted().toList();
    }
    Path a = copy(seeds.subList(0, 3), work.resolve("seeds-a"));
    Path b = copy(seeds.subList(3, seeds.size()), work.resolve("seeds-b"));
    ScanJob.Reuse r = assertSameAsOneRun("seeds", a, b, 2);
    assertEquals(3, r.keptArticles());
    assertEquals(2, r.newArticles());
  }

  @Test
  void aGeneratedCorpusInTwoRunsIsTheCorpusInOne() throws Exception {
    Path corpus = Scans.generate(work.resolve("corpus"), 3000);
    // Every fifth article comes later.
    List<String> first = new ArrayList<>();
    List<String> later = new ArrayList<>();
    List<Path> parts;
    try (Stream<Path> s = Files.list(corpus)) {
      parts = s.sorted().toList();
    }
    int i = 0;
    for (Path part : parts) {
      for (String line : Files.readAllLines(part)) {
        (i++ % 5 == 4 ? later : first).add(line);
      }
    }
    Path a = lines(first, work.resolve("corpus-a").resolve("articles.jsonl")).getParent();
    Path b = lines(later, work.resolve("corpus-b").resolve("articles.jsonl")).getParent();
    ScanJob.Reuse r = assertSameAsOneRun("corpus", a, b, 400);
    assertEquals(2400, r.keptArticles());
    assertEquals(600, r.newArticles());
    // Most of the earlier run's work is taken as it was; the 600 made new templates, so some
    // earlier articles' template words changed, and their pairs were compared again.
    assertTrue(r.reusedPairs() > 1000, r.toString());
    assertTrue(r.changedArticles() > 0 && r.recomparedPairs() > 0, r.toString());

    // A third run, from the second's output: 30 reprints, each of the middle paragraphs of one
    // article (no edge, so no template text), each of a source of its own. The templates stay
    // as they were: every earlier pair is taken as it was, none compared again.
    List<String> reprints = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      JsonNode x = Jsonl.JSON.readTree(first.get(k * 79));
      String[] paragraphs = x.get("text").asText().split("\n\n");
      if (paragraphs.length < 3) {
        continue;
      }
      String middle = String.join("\n\n", List.of(paragraphs).subList(1, paragraphs.length - 1));
      reprints.add(article("reprint-" + k, "Reprints " + k, middle));
    }
    assertTrue(reprints.size() > 20);
    Path c = lines(reprints, work.resolve("corpus-c").resolve("articles.jsonl")).getParent();
    ScanJob.Reuse third = assertSameAsOneRun("corpus3", List.of(a, b), work.resolve("corpus-added"), c, 400);
    assertEquals(3000, third.keptArticles());
    assertEquals(third.templatesBefore(), third.templatesNow(), third.toString());
    assertEquals(0, third.changedArticles(), third.toString());
    assertEquals(0, third.recomparedPairs(), third.toString());
    assertEquals(0, third.droppedPairs(), third.toString());
    assertTrue(third.reusedPairs() > 1000, third.toString());
  }

  @Test
  void newTemplatesMakeTheEarlierPairsTheyTouchComparedAgain() throws Exception {
    // Source "daily" has two articles with one footer in the first run (below the three a
    // template needs), and a third in the second: the footer becomes a template, so the first
    // two no longer share it. Two other articles share a story and no footer: taken as they were.
    Random random = new Random(11);
    String footer = ScanJobTest.words(random, 30);
    String story = ScanJobTest.words(random, 60);
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      first.add(article("daily-" + i, "daily", ScanJobTest.words(random, 80) + ". " + footer + "."));
    }
    first.add(article("wire-1", "wire", story + ". " + ScanJobTest.words(random, 40) + "."));
    first.add(article("post-1", "post", ScanJobTest.words(random, 40) + ". " + story + "."));
    List<String> later = List.of(article("daily-2", "daily", ScanJobTest.words(random, 80) + ". " + footer + "."));
    Path a = lines(first, work.resolve("footer-a").resolve("articles.jsonl")).getParent();
    Path b = lines(later, work.resolve("footer-b").resolve("articles.jsonl")).getParent();
    Path once = work.resolve("footer-a-job");
    ScanJob.run(spark, ScanJobTest.options(List.of(a.toString()), once, 2));
    List<JsonNode> before = Jsonl.read(once.resolve("report.jsonl"));
    assertTrue(hasPair(before, "daily-0", "daily-1"), "the footer is shared before it is a template");
    assertEquals(0, Jsonl.ofType(before, "template").size());

    ScanJob.Reuse r = assertSameAsOneRun("footer", a, b, 2);
    List<JsonNode> after = Jsonl.read(work.resolve("footer-added").resolve("report.jsonl"));
    assertEquals(1, Jsonl.ofType(after, "template").size());
    assertFalse(hasPair(after, "daily-0", "daily-1"));
    assertTrue(hasPair(after, "post-1", "wire-1"));
    assertEquals(0, r.templatesBefore());
    assertEquals(1, r.templatesNow());
    assertEquals(2, r.changedArticles(), r.toString());
    // The daily pair is no candidate now (its shared fingerprints are template text), the
    // story's pair is taken as it was.
    assertEquals(1, r.droppedPairs(), r.toString());
    assertTrue(r.reusedPairs() >= 1, r.toString());
  }

  @Test
  void anEarlierOutputThatCannotBeUsedIsRefusedAndLeftAsItWas() throws Exception {
    Path a = copy(List.of(Path.of("seeds").resolve("000_c36cad3b898c0f9e.txt")), work.resolve("bad-a"));
    Path b = copy(List.of(Path.of("seeds").resolve("001_3bf4201df3802dec.txt")), work.resolve("bad-b"));
    Path previous = work.resolve("bad-previous");
    ScanJob.run(spark, ScanJobTest.options(List.of(a.toString()), previous, 2));
    Map<String, String> was = snapshot(previous);

    // Into itself, or a folder inside it: usage (2), nothing written.
    RunState.Unusable same = refused(b, previous, previous);
    assertEquals(2, same.exitCode);
    assertTrue(same.getMessage().contains("must be a new one"), same.getMessage());
    assertEquals(2, refused(b, previous, previous.resolve("inside")).exitCode);
    assertFalse(Files.exists(previous.resolve("inside")));
    assertEquals(was, snapshot(previous));

    // Missing.
    RunState.Unusable missing = refused(b, work.resolve("no-such-output"), work.resolve("out-1"));
    assertEquals(3, missing.exitCode);
    assertTrue(missing.getMessage().contains("no-such-output: no such folder"), missing.getMessage());

    // Of another version: a copy with its format line changed.
    Path other = copyTree(previous, work.resolve("other-version"));
    Files.writeString(other.resolve("state/format"), "refrain-spark state 0\n");
    Files.deleteIfExists(other.resolve("state/.format.crc"));
    Map<String, String> otherWas = snapshot(other);
    RunState.Unusable version = refused(b, other, work.resolve("out-2"));
    assertEquals(3, version.exitCode);
    assertTrue(version.getMessage().contains("refrain-spark state 0"), version.getMessage());
    assertEquals(otherWas, snapshot(other));

    // No state at all (a report alone, as an earlier version of the job wrote).
    Path stateless = copyTree(previous, work.resolve("stateless"));
    deleteTree(stateless.resolve("state"));
    assertTrue(refused(b, stateless, work.resolve("out-3")).getMessage().contains("no state/format"));

    // Corrupt: bytes of an articles part overwritten (its checksum no longer holds).
    Path corrupt = copyTree(previous, work.resolve("corrupt"));
    Path part;
    try (Stream<Path> s = Files.list(corrupt.resolve("state/articles"))) {
      part = s.filter(p -> p.getFileName().toString().startsWith("part-")).filter(p -> size(p) > 200)
          .findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(part);
    for (int i = 100; i < 140; i++) {
      bytes[i] ^= 0x5a;
    }
    Files.write(part, bytes);
    Map<String, String> corruptWas = snapshot(corrupt);
    RunState.Unusable broken = refused(b, corrupt, work.resolve("out-4"));
    assertEquals(3, broken.exitCode);
    assertTrue(broken.getMessage().contains("cannot read state/articles"), broken.getMessage());
    assertEquals(corruptWas, snapshot(corrupt));
    for (String out : List.of("out-1", "out-2", "out-3", "out-4")) {
      assertFalse(Files.exists(work.resolve(out).resolve(JobOutput.REPORT)), out);
    }

    // Other settings: usage (2), the setting named.
    RunState.Unusable settings =
        assertThrows(
            RunState.Unusable.class,
            () ->
                ScanJob.run(
                    spark,
                    new ScanJob.Options(
                        List.of(b.toString()), work.resolve("out-5").toString(),
                        dev.refrain.kernel.DetectorOptions.defaults().withThreads(1).withShingles(6, 8),
                        dev.refrain.document.LoaderOptions.DEFAULT_MAX_FILE_BYTES, 2,
                        PairFilter.NONE, previous.toString())));
    assertEquals(2, settings.exitCode);
    assertTrue(settings.getMessage().contains("shingleSize 5 there, 6 here"), settings.getMessage());

    // The command line: one line on stderr, the exit code (it stops its Spark: start another).
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream was0 = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code =
          SparkMain.run(
              "scan", "--master", "local[2]", "--input", b.toString(), "--output",
              work.resolve("out-6").toString(), "--previous", corrupt.toString());
    } finally {
      System.setErr(was0);
      spark = Spark.local();
    }
    assertEquals(3, code);
    List<String> lines =
        err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("refrain-spark:")).toList();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("cannot read state/articles"), lines.get(0));
    assertEquals(corruptWas, snapshot(corrupt));
    assertEquals(was, snapshot(previous));
  }

  /**
   * Runs the job over {@code a}, then over {@code b} with that output as {@code --previous},
   * and once over both; asserts the second run's report is the one run's and scan's, byte for
   * byte, and its Parquet tables hold the same; returns what the second run took.
   */
  private static ScanJob.Reuse assertSameAsOneRun(String name, Path a, Path b, int perPartition)
      throws Exception {
    Path first = work.resolve(name + "-first");
    ScanJob.run(spark, ScanJobTest.options(List.of(a.toString()), first, perPartition));
    return assertSameAsOneRun(name, List.of(a), first, b, perPartition);
  }

  /**
   * Runs the job over {@code b} with {@code first} (the output of a run over {@code before}) as
   * {@code --previous}, and once over {@code before} and {@code b}; asserts as above.
   */
  private static ScanJob.Reuse assertSameAsOneRun(
      String name, List<Path> before, Path first, Path b, int perPartition) throws Exception {
    Path added = work.resolve(name + "-added");
    ScanJob.Options o = ScanJobTest.options(List.of(b.toString()), added, perPartition);
    ScanJob.Summary s =
        ScanJob.run(
            spark,
            new ScanJob.Options(
                o.inputs(), o.output(), o.detector(), o.maxFileBytes(), o.articlesPerPartition(),
                o.filter(), first.toString()));
    Path once = work.resolve(name + "-once");
    List<String> all = new ArrayList<>();
    before.forEach(x -> all.add(x.toString()));
    all.add(b.toString());
    ScanJob.run(spark, ScanJobTest.options(all, once, perPartition));
    Path scan = Scans.scan(work.resolve(name + "-scan"), all.toArray(String[]::new));
    List<JsonNode> expected = Jsonl.read(scan.resolve("report.jsonl"));
    assertNull(Jsonl.firstDifference(expected, Jsonl.read(once.resolve("report.jsonl"))));
    assertNull(Jsonl.firstDifference(expected, Jsonl.read(added.resolve("report.jsonl"))));
    assertEquals(Files.readString(scan.resolve("report.jsonl")), Files.readString(added.resolve("report.jsonl")));
    assertNull(Tables.firstDifference(spark, added, expected));
    assertTrue(Jsonl.ofType(expected, "pair").size() > 0);
    // The output of the second run is itself a state a third run can start from.
    assertTrue(Files.isRegularFile(added.resolve("state/format")));
    assertNotNull(s.reuse());
    System.out.println(name + ": " + s.reuse());
    return s.reuse();
  }

  private static RunState.Unusable refused(Path input, Path previous, Path output) {
    ScanJob.Options o = ScanJobTest.options(List.of(input.toString()), output, 2);
    return assertThrows(
        RunState.Unusable.class,
        () ->
            ScanJob.run(
                spark,
                new ScanJob.Options(
                    o.inputs(), o.output(), o.detector(), o.maxFileBytes(),
                    o.articlesPerPartition(), o.filter(), previous.toString())));
  }

  private static boolean hasPair(List<JsonNode> report, String a, String b) {
    return Jsonl.ofType(report, "pair").stream()
        .anyMatch(p -> p.get("a").asText().equals(a) && p.get("b").asText().equals(b));
  }

  private static String article(String id, String source, String text) throws IOException {
    return Jsonl.JSON.writeValueAsString(Map.of("id", id, "source", source, "text", text));
  }

  private static Path lines(List<String> lines, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
    return file;
  }

  private static Path copy(List<Path> files, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Path f : files) {
      Files.copy(f, dir.resolve(f.getFileName()));
    }
    return dir;
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir} by relative path, with its SHA-256. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(p).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }
}
