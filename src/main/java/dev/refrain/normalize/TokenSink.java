package dev.refrain.normalize;

import java.util.Arrays;

/**
 * The words of one text as they are found, in growing primitive arrays: one per {@link
 * TextNormalizer#tokenize} call, never shared between threads.
 */
final class TokenSink {
  private long[] hashes;
  private int[] starts;
  private int[] ends;
  private int size;

  /** A sink with room for {@code capacity} words before it grows (at least 1). */
  TokenSink(int capacity) {
    int c = Math.max(1, capacity);
    hashes = new long[c];
    starts = new int[c];
    ends = new int[c];
  }

  /** Adds one word: its hash and its 0-based, end-exclusive offsets in the original text. */
  void add(long hash, int start, int end) {
    if (size == hashes.length) {
      grow();
    }
    hashes[size] = hash;
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  /** Doubles the room; apart from {@link #add}, so that the JIT inlines {@code add} in loops. */
  private void grow() {
    int grown = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, grown);
    starts = Arrays.copyOf(starts, grown);
    ends = Arrays.copyOf(ends, grown);
  }

  /** The number of words added so far. */
  int size() {
    return size;
  }

  /** Forgets the words added after the first {@code size}. */
  void truncate(int size) {
    this.size = size;
  }

  /** The words added so far, in arrays of their exact length. */
  Tokens toTokens() {
    return new Tokens(
        Arrays.copyOf(hashes, size), Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
  }
}
