package dev.refrain.bench.pairs;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A set of article pairs: sorted distinct keys {@code (a << 32) | b} with {@code a < b} (article
 * indexes in corpus order), each with a count (shared shingles, shared LSH bands, or 1).
 */
public final class Pairs {
  private static final int MAGIC = 0x52425031; // "RBP1"

  public final long[] keys;
  public final int[] counts;

  public Pairs(long[] keys, int[] counts) {
    if (keys.length != counts.length) {
      throw new IllegalArgumentException("keys and counts differ in length");
    }
    this.keys = keys;
    this.counts = counts;
  }

  public static long key(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
  }

  public static int a(long key) {
    return (int) (key >>> 32);
  }

  public static int b(long key) {
    return (int) key;
  }

  public int size() {
    return keys.length;
  }

  /** Sorts and de-duplicates raw keys (counts: occurrences). */
  public static Pairs ofKeys(long[] raw, int n) {
    long[] k = Arrays.copyOf(raw, n);
    Arrays.sort(k);
    int m = 0;
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      if (m > 0 && k[m - 1] == k[i]) {
        c[m - 1]++;
      } else {
        k[m] = k[i];
        c[m] = 1;
        m++;
      }
    }
    return new Pairs(Arrays.copyOf(k, m), Arrays.copyOf(c, m));
  }

  /** The pairs whose count is at least {@code min}. */
  public Pairs atLeast(int min) {
    if (min <= 1) {
      return this;
    }
    int m = 0;
    for (int c : counts) {
      if (c >= min) {
        m++;
      }
    }
    long[] k = new long[m];
    int[] c = new int[m];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (counts[i] >= min) {
        k[j] = keys[i];
        c[j++] = counts[i];
      }
    }
    return new Pairs(k, c);
  }

  public boolean contains(long key) {
    return Arrays.binarySearch(keys, key) >= 0;
  }

  /** How many keys both sets hold (a merge of the sorted arrays). */
  public static long intersection(long[] x, long[] y) {
    long n = 0;
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        n++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(keys.length);
      for (long k : keys) {
        out.writeLong(k);
      }
      for (int c : counts) {
        out.writeInt(c);
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  public static Pairs read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not a pairs file");
      }
      int n = in.readInt();
      long[] k = new long[n];
      int[] c = new int[n];
      for (int i = 0; i < n; i++) {
        k[i] = in.readLong();
      }
      for (int i = 0; i < n; i++) {
        c[i] = in.readInt();
      }
      return new Pairs(k, c);
    }
  }
}
