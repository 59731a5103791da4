package dev.refrain.bench.corpus;

import java.util.Arrays;

/**
 * The harness's word model: a word is a maximal run of letters or digits, compared in lower case.
 * The generator counts words with it, the exact all-pairs counter shingles with it. Shingles are
 * runs of {@code k} consecutive words hashed to 64 bits (each word hashed char by char, the
 * {@code k} word hashes combined in order and finalized), with no per-word objects.
 */
public final class Tokens {
  private static final long WORD_SEED = 0xcbf29ce484222325L;
  private static final long WORD_PRIME = 0x100000001b3L;
  private static final long COMBINE = 0x9E3779B97F4A7C15L;

  private Tokens() {}

  public static int countWords(CharSequence text) {
    int n = 0;
    boolean in = false;
    for (int i = 0, len = text.length(); i < len; i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !in) {
        n++;
      }
      in = w;
    }
    return n;
  }

  /**
   * The 64-bit hashes of the text's words, in order, into {@code out} (grown as needed); returns
   * the array holding them and puts how many are valid in {@code count[0]}.
   */
  public static long[] wordHashes(String text, long[] out, int[] count) {
    long[] hashes = out;
    int n = 0;
    long h = 0;
    boolean in = false;
    for (int i = 0, len = text.length(); i < len; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (!in) {
          h = WORD_SEED;
          in = true;
        }
        h = (h ^ Character.toLowerCase(c)) * WORD_PRIME;
      } else if (in) {
        if (n == hashes.length) {
          hashes = Arrays.copyOf(hashes, Math.max(16, hashes.length * 2));
        }
        hashes[n++] = Rng.mix(h);
        in = false;
      }
    }
    if (in) {
      if (n == hashes.length) {
        hashes = Arrays.copyOf(hashes, Math.max(16, hashes.length * 2));
      }
      hashes[n++] = Rng.mix(h);
    }
    count[0] = n;
    return hashes;
  }

  /**
   * The distinct {@code k}-word shingle hashes of a text, sorted, into a reused buffer: returns
   * the number written to {@code buffer.array}.
   */
  public static int distinctShingles(String text, int k, Buffer buffer) {
    int[] count = new int[1];
    buffer.words = wordHashes(text, buffer.words, count);
    int words = count[0];
    int n = Math.max(0, words - k + 1);
    if (buffer.shingles.length < n) {
      buffer.shingles = new long[Math.max(n, buffer.shingles.length * 2)];
    }
    long[] w = buffer.words;
    long[] s = buffer.shingles;
    for (int i = 0; i < n; i++) {
      long h = w[i];
      for (int j = 1; j < k; j++) {
        h = h * COMBINE + w[i + j];
      }
      s[i] = Rng.mix(h ^ (h >>> 29));
    }
    Arrays.sort(s, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || s[i] != s[m - 1]) {
        s[m++] = s[i];
      }
    }
    return m;
  }

  /** Reused arrays for one thread. */
  public static final class Buffer {
    long[] words = new long[2048];
    public long[] shingles = new long[2048];
  }
}
