package dev.refrain.align;

import com.carrotsearch.hppc.LongIntHashMap;
import java.io.Serializable;

/**
 * The text an article repeats so often that it locates nothing: the words of every shingle that
 * occurs more than {@value #MAX_OCCURRENCES} times in the article ("buffalo buffalo buffalo
 * buffalo buffalo" in an article of one word repeated, a row of zeros in a results table).
 *
 * <p>The aligner compares an article on its other words only: these words match nothing, as
 * template words match nothing, so a passage never holds one. Without that rule such text is
 * quadratic work for nothing: an article of one word repeated 300,000 times holds one shingle
 * 299,996 times, and every copy of it in one article would be a candidate match for every copy in
 * the other. With it, each shingle the aligner looks at occurs at most {@value #MAX_OCCURRENCES}
 * times on each side, so it examines at most {@value #MAX_OCCURRENCES} candidate matches per
 * shingle of either article, whatever the text. Found in one pass over the shingles (a hash
 * count), so an article is prepared in time linear in its length. Immutable.
 */
public final class RepetitiveText implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A shingle found more often than this in one article locates nothing in it. */
  public static final int MAX_OCCURRENCES = 16;

  /** No repetitive text: the usual case, one instance for all. */
  public static final RepetitiveText NONE = new RepetitiveText(new int[0], 0, -1, -1, 0);

  private final int[] ranges;
  private final int words;
  private final int example;
  private final int exampleEnd;
  private final int exampleCount;

  private RepetitiveText(int[] ranges, int words, int example, int exampleEnd, int exampleCount) {
    this.ranges = ranges;
    this.words = words;
    this.example = example;
    this.exampleEnd = exampleEnd;
    this.exampleCount = exampleCount;
  }

  /**
   * The repetitive text of an article.
   *
   * @param shingles the hash of each shingle, shingle {@code i} starting at word {@code i}
   * @param shingleSize words per shingle
   */
  public static RepetitiveText of(long[] shingles, int shingleSize) {
    int n = shingles.length;
    if (n <= MAX_OCCURRENCES) {
      return NONE;
    }
    if (!mayRepeat(shingles)) {
      return NONE;
    }
    LongIntHashMap counts = new LongIntHashMap(n);
    int most = 0;
    int mostAt = -1;
    for (int p = 0; p < n; p++) {
      int c = counts.addTo(shingles[p], 1);
      if (c > most) {
        most = c;
        mostAt = p;
      }
    }
    if (most <= MAX_OCCURRENCES) {
      return NONE;
    }
    // Word ranges of the shingles over the limit, merged where they touch or overlap.
    int[] out = new int[8];
    int count = 0;
    int words = 0;
    int example = -1;
    long exampleHash = shingles[mostAt];
    for (int p = 0; p < n; p++) {
      if (counts.get(shingles[p]) <= MAX_OCCURRENCES) {
        continue;
      }
      if (example < 0 && shingles[p] == exampleHash) {
        example = p;
      }
      int from = p;
      int to = p + shingleSize;
      if (count > 0 && out[count - 1] >= from) {
        words += Math.max(0, to - out[count - 1]);
        out[count - 1] = Math.max(out[count - 1], to);
        continue;
      }
      if (count == out.length) {
        out = java.util.Arrays.copyOf(out, count * 2);
      }
      out[count++] = from;
      out[count++] = to;
      words += to - from;
    }
    return new RepetitiveText(
        java.util.Arrays.copyOf(out, count), words, example, example + shingleSize, most);
  }

  /**
   * Whether some shingle may occur more than {@value #MAX_OCCURRENCES} times: shingles counted in
   * buckets of their hash (two buckets per shingle or more), so a bucket's count is at least the
   * count of each shingle in it and no bucket over the limit proves no shingle is. The usual
   * article is settled by this pass alone, one byte array and no hash map.
   */
  static boolean mayRepeat(long[] shingles) {
    int n = shingles.length;
    int mask = (Integer.highestOneBit(n) << 2) - 1;
    byte[] buckets = new byte[mask + 1];
    for (long h : shingles) {
      int b = (int) (h ^ (h >>> 29)) & mask;
      if (buckets[b] == MAX_OCCURRENCES) {
        return true;
      }
      buckets[b]++;
    }
    return false;
  }

  /**
   * The repetitive words as sorted, non-overlapping word ranges {@code [from0, to0, from1, to1,
   * ...]}, 0-based, end-exclusive. Callers must not modify it.
   */
  public int[] ranges() {
    return ranges;
  }

  /** How many words are repetitive. */
  public int words() {
    return words;
  }

  /** Whether the article repeats no shingle over the limit. */
  public boolean isEmpty() {
    return words == 0;
  }

  /** The first word of the first occurrence of the most repeated shingle, or -1 when none. */
  public int example() {
    return example;
  }

  /** The word after the first occurrence of the most repeated shingle, or -1 when none. */
  public int exampleEnd() {
    return exampleEnd;
  }

  /** How many times the most repeated shingle occurs (0 when none is over the limit). */
  public int exampleCount() {
    return exampleCount;
  }
}
