package dev.refrain.minhash;

import java.io.Serializable;

/**
 * Picks an article's fingerprints: the MinHash of every window of {@code window} consecutive
 * shingles, computed once per shingle (winnowing, Schleimer, Wilkerson and Aiken, SIGMOD 2003).
 *
 * <p>Each window's minimum shingle hash is selected; when a run of windows keeps the same
 * minimum it is selected once. Among equal minima the one already selected stays selected while
 * it is in the window, and a new selection takes the rightmost ("robust winnowing": a run of one
 * repeated shingle gives one fingerprint per window, not one per shingle). Shingle hashes are
 * already uniformly mixed 64-bit values, so the minimum under their own order is a MinHash of the
 * window: two windows with Jaccard similarity J select the same fingerprint with probability J.
 *
 * <ul>
 *   <li><b>Guarantee</b>: two articles sharing a run of at least {@code window} shingles (a
 *       verbatim passage of {@code window + shingleSize - 1} words, 10 by default) share at least
 *       one fingerprint: the minimum of a window inside the run is the same shingle in both.
 *   <li><b>Density</b>: about {@code 2 / (window + 1)} fingerprints per shingle on text without
 *       repeats (0.29 for the default window of 6: about 240 for an 850-word article).
 *   <li><b>Cost</b>: a monotone deque, amortized two comparisons per shingle, whatever the
 *       window: it does not grow with the number of hash functions, as a signature of {@code n}
 *       MinHash values per window does.
 * </ul>
 *
 * <p>Immutable, serializable and thread-safe.
 */
public final class Winnowing implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int window;

  /** @param window shingles per window, 1 to 1000 */
  public Winnowing(int window) {
    if (window < 1 || window > 1000) {
      throw new IllegalArgumentException("window must be 1 to 1000 shingles, was " + window);
    }
    this.window = window;
  }

  public int window() {
    return window;
  }

  /**
   * The fingerprints of a text's shingles, in text order. A text with fewer shingles than the
   * window has one window holding all of them, so one fingerprint; a text with none has none.
   */
  public Fingerprints select(long[] shingles) {
    int n = shingles.length;
    if (n == 0) {
      return Fingerprints.EMPTY;
    }
    int w = Math.min(window, n);
    int capacity = Math.max(4, 2 * n / (w + 1) + 8);
    long[] hashes = new long[capacity];
    int[] positions = new int[capacity];
    int count = 0;
    // Indices of a monotone deque: shingle values strictly increasing from head to tail, so the
    // head is the window's minimum, the rightmost of equal minima.
    // A ring of a power of two slots, so wrapping is a mask, not a division.
    int[] deque = new int[Integer.highestOneBit(w) << 1];
    int mask = deque.length - 1;
    int head = 0;
    int size = 0;
    int last = -1;
    for (int i = 0; i < n; i++) {
      long v = shingles[i];
      while (size > 0 && shingles[deque[(head + size - 1) & mask]] >= v) {
        size--;
      }
      deque[(head + size) & mask] = i;
      size++;
      if (deque[head] <= i - w) {
        head = (head + 1) & mask;
        size--;
      }
      if (i >= w - 1) {
        int min = deque[head];
        // Robust: the selected minimum stays while it is in the window and still a minimum.
        if (min != last && !(last > i - w && shingles[last] == shingles[min])) {
          if (count == hashes.length) {
            hashes = java.util.Arrays.copyOf(hashes, count * 2);
            positions = java.util.Arrays.copyOf(positions, count * 2);
          }
          hashes[count] = shingles[min];
          positions[count] = min;
          count++;
          last = min;
        }
      }
    }
    return new Fingerprints(
        java.util.Arrays.copyOf(hashes, count), java.util.Arrays.copyOf(positions, count));
  }
}
