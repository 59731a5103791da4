package dev.refrain.bench.pairs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts how often each pair is emitted, in primitive arrays: emissions fill a buffer that is
 * sorted and run-length compressed into a chunk when full; chunks are merged at the end.
 */
public final class PairCounter {
  private final int chunk;
  private long[] buffer;
  private int n;
  private final List<Pairs> chunks = new ArrayList<>();
  private long emitted;

  public PairCounter() {
    this(1 << 25);
  }

  public PairCounter(int chunk) {
    this.chunk = chunk;
    this.buffer = new long[Math.min(chunk, 1 << 16)];
  }

  public void add(long key) {
    if (n == buffer.length) {
      if (n >= chunk) {
        flush();
      } else {
        buffer = Arrays.copyOf(buffer, Math.min(chunk, buffer.length * 2));
      }
    }
    buffer[n++] = key;
    emitted++;
  }

  public long emitted() {
    return emitted;
  }

  private void flush() {
    if (n > 0) {
      Arrays.parallelSort(buffer, 0, n);
      int m = 0;
      int[] c = new int[n];
      for (int i = 0; i < n; i++) {
        if (m > 0 && buffer[m - 1] == buffer[i]) {
          c[m - 1]++;
        } else {
          buffer[m] = buffer[i];
          c[m] = 1;
          m++;
        }
      }
      chunks.add(new Pairs(Arrays.copyOf(buffer, m), Arrays.copyOf(c, m)));
      n = 0;
    }
  }

  /** All pairs with their counts. */
  public Pairs result() {
    flush();
    buffer = new long[0];
    List<Pairs> level = new ArrayList<>(chunks);
    chunks.clear();
    if (level.isEmpty()) {
      return new Pairs(new long[0], new int[0]);
    }
    while (level.size() > 1) {
      List<Pairs> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(merge(level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return level.get(0);
  }

  static Pairs merge(Pairs x, Pairs y) {
    long[] k = new long[x.keys.length + y.keys.length];
    int[] c = new int[k.length];
    int i = 0;
    int j = 0;
    int m = 0;
    while (i < x.keys.length || j < y.keys.length) {
      if (j == y.keys.length || (i < x.keys.length && x.keys[i] < y.keys[j])) {
        k[m] = x.keys[i];
        c[m++] = x.counts[i++];
      } else if (i == x.keys.length || y.keys[j] < x.keys[i]) {
        k[m] = y.keys[j];
        c[m++] = y.counts[j++];
      } else {
        k[m] = x.keys[i];
        c[m++] = x.counts[i++] + y.counts[j++];
      }
    }
    return new Pairs(Arrays.copyOf(k, m), Arrays.copyOf(c, m));
  }
}
