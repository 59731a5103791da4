package dev.refrain.align;

import dev.refrain.normalize.StemCache;
import dev.refrain.normalize.Tokens;
import dev.refrain.quote.StemmedText;

/**
 * What the aligner needs of one article: its words and shingle hashes, and its shingles in one
 * sorted array of longs, so that two articles' shared shingles are found by merging two sorted
 * arrays instead of a look-up per shingle.
 *
 * <p>An entry of the sorted array is a shingle hash with its low bits replaced by the shingle's
 * position ({@link #keyMask()} covers them: 10 bits for an 850-word article), sorted ascending:
 * entries of one hash are contiguous, by position. Two distinct hashes that agree but for those
 * bits are seen as one shingle and told apart by comparing the words.
 */
public final class AlignedText {
  private final String text;
  private final Tokens tokens;
  private final long[] shingles;
  private final long mask;
  private final long[] sorted;
  private final RepetitiveText repetitive;
  private volatile StemmedText stems;
  /** Bit {@code i} set: a sentence ends right after word {@code i} (made on first use). */
  private volatile long[] sentenceEnds;

  /**
   * @param text the article's text, which the tokens' offsets index
   * @param tokens the article's normalized words
   * @param shingles the hash of each shingle, shingle {@code i} starting at word {@code i}
   * @param shingleSize words per shingle
   */
  public AlignedText(String text, Tokens tokens, long[] shingles, int shingleSize) {
    this(text, tokens, shingles, RepetitiveText.of(shingles, shingleSize));
  }

  /**
   * @param text the article's text, which the tokens' offsets index
   * @param tokens the article's normalized words
   * @param shingles the hash of each shingle, shingle {@code i} starting at word {@code i}
   * @param repetitive {@link RepetitiveText#of} these shingles, found before
   */
  public AlignedText(String text, Tokens tokens, long[] shingles, RepetitiveText repetitive) {
    this.text = text;
    this.tokens = tokens;
    this.shingles = shingles;
    this.repetitive = repetitive;
    int n = shingles.length;
    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    this.mask = (1L << bits) - 1;
    this.sorted = new long[n];
    for (int p = 0; p < n; p++) {
      sorted[p] = (shingles[p] & ~mask) | p;
    }
    dev.refrain.shingle.UniformSort.sort(sorted);
  }

  public String text() {
    return text;
  }

  /**
   * True when a sentence or quotation ends right after word {@code i}: the text between it and
   * the next word (or the end of the text) holds . ! ? a closing quotation mark or a line break.
   */
  boolean boundaryAfter(int i) {
    long[] ends = sentenceEnds;
    if (ends == null) {
      ends = sentenceEnds();
      sentenceEnds = ends;
    }
    return (ends[i >>> 6] & 1L << i) != 0;
  }

  /** {@link #boundaryAfter} of every word, read from the text once: an article's, not a pair's. */
  private long[] sentenceEnds() {
    int n = tokens.size();
    long[] ends = new long[(n + 63) >>> 6];
    for (int i = 0; i < n; i++) {
      int from = tokens.end(i);
      int to = i + 1 < n ? tokens.start(i + 1) : text.length();
      if (i + 1 >= n || hasBoundary(from, to, ".!?\u201D\u00BB\"\n\u3002")) {
        ends[i >>> 6] |= 1L << i;
      }
    }
    return ends;
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

  /**
   * The shingles sorted: each entry a shingle hash with its low {@link #keyMask()} bits replaced
   * by its position. Callers must not modify it.
   */
  public long[] sortedShingles() {
    return sorted;
  }

  /** The words the article repeats too often to locate anything: they match nothing. */
  public RepetitiveText repetitive() {
    return repetitive;
  }

  /**
   * The stems of the text and its words as the sentence aligner weighs them, made on first use
   * (by a pair that shares a passage) and kept: an article is stemmed once, not once a pair.
   */
  public StemmedText stems() {
    return stems(null);
  }

  /** {@link #stems()}, the words stemmed through {@code cache} the first time (null: none). */
  public StemmedText stems(StemCache cache) {
    StemmedText s = stems;
    if (s == null) {
      s = StemmedText.of(text, tokens, cache);
      stems = s;
    }
    return s;
  }

  /** The low bits of a {@link #sortedShingles()} entry that hold its position. */
  public long keyMask() {
    return mask;
  }
}
