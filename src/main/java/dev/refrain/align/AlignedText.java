package dev.refrain.align;

import dev.refrain.normalize.Tokens;

/**
 * What the aligner needs of one article: its words and shingle hashes, and the shingles sorted
 * by hash so another article's shingles can be looked up in it.
 */
public final class AlignedText {
  private final String text;
  private final Tokens tokens;
  private final long[] shingles;
  private final long[] sortedHashes;
  private final int[] sortedPositions;

  /**
   * @param text the article's text, which the tokens' offsets index
   * @param tokens the article's normalized words
   * @param shingles the hash of each shingle, shingle {@code i} starting at word {@code i}
   */
  public AlignedText(String text, Tokens tokens, long[] shingles) {
    this.text = text;
    this.tokens = tokens;
    this.shingles = shingles;
    int n = shingles.length;
    sortedHashes = shingles.clone();
    sortedPositions = new int[n];
    for (int i = 0; i < n; i++) {
      sortedPositions[i] = i;
    }
    sortByHash(sortedHashes, sortedPositions, 0, n - 1);
  }

  public String text() {
    return text;
  }

  /**
   * True when a sentence or quotation ends right after word {@code i}: the text between it and
   * the next word (or the end of the text) holds . ! ? a closing quotation mark or a line break.
   */
  boolean boundaryAfter(int i) {
    int from = tokens.end(i);
    int to = i + 1 < tokens.size() ? tokens.start(i + 1) : text.length();
    return i + 1 >= tokens.size() || hasBoundary(from, to, ".!?\u201D\u00BB\"\n\u3002");
  }

  /** True when a sentence or quotation starts right at word {@code i}. */
  boolean boundaryBefore(int i) {
    int from = i > 0 ? tokens.end(i - 1) : 0;
    return i == 0 || hasBoundary(from, tokens.start(i), ".!?\u201C\u00AB\"\n\u3002");
  }

  private boolean hasBoundary(int from, int to, String marks) {
    for (int c = from; c < to; c++) {
      if (marks.indexOf(text.charAt(c)) >= 0) {
        return true;
      }
    }
    return false;
  }

  public Tokens tokens() {
    return tokens;
  }

  public long[] shingles() {
    return shingles;
  }

  /** The shingle hashes sorted ascending (duplicates kept). Callers must not modify it. */
  public long[] sortedShingles() {
    return sortedHashes;
  }

  /** Index of the first entry with hash {@code h} in the sorted table, or -1. */
  int firstWith(long h) {
    int lo = 0;
    int hi = sortedHashes.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedHashes[mid] < h) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < sortedHashes.length && sortedHashes[lo] == h ? lo : -1;
  }

  long sortedHash(int k) {
    return sortedHashes[k];
  }

  int sortedPosition(int k) {
    return sortedPositions[k];
  }

  int sortedSize() {
    return sortedHashes.length;
  }

  /** Quicksort of parallel arrays by hash then position: deterministic, no boxing. */
  private static void sortByHash(long[] h, int[] p, int lo, int hi) {
    while (lo < hi) {
      if (hi - lo < 16) {
        for (int i = lo + 1; i <= hi; i++) {
          long hv = h[i];
          int pv = p[i];
          int j = i - 1;
          while (j >= lo && (h[j] > hv || (h[j] == hv && p[j] > pv))) {
            h[j + 1] = h[j];
            p[j + 1] = p[j];
            j--;
          }
          h[j + 1] = hv;
          p[j + 1] = pv;
        }
        return;
      }
      int mid = (lo + hi) >>> 1;
      long pivotH = h[mid];
      int pivotP = p[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (h[i] < pivotH || (h[i] == pivotH && p[i] < pivotP)) {
          i++;
        }
        while (h[j] > pivotH || (h[j] == pivotH && p[j] > pivotP)) {
          j--;
        }
        if (i <= j) {
          long th = h[i];
          h[i] = h[j];
          h[j] = th;
          int tp = p[i];
          p[i] = p[j];
          p[j] = tp;
          i++;
          j--;
        }
      }
      if (j - lo < hi - i) {
        sortByHash(h, p, lo, j);
        lo = i;
      } else {
        sortByHash(h, p, i, hi);
        hi = j;
      }
    }
  }
}
