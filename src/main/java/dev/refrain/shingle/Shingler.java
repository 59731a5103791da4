package dev.refrain.shingle;

import dev.refrain.normalize.Hash64;
import dev.refrain.normalize.Tokens;
import java.io.Serializable;

/**
 * Turns a text's words into hashes of its word shingles: the runs of {@code size} consecutive
 * words.
 *
 * <p>Shingle {@code i} covers words {@code i} to {@code i + size - 1}; a text of {@code n} words
 * has {@code max(0, n - size + 1)} shingles. Its hash combines the seeded hashes of its words in
 * order, so "a b c" and "c b a" differ. Immutable and serializable.
 */
public final class Shingler implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final long COMBINE = 0x9E3779B97F4A7C15L;

  private final int size;
  private final long seed;

  /**
   * @param size words per shingle, 1 to 32
   * @param seed the hash seed
   */
  public Shingler(int size, long seed) {
    if (size < 1 || size > 32) {
      throw new IllegalArgumentException("shingle size must be 1 to 32, was " + size);
    }
    this.size = size;
    this.seed = seed;
  }

  public Shingler(int size) {
    this(size, Hash64.DEFAULT_SEED);
  }

  public int size() {
    return size;
  }

  public long seed() {
    return seed;
  }

  /** The hash of every shingle of a text's words, in text order. */
  public long[] shingles(Tokens tokens) {
    return shingles(tokens.hashes());
  }

  /** The hash of every shingle of a sequence of word hashes, in order. */
  public long[] shingles(long[] wordHashes) {
    int count = Math.max(0, wordHashes.length - size + 1);
    long[] out = new long[count];
    if (count == 0) {
      return out;
    }
    // The combination of words i to i + size - 1 is seed * C^size + the sum of word i + j times
    // C^(size - 1 - j) (mod 2^64): the next one is the previous times C, less the word leaving
    // times C^size and the seed's term times C - 1, plus the word entering. Exactly the value
    // of the loop over the shingle's words, with two multiplications per shingle, not size.
    long top = 1; // C^size
    for (int j = 0; j < size; j++) {
      top *= COMBINE;
    }
    long seedTerm = seed * top; // seed * C^size
    long shift = seedTerm * COMBINE - seedTerm; // seed * C^size * (C - 1)
    long h = seed;
    for (int j = 0; j < size; j++) {
      h = h * COMBINE + wordHashes[j];
    }
    out[0] = Hash64.mix(h);
    for (int i = 1; i < count; i++) {
      h = h * COMBINE - wordHashes[i - 1] * top - shift + wordHashes[i + size - 1];
      out[i] = Hash64.mix(h);
    }
    return out;
  }
}
