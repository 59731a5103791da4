package dev.refrain.bench.pairs;

import java.util.Arrays;

/** A growable array of longs. */
public final class LongList {
  private long[] a = new long[1024];
  private int n;

  public void add(long x) {
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
    }
    a[n++] = x;
  }

  public int size() {
    return n;
  }

  public long[] array() {
    return a;
  }

  /** Sorted distinct values. */
  public long[] sortedDistinct() {
    return Pairs.ofKeys(a, n).keys;
  }
}
