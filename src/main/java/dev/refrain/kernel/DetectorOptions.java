package dev.refrain.kernel;

import dev.refrain.align.AlignOptions;
import dev.refrain.normalize.Hash64;

/**
 * Every setting of detection, validated: a value out of range is rejected with its name and
 * range, never clamped. The same options drive {@code scan}, {@code index}/{@code check} and a
 * distributed job.
 *
 * @param shingleSize words per shingle, 1 to 32 (default 5)
 * @param window shingles per winnowing window, 1 to 1000 (default 6: any verbatim run of 10
 *     words shares a fingerprint; on the synthetic corpus of {@code eval}, paraphrased recall
 *     0.891 at 6 against 0.822 at 10, for 0.29 fingerprints per shingle instead of 0.18)
 * @param minWords shortest passage, in words on each side, 1 to 100000 (default 8)
 * @param maxGap longest run of differing words a passage bridges, 0 to 100 (default 8)
 * @param minSimilarity lowest passage similarity, 0 to 1 (default 0.5)
 * @param templateMinArticles articles of one source that must carry text at their head or tail
 *     for it to be a template, 2 to 1000000 (default 3)
 * @param maxBucket most articles a fingerprint may be held by and still propose pairs, 2 to
 *     1000000 (default 200)
 * @param threads worker threads, 1 to 256
 * @param seed the hash seed of words and shingles
 */
public record DetectorOptions(
    int shingleSize,
    int window,
    int minWords,
    int maxGap,
    double minSimilarity,
    int templateMinArticles,
    int maxBucket,
    int threads,
    long seed) implements java.io.Serializable {

  /** Articles a passage must recur in to be reported as a cluster. */
  public static final int CLUSTER_MIN_ARTICLES = 3;

  public DetectorOptions {
    check("shingle size", shingleSize, 1, 32);
    check("window", window, 1, 1000);
    check("min words", minWords, 1, 100_000);
    check("max gap", maxGap, 0, 100);
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("min similarity must be 0 to 1, was " + minSimilarity);
    }
    check("template min articles", templateMinArticles, 2, 1_000_000);
    check("max bucket", maxBucket, 2, 1_000_000);
    check("threads", threads, 1, 256);
  }

  /** The defaults, with one worker thread per available processor. */
  public static DetectorOptions defaults() {
    return new DetectorOptions(
        5,
        6,
        8,
        8,
        0.5,
        3,
        200,
        Math.min(256, Runtime.getRuntime().availableProcessors()),
        Hash64.DEFAULT_SEED);
  }

  /** These options with another thread count. */
  public DetectorOptions withThreads(int n) {
    return new DetectorOptions(
        shingleSize, window, minWords, maxGap, minSimilarity, templateMinArticles, maxBucket, n,
        seed);
  }

  /** These options with another shingle size and shortest passage. */
  public DetectorOptions withShingles(int size, int words) {
    return new DetectorOptions(
        size, window, words, maxGap, minSimilarity, templateMinArticles, maxBucket, threads, seed);
  }

  /** The aligner's part of these options. */
  public AlignOptions alignOptions() {
    return new AlignOptions(shingleSize, minWords, maxGap, minSimilarity);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be " + min + " to " + max + ", was " + value);
    }
  }
}
