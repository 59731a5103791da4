package dev.refrain.normalize;

import java.util.Arrays;

/**
 * The normalized words of one text as primitive arrays: each word's seeded 64-bit hash and its
 * offsets in the original text. No string is kept per word.
 *
 * <p>Offsets are 0-based, end-exclusive UTF-16 code unit offsets into the text that was
 * normalized, so {@code text.substring(start(i), end(i))} is the surface form of word {@code i}
 * and {@code hash(i)} is {@link Hash64#hash(CharSequence, long)} of its normalized form. Two words
 * are the same word when their hashes are equal: with 64-bit hashes, two distinct words among
 * 10^7 collide with probability about 3 * 10^-6 (birthday bound).
 */
public final class Tokens implements java.io.Serializable {
  private static final long serialVersionUID = 2L;

  private final long[] hashes;
  private final int[] starts;
  private final int[] ends;

  /**
   * @param hashes the hash of each normalized word
   * @param starts start offset of each word
   * @param ends end offset (exclusive) of each word
   */
  public Tokens(long[] hashes, int[] starts, int[] ends) {
    if (hashes.length != starts.length || hashes.length != ends.length) {
      throw new IllegalArgumentException("hashes, starts and ends differ in length");
    }
    this.hashes = hashes;
    this.starts = starts;
    this.ends = ends;
  }

  /** Number of words. */
  public int size() {
    return hashes.length;
  }

  /** The hash of the normalized form of word {@code i}. */
  public long hash(int i) {
    return hashes[i];
  }

  /** Every word's hash, in text order. Callers must not modify it. */
  public long[] hashes() {
    return hashes;
  }

  /** The hashes of words {@code from} (inclusive) to {@code to} (exclusive), copied. */
  public long[] hashes(int from, int to) {
    return Arrays.copyOfRange(hashes, from, to);
  }

  /** Start offset of word {@code i} in the original text. */
  public int start(int i) {
    return starts[i];
  }

  /** End offset (exclusive) of word {@code i} in the original text. */
  public int end(int i) {
    return ends[i];
  }

  /** The index of the first word ending after {@code offset}, or {@link #size()} if none. */
  public int wordAtOrAfter(int offset) {
    int lo = 0;
    int hi = hashes.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Equal when both hold the same words: the same hashes and the same offsets, in order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tokens t
        && Arrays.equals(hashes, t.hashes)
        && Arrays.equals(starts, t.starts)
        && Arrays.equals(ends, t.ends);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(hashes) + Arrays.hashCode(starts)) + Arrays.hashCode(ends);
  }
}
