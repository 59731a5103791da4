package dev.refrain.bench.inprocess;

import dev.refrain.document.Article;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Scan time on hostile text, family by family and length by length: text whose work a naive
 * aligner or differ makes quadratic in the article's length. Each family is generated from a
 * fixed seed, so a run of an older product on the same command measures the same articles.
 */
public final class HostileTextBenchmark {

  /** One family of hostile articles: its name, and its articles of about {@code n} words each. */
  public record Family(String name, IntFunction<List<Article>> articles) {}

  /**
   * One measure.
   *
   * @param words words of all the family's articles together
   * @param seconds the scan's wall time (prepare to clusters, no report)
   */
  public record Measure(String family, int words, double seconds, int pairs, long passages) {}

  /** The families measured. */
  public static List<Family> families() {
    return List.of(
        new Family("one word repeated (one article)", n -> List.of(article("a", repeat("buffalo", n)))),
        new Family(
            "one word repeated, and 20 of it in another",
            n -> List.of(
                article("a", repeat("buffalo", n)),
                article("b", repeat("buffalo", 20) + random(1, 1 << 20, 300)))),
        new Family(
            "a paragraph twice (one article)",
            n -> {
              String p = random(2, 1 << 20, n / 2);
              return List.of(article("a", p + p));
            }),
        new Family(
            "a copy with every tenth word changed (two articles)",
            n -> {
              String[] w = random(3, 1 << 20, n).split(" ");
              StringBuilder b = new StringBuilder();
              for (int i = 0; i < w.length; i++) {
                b.append(i % 10 == 9 ? "x" + i : w[i]).append(' ');
              }
              return List.of(article("a", String.join(" ", w)), article("b", b.toString()));
            }),
        new Family(
            "nine words in random order (two articles)",
            n -> List.of(article("a", random(4, 9, n)), article("b", random(5, 9, n)))));
  }

  private final List<Integer> lengths;
  private final int threads;

  public HostileTextBenchmark(List<Integer> lengths, int threads) {
    this.lengths = List.copyOf(lengths);
    this.threads = threads;
  }

  /** Scans every family at every length, shortest first. */
  public List<Measure> run(java.io.PrintWriter log) {
    DetectorOptions options = DetectorOptions.defaults().withThreads(threads);
    List<Measure> out = new ArrayList<>();
    for (Family f : families()) {
      for (int n : lengths) {
        List<Article> articles = f.articles().apply(n);
        int words = articles.stream().mapToInt(a -> a.text().split(" ").length).sum();
        System.gc();
        long t0 = System.nanoTime();
        ScanResult r = new Scanner(options).scan(articles, ProgressListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long passages = r.pairs().stream().mapToLong(p -> p.passages().size()).sum();
        Measure m = new Measure(f.name(), words, seconds, r.pairs().size(), passages);
        log.printf(
            java.util.Locale.ROOT, "%-52s %,9d words %8.2f s %4d pairs %6d passages%n",
            m.family(), m.words(), m.seconds(), m.pairs(), m.passages());
        log.flush();
        out.add(m);
      }
    }
    return out;
  }

  private static Article article(String id, String text) {
    return Article.of(id, text);
  }

  private static String repeat(String word, int n) {
    return (word + " ").repeat(n);
  }

  /** {@code n} words drawn from a vocabulary of {@code vocabulary} words, seeded. */
  private static String random(long seed, int vocabulary, int n) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(n * 7);
    for (int i = 0; i < n; i++) {
      sb.append('w').append(r.nextInt(vocabulary)).append(' ');
    }
    return sb.toString();
  }
}
