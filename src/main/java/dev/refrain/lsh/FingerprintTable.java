package dev.refrain.lsh;

import dev.refrain.shingle.UniformSort;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Every article's fingerprints in one sorted array of longs, so that the articles holding a
 * fingerprint are one run of the array: document frequencies and candidate pairs come from a
 * sort, not from a map holding an object per fingerprint.
 *
 * <p>An entry is a fingerprint hash with its low {@code articleBits} bits replaced by the article
 * number ({@code articleBits = max(16, ceil(log2(articles)))}, 20 for 10^6 articles). The remaining high
 * bits, the <em>key</em>, stand for the fingerprint: at 10^6 articles keys keep 44 bits, and
 * among 10^8 distinct fingerprints about 300 pairs share a key by chance, each at most one more
 * candidate pair that alignment then rejects. Within a run entries are sorted by article. Memory:
 * 8 bytes per fingerprint (1.9 GB for 10^6 articles of 850 words at window 6), sorted in place.
 */
public final class FingerprintTable {
  private final int articles;
  private final long articleMask;
  private long[] entries;
  private int size;

  private FingerprintTable(int articles, long[] entries, int size) {
    this.articles = articles;
    this.articleMask = articleMask(articles);
    this.entries = entries;
    this.size = size;
  }

  /**
   * The least article bits a table keeps: 16, so keys never hold the low 16 bits of a hash (a
   * store may keep other data there, such as a fingerprint's distance to the one before).
   */
  static final int MIN_ARTICLE_BITS = 16;

  /**
   * The bits of a fingerprint hash that are its key in a table of {@code articles} articles:
   * {@code hash & keyBits(articles)} is {@link #key}, for a job that keys fingerprints without
   * building a table.
   */
  public static long keyBits(int articles) {
    return ~articleMask(articles);
  }

  /** The mask of the article bits for a table of {@code articles} articles. */
  static long articleMask(int articles) {
    int bits = Math.max(MIN_ARTICLE_BITS, 32 - Integer.numberOfLeadingZeros(Math.max(1, articles - 1)));
    return (1L << bits) - 1;
  }

  /**
   * Builds the table of {@code articles} articles, {@code fingerprints.apply(a)} giving the
   * fingerprint hashes of article {@code a} (any order, repeats allowed).
   */
  public static FingerprintTable build(int articles, IntFunction<long[]> fingerprints) {
    long mask = articleMask(articles);
    long total = 0;
    for (int a = 0; a < articles; a++) {
      total += fingerprints.apply(a).length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "too many fingerprints for one table: " + total + " (at most " + (Integer.MAX_VALUE - 16) + ")");
    }
    long[] entries = new long[(int) total];
    int n = 0;
    for (int a = 0; a < articles; a++) {
      for (long h : fingerprints.apply(a)) {
        entries[n++] = (h & ~mask) | a;
      }
    }
    sortInPlace(entries, n);
    return new FingerprintTable(articles, entries, n);
  }

  /** Buckets of the first radix pass: by the top 10 bits. */
  private static final int BUCKET_BITS = 10;

  /**
   * Sorts {@code a[0..n)} ascending (as signed longs) in place: one counting pass and one
   * in-place permutation by the top bits (American flag sort), then each bucket sorted on its
   * own, the buckets spread over the common fork-join pool. No second array of n longs, as
   * {@link Arrays#parallelSort} needs: at 10^6 articles that would be 1.9 GB more.
   */
  static void sortInPlace(long[] a, int n) {
    int buckets = 1 << BUCKET_BITS;
    int shift = 64 - BUCKET_BITS;
    int[] count = new int[buckets];
    for (int i = 0; i < n; i++) {
      count[bucket(a[i], shift)]++;
    }
    int[] start = new int[buckets + 1];
    for (int b = 0; b < buckets; b++) {
      start[b + 1] = start[b] + count[b];
    }
    int[] next = Arrays.copyOf(start, buckets);
    for (int b = 0; b < buckets; b++) {
      int end = start[b + 1];
      while (next[b] < end) {
        long v = a[next[b]];
        int d = bucket(v, shift);
        while (d != b) {
          long t = a[next[d]];
          a[next[d]++] = v;
          v = t;
          d = bucket(v, shift);
        }
        a[next[b]++] = v;
      }
    }
    int largest = 0;
    for (int b = 0; b < buckets; b++) {
      largest = Math.max(largest, start[b + 1] - start[b]);
    }
    int scratchSize = largest;
    ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[scratchSize]);
    java.util.stream.IntStream.range(0, buckets)
        .parallel()
        .forEach(b -> UniformSort.sort(a, start[b], start[b + 1], scratch.get()));
  }

  /** The bucket of {@code v}: its top bits, the sign bit flipped so buckets follow signed order. */
  private static int bucket(long v, int shift) {
    return (int) ((v ^ Long.MIN_VALUE) >>> shift);
  }

  /** Number of articles the table was built for. */
  public int articles() {
    return articles;
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** The key a fingerprint hash has in this table (its high bits). */
  public long key(long hash) {
    return hash & ~articleMask;
  }

  long entry(int i) {
    return entries[i];
  }

  int articleOf(int i) {
    return (int) (entries[i] & articleMask);
  }

  long keyOf(int i) {
    return entries[i] & ~articleMask;
  }

  /** Where the run of entry {@code from}'s key ends (exclusive). */
  int runEnd(int from) {
    long key = keyOf(from);
    int to = from + 1;
    while (to < size && keyOf(to) == key) {
      to++;
    }
    return to;
  }

  /** Receives each run of the table: a key and the sorted, distinct articles holding it. */
  @FunctionalInterface
  public interface RunVisitor {
    /**
     * @param key the fingerprint key
     * @param holders the articles holding it, sorted and distinct, in {@code holders[0..count)};
     *     the array is reused between calls
     * @param count how many
     */
    void visit(long key, int[] holders, int count);
  }

  /** Visits every run in key order. */
  public void forEachRun(RunVisitor visitor) {
    forEachRun(0, size, visitor);
  }

  /**
   * Visits the runs of part {@code part} of {@code parts}: the parts split the table at run
   * boundaries, so each run is visited in exactly one part (parts may be visited at once).
   */
  public void forEachRunOfPart(int part, int parts, RunVisitor visitor) {
    int from = part == 0 ? 0 : runStartAtOrAfter((int) ((long) size * part / parts));
    int to = part == parts - 1 ? size : runStartAtOrAfter((int) ((long) size * (part + 1) / parts));
    if (from < to) {
      forEachRun(from, to, visitor);
    }
  }

  /** Visits the runs that start in entries {@code from..to} (a run may end after {@code to}). */
  void forEachRun(int from, int to, RunVisitor visitor) {
    int[] holders = new int[16];
    int i = from;
    while (i < to) {
      int end = runEnd(i);
      int count = 0;
      int previous = -1;
      for (int j = i; j < end; j++) {
        int a = articleOf(j);
        if (a != previous) {
          if (count == holders.length) {
            holders = Arrays.copyOf(holders, count * 2);
          }
          holders[count++] = a;
          previous = a;
        }
      }
      visitor.visit(keyOf(i), holders, count);
      i = end;
    }
  }

  /** The first entry at or after {@code i} that starts a run (for splitting work). */
  int runStartAtOrAfter(int i) {
    if (i <= 0) {
      return 0;
    }
    if (i >= size) {
      return size;
    }
    long key = keyOf(i - 1);
    while (i < size && keyOf(i) == key) {
      i++;
    }
    return i;
  }
}
