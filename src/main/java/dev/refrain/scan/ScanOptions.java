package dev.refrain.scan;

import dev.refrain.normalize.Hash64;
import dev.refrain.align.AlignOptions;
import dev.refrain.shingle.Shingler;

/**
 * Every setting of a scan, validated: a value out of range is rejected with its name and range,
 * never clamped.
 *
 * @param shingleSize words per shingle, 1 to 32 (default 5)
 * @param window shingles per MinHash window, 1 to 1000 (default 10: windows of 14 words)
 * @param bands LSH bands, 1 to 64 (default 8)
 * @param rows MinHash values per band, 1 to 8 (default 2)
 * @param minWords shortest passage, in words on each side, 1 to 100000 (default 8)
 * @param maxGap longest run of differing words a passage bridges, 0 to 100 (default 8)
 * @param minSimilarity lowest passage similarity, 0 to 1 (default 0.5)
 * @param boilerplateMinArticles articles a verbatim head or tail passage must recur in to be
 *     boilerplate, 2 to 1000000 (default 3)
 * @param maxBucket most articles an LSH key may be shared by and still propose pairs, 2 to
 *     1000000 (default 200)
 * @param threads worker threads, 1 to 256
 * @param seed the hash seed of shingles and MinHash
 */
public record ScanOptions(
    int shingleSize,
    int window,
    int bands,
    int rows,
    int minWords,
    int maxGap,
    double minSimilarity,
    int boilerplateMinArticles,
    int maxBucket,
    int threads,
    long seed) implements java.io.Serializable {

  /** Articles a passage must recur in to be reported as a cluster. */
  public static final int CLUSTER_MIN_ARTICLES = 3;

  public ScanOptions {
    check("shingle size", shingleSize, 1, 32);
    check("window", window, 1, 1000);
    check("bands", bands, 1, 64);
    check("rows", rows, 1, 8);
    check("min words", minWords, 1, 100_000);
    check("max gap", maxGap, 0, 100);
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("min similarity must be 0 to 1, was " + minSimilarity);
    }
    check("boilerplate min articles", boilerplateMinArticles, 2, 1_000_000);
    check("max bucket", maxBucket, 2, 1_000_000);
    check("threads", threads, 1, 256);
  }

  /** The defaults, with one worker thread per available processor. */
  public static ScanOptions defaults() {
    return new ScanOptions(
        5,
        10,
        8,
        2,
        8,
        8,
        0.5,
        3,
        200,
        Math.min(256, Runtime.getRuntime().availableProcessors()),
        Hash64.DEFAULT_SEED);
  }

  /** These options with another thread count. */
  public ScanOptions withThreads(int n) {
    return new ScanOptions(
        shingleSize, window, bands, rows, minWords, maxGap, minSimilarity,
        boilerplateMinArticles, maxBucket, n, seed);
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
