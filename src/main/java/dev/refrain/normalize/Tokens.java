package dev.refrain.normalize;

import java.util.Arrays;

/**
 * The normalized words of one text, each with its offsets in the original text.
 *
 * <p>Offsets are 0-based, end-exclusive UTF-16 code unit offsets into the text that was
 * normalized, so {@code text.substring(start(i), end(i))} is the surface form of word {@code i}
 * and {@link TextNormalizer#normalizeTerm} of it is {@code term(i)}.
 */
public final class Tokens implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] terms;
  private final int[] starts;
  private final int[] ends;

  Tokens(String[] terms, int[] starts, int[] ends) {
    if (terms.length != starts.length || terms.length != ends.length) {
      throw new IllegalArgumentException("terms, starts and ends differ in length");
    }
    this.terms = terms;
    this.starts = starts;
    this.ends = ends;
  }

  /** Number of words. */
  public int size() {
    return terms.length;
  }

  /** The normalized form of word {@code i}. */
  public String term(int i) {
    return terms[i];
  }

  /** Start offset of word {@code i} in the original text. */
  public int start(int i) {
    return starts[i];
  }

  /** End offset (exclusive) of word {@code i} in the original text. */
  public int end(int i) {
    return ends[i];
  }

  /** The normalized words from {@code from} (inclusive) to {@code to} (exclusive). */
  public String[] terms(int from, int to) {
    return Arrays.copyOfRange(terms, from, to);
  }

  /** The index of the first word ending after {@code offset}, or {@link #size()} if none. */
  public int wordAtOrAfter(int offset) {
    int lo = 0;
    int hi = terms.length;
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
}
