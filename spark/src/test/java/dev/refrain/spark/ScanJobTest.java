package dev.refrain.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.LoaderOptions;
import dev.refrain.kernel.DetectorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in {@code local[2]} gives what {@code scan} gives on the same input: the same {@code
 * report.jsonl}, byte for byte (pairs, passages with their offsets, similarities and diffs,
 * containment, clusters, templates, stats), with scan run as users run it (the product jar the
 * root build made, in a JVM of its own).
 */
class ScanJobTest {
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
  void findsWhatScanFindsInTheSeeds() throws Exception {
    Path job = work.resolve("seeds-job");
    ScanJob.Summary s = ScanJob.run(spark, options(List.of("seeds"), job, 2));
    Path scan = Scans.scan(work.resolve("seeds-scan"), "seeds");
    assertEquals(Files.readString(scan.resolve("report.jsonl")), Files.readString(job.resolve("report.jsonl")));
    assertEquals(5, s.articles());
    assertTrue(s.pairs() > 0 && s.clusters() > 0 && s.templates() > 0, s.toString());
    // The Parquet tables hold the same entries.
    assertEquals(s.pairs(), spark.read().parquet(job.resolve("pairs").toString()).count());
    assertEquals(s.passages(), spark.read().parquet(job.resolve("passages").toString()).count());
    assertEquals(s.clusters(), spark.read().parquet(job.resolve("clusters").toString()).count());
    assertEquals(s.templates(), spark.read().parquet(job.resolve("templates").toString()).count());
    assertEquals(5, spark.read().parquet(job.resolve("articles").toString()).count());
  }

  @Test
  void findsWhatScanFindsInAGeneratedCorpus() throws Exception {
    Path corpus = Scans.generate(work.resolve("corpus"), 3000);
    Path job = work.resolve("corpus-job");
    // Small partitions, so pairs cross partitions and partners are fetched.
    ScanJob.Summary s = ScanJob.run(spark, options(List.of(corpus.toString()), job, 400));
    Path scan = Scans.scan(work.resolve("corpus-scan"), corpus.toString());
    String expected = Files.readString(scan.resolve("report.jsonl"));
    assertEquals(expected.lines().count(), Files.readString(job.resolve("report.jsonl")).lines().count());
    assertEquals(expected, Files.readString(job.resolve("report.jsonl")));
    assertEquals(3000, s.articles());
    assertTrue(s.pairs() > 1000 && s.clusters() > 10 && s.templates() > 4, s.toString());
  }

  static ScanJob.Options options(List<String> inputs, Path out, int perPartition) {
    return new ScanJob.Options(
        inputs, out.toString(), DetectorOptions.defaults().withThreads(1),
        LoaderOptions.DEFAULT_MAX_FILE_BYTES, perPartition);
  }
}
