package dev.refrain.bench.inprocess;

import dev.refrain.document.Article;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.TokenBuffer;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.Detector;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Throughput of the per-article stages, side by side in one run: refrain's tokenize, tokenize +
 * shingle, and tokenize + shingle + windowed MinHash band keys, against Lucene's MinHashFilter
 * chain (StandardTokenizer, lower case, 5-word ShingleFilter, MinHashFilter with one hash, 512
 * buckets and rotation, as its documentation suggests). Each measure runs the same texts on the
 * same threads, each slice of texts with one {@link TokenBuffer} as a scan's chunk of articles has;
 * the figure is characters (UTF-16 units) per second.
 */
public final class PrepareBenchmark {

  /** One measure: name, characters per second, and a checksum so no work is optimized away. */
  public record Measure(String name, double charsPerSecond, long checksum) {}

  private final List<String> texts;
  private final int threads;
  private final int rounds;

  public PrepareBenchmark(List<String> texts, int threads, int rounds) {
    this.texts = List.copyOf(texts);
    this.threads = threads;
    this.rounds = rounds;
  }

  public List<Measure> run() throws Exception {
    Detector detector = new Detector(DetectorOptions.defaults().withThreads(threads));
    TextNormalizer normalizer = new TextNormalizer();
    dev.refrain.shingle.Shingler shingler = new dev.refrain.shingle.Shingler(5);
    return List.of(
        measure("refrain tokenize", (b, t) -> normalizer.tokenize(t, b).size()),
        measure(
            "refrain tokenize + shingle hashes",
            (b, t) -> shingler.shingles(normalizer.tokenize(t, b)).length),
        measure(
            "refrain tokenize + shingle + winnowing fingerprints",
            (b, t) -> detector.prepare(Article.of("x", t), b).fingerprints().size()),
        measure(
            "Lucene StandardTokenizer + ShingleFilter + MinHashFilter",
            (b, t) -> lucene(t)));
  }

  private static long lucene(String text) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(text));
    ShingleFilter shingles = new ShingleFilter(new LowerCaseFilter(tokenizer), 5, 5);
    shingles.setOutputUnigrams(false);
    long n = 0;
    try (TokenStream chain = new MinHashFilter(shingles, 1, 512, 1, true)) {
      CharTermAttribute term = chain.addAttribute(CharTermAttribute.class);
      chain.reset();
      while (chain.incrementToken()) {
        n += term.length();
      }
      chain.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** The work of a measure on one text, with its thread's buffer (the scan keeps one so). */
  private interface Work {
    long apply(TokenBuffer buffer, String text);
  }

  private Measure measure(String name, Work work) throws Exception {
    long chars = texts.stream().mapToLong(String::length).sum();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long checksum = pass(pool, work); // warm-up
      long t0 = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        checksum += pass(pool, work);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Measure(name, chars * rounds / seconds, checksum);
    } finally {
      pool.shutdownNow();
    }
  }

  private long pass(ExecutorService pool, Work work) throws Exception {
    int slices = threads * 4;
    List<Future<Long>> parts = new java.util.ArrayList<>();
    for (int s = 0; s < slices; s++) {
      int slice = s;
      parts.add(pool.submit(() -> {
        long sum = 0;
        TokenBuffer buffer = new TokenBuffer();
        for (int i = slice; i < texts.size(); i += slices) {
          sum += work.apply(buffer, texts.get(i));
        }
        return sum;
      }));
    }
    long sum = 0;
    for (Future<Long> f : parts) {
      sum += f.get();
    }
    return sum;
  }
}
