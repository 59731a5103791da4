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
 *   <li><b>Cost</b>: one comparison per shingle while the window's minimum stays in it, and a
 *       search of the window (its {@code window - 1} comparisons) when the minimum leaves it, at
 *       most once per shingle that is a window's minimum (about {@code 2 / (window + 1)} of them
 *       on text without repeats), with branches the processor mostly predicts (a monotone
 *       deque, the version before, took twice the time on Reuters-21578). It does not grow with the number of hash functions, as a signature of
 *       {@code n} MinHash values per window does.
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
    // The window's minimum, the rightmost of equal minima: kept while it is in the window (a
    // shingle as small replaces it), the window searched again only when it leaves.
    int min = 0;
    long minValue = shingles[0];
    int last = -1;
    long lastValue = 0;
    for (int i = 0; i < n; i++) {
      long v = shingles[i];
      if (min <= i - w) {
        min = i - w + 1;
        minValue = shingles[min];
        for (int j = min + 1; j <= i; j++) {
          if (shingles[j] <= minValue) {
            min = j;
            minValue = shingles[j];
          }
        }
      } else if (v <= minValue) {
        min = i;
        minValue = v;
      }
      // Robust: the selected minimum stays while it is in the window and still a minimum.
      if (i >= w - 1 && min != last && !(last > i - w && lastValue == minValue)) {
        if (count == hashes.length) {
          hashes = java.util.Arrays.copyOf(hashes, count * 2);
          positions = java.util.Arrays.copyOf(positions, count * 2);
        }
        hashes[count] = minValue;
        positions[count] = min;
        count++;
        last = min;
        lastValue = minValue;
      }
    }
    return new Fingerprints(
        java.util.Arrays.copyOf(hashes, count), java.util.Arrays.copyOf(positions, count));
  }
}
