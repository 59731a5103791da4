package dev.refrain.lsh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects articles' band keys and proposes the candidate pairs: articles sharing a band key.
 *
 * <p>A key shared by more than {@code maxBucket} articles is a phrase or template too common to
 * say anything about one pair (a site footer, "the State Department said in a statement"); it
 * proposes no pairs, which keeps the number of candidates near-linear in the number of articles
 * instead of quadratic. Candidates are only proposals: every one is verified word by word.
 */
public final class CandidatePairs {
  private final int maxBucket;
  /** Key -> index into {@link #buckets}; a bucket is {count, article, article, ...}. */
  private final LongIntMap bucketOf = new LongIntMap(1 << 16);
  private final List<int[]> buckets = new ArrayList<>();
  private final List<Integer> selfCandidates = new ArrayList<>();
  private int skippedBuckets;

  /** @param maxBucket the most articles a key may be shared by and still propose pairs, >= 2 */
  public CandidatePairs(int maxBucket) {
    if (maxBucket < 2) {
      throw new IllegalArgumentException("maxBucket must be at least 2, was " + maxBucket);
    }
    this.maxBucket = maxBucket;
  }

  /** Adds article number {@code article}; articles must be added in increasing order. */
  public void add(int article, LshBanding.BandKeys keys) {
    for (long key : keys.keys()) {
      int index = bucketOf.putIfAbsent(key, buckets.size());
      if (index == buckets.size()) {
        buckets.add(new int[] {1, article});
        continue;
      }
      int[] bucket = buckets.get(index);
      if (bucket[0] <= maxBucket) {
        if (bucket[0] + 1 == bucket.length) {
          bucket = Arrays.copyOf(bucket, bucket.length * 2);
          buckets.set(index, bucket);
        }
        bucket[++bucket[0]] = article;
      }
    }
    if (keys.repeatsWithin()) {
      selfCandidates.add(article);
    }
  }

  /**
   * The candidate pairs, each once, sorted; pair {@code (a, b)} with {@code a <= b} is encoded as
   * {@code (long) a << 32 | b}. A pair with {@code a == b} proposes a passage repeated inside
   * one article.
   */
  public long[] pairs() {
    LongSet set = new LongSet();
    skippedBuckets = 0;
    for (int[] bucket : buckets) {
      int n = bucket[0];
      if (n > maxBucket) {
        skippedBuckets++;
        continue;
      }
      for (int x = 1; x <= n; x++) {
        for (int y = x + 1; y <= n; y++) {
          set.add(encode(bucket[x], bucket[y]));
        }
      }
    }
    for (int article : selfCandidates) {
      set.add(encode(article, article));
    }
    long[] pairs = set.toArray();
    Arrays.sort(pairs);
    return pairs;
  }

  /** Keys left out of the last {@link #pairs()} call for being in more than maxBucket articles. */
  public int skippedBuckets() {
    return skippedBuckets;
  }

  public static long encode(int a, int b) {
    return (long) Math.min(a, b) << 32 | Math.max(a, b);
  }

  public static int first(long pair) {
    return (int) (pair >>> 32);
  }

  public static int second(long pair) {
    return (int) pair;
  }

  /** An open-addressing set of longs; no boxing. */
  private static final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] table = filled(64);
    private int size;
    private boolean hasEmpty;

    private static long[] filled(int n) {
      long[] t = new long[n];
      Arrays.fill(t, EMPTY);
      return t;
    }

    void add(long v) {
      if (v == EMPTY) {
        if (!hasEmpty) {
          hasEmpty = true;
          size++;
        }
        return;
      }
      if ((size + 1) * 2 > table.length) {
        long[] old = table;
        table = filled(old.length * 2);
        for (long o : old) {
          if (o != EMPTY) {
            insert(o);
          }
        }
      }
      if (insert(v)) {
        size++;
      }
    }

    private boolean insert(long v) {
      int mask = table.length - 1;
      int i = (int) dev.refrain.normalize.Hash64.mix(v) & mask;
      while (table[i] != EMPTY) {
        if (table[i] == v) {
          return false;
        }
        i = (i + 1) & mask;
      }
      table[i] = v;
      return true;
    }

    long[] toArray() {
      long[] out = new long[size];
      int n = 0;
      if (hasEmpty) {
        out[n++] = EMPTY;
      }
      for (long v : table) {
        if (v != EMPTY) {
          out[n++] = v;
        }
      }
      return out;
    }
  }
}
