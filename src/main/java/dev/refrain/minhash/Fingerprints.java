package dev.refrain.minhash;

import java.io.Serializable;

/**
 * An article's fingerprints: selected shingle hashes and where they are.
 *
 * @param hashes the shingle hash of each fingerprint, in text order
 * @param positions the shingle index of each (0-based: shingle {@code p} starts at word {@code
 *     p}), strictly increasing
 */
public record Fingerprints(long[] hashes, int[] positions) implements Serializable {
  /** No fingerprints. */
  public static final Fingerprints EMPTY = new Fingerprints(new long[0], new int[0]);

  public Fingerprints {
    if (hashes.length != positions.length) {
      throw new IllegalArgumentException(
          "hashes and positions differ in length: " + hashes.length + " and " + positions.length);
    }
  }

  public int size() {
    return hashes.length;
  }
}
