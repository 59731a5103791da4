package dev.refrain.bench.inprocess;

import dev.refrain.check.Baseline;
import dev.refrain.check.CheckOptions;
import dev.refrain.check.Checker;
import dev.refrain.document.Article;
import dev.refrain.index.ArchiveException;
import dev.refrain.index.IndexSettings;
import dev.refrain.index.LuceneArchive;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.PreparedArticle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures {@code check} against a large archive: builds (or reuses) an index of synthetic
 * articles, then checks new articles, each carrying a 30-word passage copied from a random
 * archived article, and records the latency of each check (wall and the checking thread's CPU
 * time) and of its candidate search alone (the least of three runs). Reports median and p95 latency, the share of planted
 * passages found, index time and size per article.
 */
public final class CheckBenchmark {

  /** What a run measured. */
  public record Result(
      int articles,
      int wordsPerArticle,
      double indexSeconds,
      double optimizeSeconds,
      int segments,
      long indexBytes,
      double bytesPerArticle,
      int checks,
      double medianMillis,
      double p95Millis,
      double maxMillis,
      double plantedFound,
      double cpuMedianMillis,
      double cpuP95Millis,
      double searchMedianMillis,
      double searchP95Millis) {}

  private final int articles;
  private final int wordsPerArticle;
  private final int checks;
  private final long seed;

  public CheckBenchmark(int articles, int wordsPerArticle, int checks, long seed) {
    this.articles = articles;
    this.wordsPerArticle = wordsPerArticle;
    this.checks = checks;
    this.seed = seed;
  }

  static String archived(SyntheticText text, long seed, int n, int words) {
    return text.article(new Random(seed * 1_000_003L + n), words);
  }

  /** Builds the index in {@code dir} unless it already holds {@code articles} articles. */
  public Result run(Path dir, int threads, PrintWriter log) throws ArchiveException, Exception {
    DetectorOptions options = DetectorOptions.defaults().withThreads(threads);
    Detector detector = new Detector(options);
    SyntheticText text = new SyntheticText(50_000);
    double indexSeconds = 0;
    double optimizeSeconds = 0;
    boolean reuse = false;
    if (LuceneArchive.exists(dir)) {
      try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
        reuse = r.size() == articles && r.settings().equals(IndexSettings.of(options));
      } catch (ArchiveException e) {
        reuse = false;
      }
    }
    if (!reuse) {
      deleteRecursively(dir);
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try (LuceneArchive.Writer w = LuceneArchive.openWriter(dir, IndexSettings.of(options))) {
        int batch = 1000;
        for (int from = 0; from < articles; from += batch) {
          List<Future<PreparedArticle>> parts = new ArrayList<>();
          for (int n = from; n < Math.min(articles, from + batch); n++) {
            int id = n;
            parts.add(pool.submit(() -> detector.prepare(
                Article.of("a" + id, archived(text, seed, id, wordsPerArticle)))));
          }
          for (Future<PreparedArticle> f : parts) {
            w.add(f.get());
          }
          if ((from / batch) % 10 == 0) {
            log.printf(Locale.ROOT, "indexed %d / %d%n", from + batch, articles);
            log.flush();
          }
        }
      } finally {
        pool.shutdownNow();
      }
      indexSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      try (LuceneArchive.Writer w = LuceneArchive.openWriter(dir, IndexSettings.of(options))) {
        w.optimize(1);
      }
      optimizeSeconds = (System.nanoTime() - t1) / 1e9;
    }
    try (LuceneArchive.Reader reader = LuceneArchive.openReader(dir)) {
      Checker checker =
          new Checker(detector, reader, new CheckOptions(0.3, 100, Set.of(), Baseline.empty()));
      Random random = new Random(seed + 7);
      int warmup = Math.min(200, checks);
      double[] millis = new double[checks];
      double[] cpuMillis = new double[checks];
      double[] searchMillis = new double[checks];
      int found = 0;
      for (int i = -warmup; i < checks; i++) {
        int source = random.nextInt(articles);
        String[] words = archived(text, seed, source, wordsPerArticle).split(" ");
        int at = random.nextInt(Math.max(1, words.length - 30));
        StringBuilder sb = new StringBuilder();
        text.append(sb, random, wordsPerArticle / 2);
        sb.append(String.join(" ", Arrays.copyOfRange(words, at, Math.min(words.length, at + 30)))).append(' ');
        text.append(sb, random, wordsPerArticle / 2);
        Article fresh = Article.of("new-" + i, sb.toString());
        long c0 = threads().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Checker.Result r = checker.check(fresh);
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpu = (threads().getCurrentThreadCpuTime() - c0) / 1e6;
        // The archive's part alone: the candidate search for the article's distinct
        // fingerprints (a check leaves out its template ones first), the least of three runs,
        // as a shared machine's preemptions only ever add time.
        long[] keys = Arrays.stream(r.article().fingerprints().hashes()).distinct().sorted().toArray();
        double search = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
          long s0 = System.nanoTime();
          reader.candidateSearch(keys, reader.settings().maxBucket(), Integer.MAX_VALUE);
          search = Math.min(search, (System.nanoTime() - s0) / 1e6);
        }
        if (i >= 0) {
          millis[i] = ms;
          cpuMillis[i] = cpu;
          searchMillis[i] = search;
          String want = "a" + source;
          if (r.matches().stream().anyMatch(m -> m.archived().article().id().equals(want))) {
            found++;
          }
        }
      }
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      Arrays.sort(cpuMillis);
      Arrays.sort(searchMillis);
      long bytes = reader.sizeOnDisk();
      return new Result(
          reader.size(), wordsPerArticle, indexSeconds, optimizeSeconds, reader.segments(), bytes, (double) bytes / reader.size(),
          checks, percentile(sorted, 0.5), percentile(sorted, 0.95), sorted[sorted.length - 1],
          (double) found / checks, percentile(cpuMillis, 0.5), percentile(cpuMillis, 0.95),
          percentile(searchMillis, 0.5), percentile(searchMillis, 0.95));
    }
  }

  /**
   * CPU time of the checking thread: on a shared machine a check's wall time includes the time it
   * waited for a core, its thread's CPU time does not. (A candidate search of 512 or more
   * fingerprints may also use other threads; the synthetic articles have fewer.)
   */
  private static java.lang.management.ThreadMXBean threads() {
    return java.lang.management.ManagementFactory.getThreadMXBean();
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }

  static double percentile(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
