package dev.refrain.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoaderOptions;
import dev.refrain.kernel.DetectorOptions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in {@code local[2]} gives what {@code scan} gives on the same input, with scan run as
 * users run it (the product jar the root build made, in a JVM of its own): the same {@code
 * report.jsonl}, compared line by line and field by field (pairs, passages with their offsets,
 * similarities and diffs, containment, clusters, templates, stats), then byte for byte; and
 * Parquet tables holding the same entries, field by field.
 */
class ScanJobTest {
  static SparkSession spark;
  @TempDir static Path work;

  /** The generated corpus, scan's report of it and the job's output, made once. */
  private static Path corpus;
  private static Path corpusScan;
  private static Path corpusJob;
  private static ScanJob.Summary corpusSummary;

  @BeforeAll
  static void start() {
    spark = Spark.local();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void findsWhatScanFindsInTheSeeds() throws Exception {
    Path job = work.resolve("seeds-job");
    ScanJob.Summary s = ScanJob.run(spark, options(List.of("seeds"), job, 2));
    Path scan = seedsScan();
    assertSameReport(scan, job);
    assertEquals(5, s.articles());
    assertTrue(s.pairs() > 0 && s.clusters() > 0 && s.templates() > 0, s.toString());
    // Blinken's and Balakrishnan's quotes, as scan groups them.
    assertTrue(Jsonl.ofType(Jsonl.read(job.resolve("report.jsonl")), "quoteFamily").size() > 1);
    assertNull(Tables.firstDifference(spark, job, Jsonl.read(scan.resolve("report.jsonl"))));
  }

  @Test
  void readsParquetInputAsScanReadsTheSameArticles() throws Exception {
    // The seeds as a Parquet table of id, text, source, title, published.
    List<Row> rows = new ArrayList<>();
    for (Article a : new ArticleLoader().load(List.of("seeds")).articles()) {
      rows.add(RowFactory.create(a.id(), a.text(), a.source(), a.title(), a.published()));
    }
    StructType schema = new StructType();
    for (String column : List.of("id", "text", "source", "title", "published")) {
      schema = schema.add(column, DataTypes.StringType);
    }
    Path parquet = work.resolve("seeds.parquet");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());
    Path job = work.resolve("parquet-job");
    ScanJob.run(spark, options(List.of(parquet.toString()), job, 2));
    Path scan = seedsScan();
    // Everything but the articles' paths (a Parquet file's, not a text file's) is scan's.
    List<JsonNode> expected = Jsonl.where(Jsonl.read(scan.resolve("report.jsonl")), l -> !isArticle(l));
    List<JsonNode> actual = Jsonl.where(Jsonl.read(job.resolve("report.jsonl")), l -> !isArticle(l));
    assertTrue(Jsonl.ofType(expected, "pair").size() > 3);
    assertNull(Jsonl.firstDifference(expected, actual));
  }

  @Test
  void findsWhatScanFindsInAGeneratedCorpus() throws Exception {
    generatedCorpus();
    assertSameReport(corpusScan, corpusJob);
    ScanJob.Summary s = corpusSummary;
    assertEquals(3000, s.articles());
    assertTrue(s.pairs() > 1000 && s.clusters() > 10 && s.templates() > 4, s.toString());
    assertNull(Tables.firstDifference(spark, corpusJob, Jsonl.read(corpusScan.resolve("report.jsonl"))));
  }

  @Test
  void pairsTheHoldersOfACappedFingerprintWithTheRepresentativeScanPairsThemWith() throws Exception {
    // 10 articles of 10 sources carry one sentence in their middle, 3 of them a second one too:
    // at --max-bucket 4 the first's fingerprints are capped, the second's are not.
    java.util.Random random = new java.util.Random(7);
    String everywhere = words(random, 30);
    String some = words(random, 20);
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      String text =
          words(random, 60) + ". " + everywhere + ". " + words(random, 40) + ". "
              + (i % 4 == 1 ? some + ". " : "") + words(random, 40) + ".";
      jsonl.append(
          Jsonl.JSON.writeValueAsString(
              Map.of("id", "story-" + (char) ('a' + (i * 7) % 10), "source", "outlet" + i,
                  "text", text)))
          .append('\n');
    }
    Path input = work.resolve("capped").resolve("articles.jsonl");
    Files.createDirectories(input.getParent());
    Files.writeString(input, jsonl.toString());
    Path job = work.resolve("capped-job");
    DetectorOptions d = DetectorOptions.defaults().withThreads(1);
    ScanJob.Summary s =
        ScanJob.run(
            spark,
            new ScanJob.Options(
                List.of(input.toString()), job.toString(),
                new DetectorOptions(
                    d.shingleSize(), d.window(), d.minWords(), d.maxGap(), d.minSimilarity(),
                    d.templateMinArticles(), 4, 1, d.seed()),
                LoaderOptions.DEFAULT_MAX_FILE_BYTES, 3));
    Path scan = Scans.scan(work.resolve("capped-scan"), List.of("--max-bucket", "4"), input.toString());
    assertSameReport(scan, job);
    List<JsonNode> report = Jsonl.read(job.resolve("report.jsonl"));
    JsonNode caps = Jsonl.ofType(report, "stats").get(0).get("capped");
    assertNotNull(caps, "nothing capped");
    assertTrue(s.cappedFingerprints() > 0, s.toString());
    assertEquals(10, caps.get("articles").asInt(), caps.toString());
    assertTrue(caps.get("representativePairs").asInt() > 0, caps.toString());
    assertTrue(caps.get("pairsNotCompared").asLong() > 0, caps.toString());
    // Every holder is paired with the representative, the one of least id key; the sentence is
    // one cluster of all ten.
    String representative =
        Jsonl.ofType(report, "article").stream()
            .map(a -> a.get("id").asText())
            .min(java.util.Comparator.comparingLong(dev.refrain.lsh.CandidatePairs::idKey))
            .orElseThrow();
    long withIt =
        Jsonl.ofType(report, "pair").stream()
            .filter(p -> p.get("a").asText().equals(representative) || p.get("b").asText().equals(representative))
            .count();
    assertEquals(9, withIt, representative);
    assertTrue(
        Jsonl.ofType(report, "cluster").stream()
            .anyMatch(c -> c.get("articleCount").asInt() == 10));
    assertNull(Tables.firstDifference(spark, job, Jsonl.read(scan.resolve("report.jsonl"))));
  }

  /** {@code count} words of made-up letters, space separated. */
  static String words(java.util.Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(' ');
      }
      int length = 3 + random.nextInt(6);
      for (int c = 0; c < length; c++) {
        out.append((char) ('a' + random.nextInt(26)));
      }
    }
    return out.toString();
  }

  @Test
  void leavesOutPairsOfOneSourceAndPairsFarApartInTime() throws Exception {
    generatedCorpus();
    int days = 60;
    Path job = work.resolve("filtered-job");
    ScanJob.run(
        spark,
        new ScanJob.Options(
            List.of(corpus.toString()), job.toString(), DetectorOptions.defaults().withThreads(1),
            LoaderOptions.DEFAULT_MAX_FILE_BYTES, 400, new PairFilter(true, days)));
    List<JsonNode> all = Jsonl.read(corpusJob.resolve("report.jsonl"));
    Map<String, JsonNode> articles = new HashMap<>();
    Jsonl.ofType(all, "article").forEach(a -> articles.put(a.get("id").asText(), a));
    int sameSource = 0;
    int farApart = 0;
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode p : Jsonl.ofType(all, "pair")) {
      JsonNode a = articles.get(p.get("a").asText());
      JsonNode b = articles.get(p.get("b").asText());
      boolean same = a.path("source").asText().equals(b.path("source").asText());
      long apart =
          Math.abs(
              PairFilter.day(a.path("published").asText()) - (long) PairFilter.day(b.path("published").asText()));
      sameSource += same ? 1 : 0;
      farApart += !same && apart > days ? 1 : 0;
      if (!same && apart <= days) {
        expected.add(Jsonl.without(p, "cluster"));
      }
    }
    // The unfiltered pairs hold both kinds the filter leaves out, and some it keeps.
    assertTrue(sameSource > 0 && farApart > 0 && !expected.isEmpty(), sameSource + " " + farApart);
    List<JsonNode> actual = new ArrayList<>();
    Jsonl.ofType(Jsonl.read(job.resolve("report.jsonl")), "pair")
        .forEach(p -> actual.add(Jsonl.without(p, "cluster")));
    // The pairs kept are the unfiltered ones, with the same passages, in the same order.
    assertNull(Jsonl.firstDifference(expected, actual));
  }

  @Test
  void leavesOutTheFilesTheIgnoreFilesLeaveOutAsScanDoes() throws Exception {
    // The seeds in a folder whose .refrainignore and .gitignore files (its own and a
    // subfolder's) leave out three of them and a note; a ! line of the .gitignore reads one again.
    List<Path> seeds;
    try (var s = Files.list(Path.of("seeds"))) {
      seeds = s.sorted().toList();
    }
    Path news = work.resolve("ignoring").resolve("news");
    Files.createDirectories(news.resolve("drafts"));
    Files.createDirectories(news.resolve("desk"));
    Files.copy(seeds.get(0), news.resolve("a.txt"));
    Files.copy(seeds.get(1), news.resolve("drafts").resolve("b.txt"));
    Files.copy(seeds.get(2), news.resolve("c.txt"));
    Files.copy(seeds.get(3), news.resolve("desk").resolve("d.txt"));
    Files.copy(seeds.get(4), news.resolve("desk").resolve("e.txt"));
    Files.copy(seeds.get(2), news.resolve("desk").resolve("copy.txt"));
    Files.writeString(news.resolve("notes.md"), "Not an article, and left out.\n");
    Files.writeString(news.resolve(".refrainignore"), "drafts/\n");
    Files.writeString(news.resolve(".gitignore"), "c.txt\n*.md\n");
    Files.writeString(news.resolve("desk").resolve(".gitignore"), "*.txt\n!e.txt\n");
    List<String> read = new ArrayList<>();
    ArticleInput.read(spark, List.of(news.toString()), new LoaderOptions(LoaderOptions.DEFAULT_MAX_FILE_BYTES))
        .articles()
        .collect()
        .forEach(r -> read.add(r.article().id()));
    read.sort(null);
    assertEquals(List.of("a", "desk/e"), read);
    List<String> loaded = new ArrayList<>();
    new ArticleLoader().load(List.of(news.toString())).articles().forEach(a -> loaded.add(a.id()));
    assertEquals(loaded, read);
    // The job's report is scan's, byte for byte.
    Path job = work.resolve("ignoring-job");
    ScanJob.run(spark, options(List.of(news.toString()), job, 2));
    assertSameReport(Scans.scan(work.resolve("ignoring-scan"), news.toString()), job);
  }

  @Test
  void aMissingInputPathReadsNothingAndWritesNothing() {
    Path job = work.resolve("missing-job");
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> ScanJob.run(spark, options(List.of("seeds", "no-such-folder"), job, 2)));
    assertTrue(e.getMessage().contains("no-such-folder: no such file or directory"), e.getMessage());
    assertFalse(Files.exists(job));
  }

  @Test
  void theComparisonNamesTheFirstFieldThatDiffers() throws Exception {
    List<JsonNode> x = List.of(Jsonl.JSON.readTree(
        "{\"type\":\"pair\",\"a\":\"x\",\"b\":\"y\",\"passages\":[{\"a\":{\"start\":3,\"end\":9}}]}"));
    List<JsonNode> y = List.of(Jsonl.JSON.readTree(
        "{\"type\":\"pair\",\"a\":\"x\",\"b\":\"y\",\"passages\":[{\"a\":{\"start\":3,\"end\":8}}]}"));
    assertNull(Jsonl.firstDifference(x, x));
    assertEquals("line 1 (pair x, y): passages[0].a.end: expected 9, was 8", Jsonl.firstDifference(x, y));
    assertNotNull(Jsonl.firstDifference(x, List.of()));
  }

  /** Scan's report and the job's: the first field that differs named, then byte for byte. */
  private static void assertSameReport(Path scan, Path job) throws Exception {
    assertNull(
        Jsonl.firstDifference(
            Jsonl.read(scan.resolve("report.jsonl")), Jsonl.read(job.resolve("report.jsonl"))));
    assertEquals(Files.readString(scan.resolve("report.jsonl")), Files.readString(job.resolve("report.jsonl")));
  }

  private static boolean isArticle(JsonNode line) {
    return line.path("type").asText().equals("article");
  }

  private static Path seedsScan;

  /** Scan's report of the seeds, made once. */
  private static synchronized Path seedsScan() throws Exception {
    if (seedsScan == null) {
      seedsScan = Scans.scan(work.resolve("seeds-scan"), "seeds");
    }
    return seedsScan;
  }

  private static synchronized void generatedCorpus() throws Exception {
    if (corpus != null) {
      return;
    }
    corpus = Scans.generate(work.resolve("corpus"), 3000);
    corpusJob = work.resolve("corpus-job");
    // Small partitions, so pairs cross partitions and partners are fetched.
    corpusSummary = ScanJob.run(spark, options(List.of(corpus.toString()), corpusJob, 400));
    corpusScan = Scans.scan(work.resolve("corpus-scan"), corpus.toString());
  }

  static ScanJob.Options options(List<String> inputs, Path out, int perPartition) {
    return new ScanJob.Options(
        inputs, out.toString(), DetectorOptions.defaults().withThreads(1),
        LoaderOptions.DEFAULT_MAX_FILE_BYTES, perPartition);
  }
}
