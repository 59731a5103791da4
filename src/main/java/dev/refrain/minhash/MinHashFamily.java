package dev.refrain.minhash;

import dev.refrain.normalize.Hash64;
import java.io.Serializable;

/**
 * A family of {@code n} seeded hash functions over shingle hashes, and the MinHash signatures
 * they give.
 *
 * <p>Function {@code i} is {@code mix(x ^ salt[i])} with {@code salt[i] = mix(seed + i * phi)}:
 * a bijection of the 64-bit shingle hash, so two distinct shingles never tie. For two sets with
 * Jaccard similarity J, each signature position agrees with probability J, so the share of
 * agreeing positions estimates J with standard error {@code sqrt(J (1 - J) / n)}.
 *
 * <p>Immutable, serializable, no global state.
 */
public final class MinHashFamily implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long PHI = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final long[] salts;

  /**
   * @param hashes number of functions, 1 to 1024
   * @param seed the family's seed
   */
  public MinHashFamily(int hashes, long seed) {
    if (hashes < 1 || hashes > 1024) {
      throw new IllegalArgumentException("hash count must be 1 to 1024, was " + hashes);
    }
    this.seed = seed;
    this.salts = new long[hashes];
    for (int i = 0; i < hashes; i++) {
      salts[i] = Hash64.mix(seed + (i + 1) * PHI);
    }
  }

  public int size() {
    return salts.length;
  }

  public long seed() {
    return seed;
  }

  /** Function {@code i} applied to shingle hash {@code x}. */
  public long hash(int i, long x) {
    return Hash64.mix(x ^ salts[i]);
  }

  /**
   * The MinHash signature of the shingles {@code from} (inclusive) to {@code to} (exclusive):
   * position {@code i} holds the least value of function {@code i}, compared unsigned. An empty
   * range gives all {@code -1} (the unsigned maximum).
   */
  public long[] signature(long[] shingles, int from, int to) {
    long[] sig = new long[salts.length];
    java.util.Arrays.fill(sig, -1L);
    for (int s = from; s < to; s++) {
      long x = shingles[s];
      for (int i = 0; i < sig.length; i++) {
        long h = Hash64.mix(x ^ salts[i]);
        if (Long.compareUnsigned(h, sig[i]) < 0) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** The share of positions where two signatures of this family agree: an estimate of Jaccard. */
  public static double estimateJaccard(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "signatures differ in length: " + a.length + " and " + b.length);
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return a.length == 0 ? 0 : (double) same / a.length;
  }

  /**
   * The MinHash value of function {@code i} for every window of {@code window} consecutive
   * shingles: {@code result[p]} is the minimum over shingles {@code p} to {@code p + window - 1}.
   * A text with fewer shingles than {@code window} has one window holding all of them (and none
   * if it has no shingles). Runs in time linear in the number of shingles.
   */
  public long[] windowMinima(int i, long[] shingles, int window) {
    int n = shingles.length;
    long[] out = new long[windows(n, window)];
    if (n > 0) {
      windowMinima(i, shingles, window, out, new long[n], new long[n]);
    }
    return out;
  }

  /** How many windows of {@code window} shingles a text of {@code n} shingles has. */
  public static int windows(int n, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, was " + window);
    }
    return n == 0 ? 0 : n - Math.min(window, n) + 1;
  }

  /**
   * {@link #windowMinima(int, long[], int)} into {@code out} (at least {@link #windows} long),
   * with two scratch arrays of at least {@code shingles.length}: a caller that reuses them
   * allocates nothing per call.
   */
  public void windowMinima(
      int i, long[] shingles, int window, long[] out, long[] prefix, long[] suffix) {
    int n = shingles.length;
    int w = Math.min(window, n);
    int count = windows(n, window);
    if (out.length < count || prefix.length < n || suffix.length < n) {
      throw new IllegalArgumentException("buffers too short for " + n + " shingles");
    }
    // Van Herk / Gil-Werman: in blocks of w, prefix and suffix minima; a window spans the suffix
    // of one block and the prefix of the next. Branch-free loops, no deque. The hashes go into
    // suffix first, which is then turned into suffix minima in place, back to front. Values are
    // compared unsigned: flipping the sign bit makes signed order match.
    for (int s = 0; s < n; s++) {
      suffix[s] = hash(i, shingles[s]) ^ Long.MIN_VALUE;
    }
    for (int b = 0; b < n; b += w) {
      int e = Math.min(n, b + w) - 1;
      prefix[b] = suffix[b];
      for (int s = b + 1; s <= e; s++) {
        prefix[s] = Math.min(prefix[s - 1], suffix[s]);
      }
      for (int s = e - 1; s >= b; s--) {
        suffix[s] = Math.min(suffix[s + 1], suffix[s]);
      }
    }
    for (int p = 0; p < count; p++) {
      out[p] = Math.min(suffix[p], prefix[p + w - 1]) ^ Long.MIN_VALUE;
    }
  }
}
