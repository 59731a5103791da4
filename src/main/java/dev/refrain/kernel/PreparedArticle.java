package dev.refrain.kernel;

import dev.refrain.align.AlignedText;
import dev.refrain.align.RepetitiveText;
import dev.refrain.document.Article;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.normalize.Tokens;
import dev.refrain.template.Templates;
import java.io.Serializable;

/**
 * An article made ready for detection, as primitive arrays: its words (hashes and offsets), its
 * shingle hashes and its fingerprints. The table the aligner looks shingles up in is built on
 * first use and kept.
 */
public final class PreparedArticle implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Article article;
  private final Tokens tokens;
  private final long[] shingles;
  private final Fingerprints fingerprints;
  private final long sourceKey;
  private final long[] repeated;
  private final RepetitiveText repetitive;
  private transient volatile AlignedText aligned;

  /** The repeated fingerprints of the articles that repeat none: one array for them all. */
  private static final long[] NONE = new long[0];

  PreparedArticle(
      Article article, Tokens tokens, long[] shingles, Fingerprints fingerprints, int shingleSize) {
    this(article, tokens, shingles, fingerprints, repeated(fingerprints, shingleSize), shingleSize);
  }

  /** An article prepared again, its repeated fingerprints known. */
  PreparedArticle(
      Article article,
      Tokens tokens,
      long[] shingles,
      Fingerprints fingerprints,
      long[] repeated,
      int shingleSize) {
    this.article = article;
    this.tokens = tokens;
    this.shingles = shingles;
    this.fingerprints = fingerprints;
    this.sourceKey = Templates.sourceKey(article.source());
    this.repeated = repeated;
    this.repetitive = RepetitiveText.of(shingles, shingleSize);
  }

  /**
   * The fingerprints that occur at two places at least a shingle apart (usually none): where the
   * article may repeat a passage of its own. One pass with an open-addressing table of the
   * fingerprints' first positions, so an article costs a probe per fingerprint, not a sort.
   */
  static long[] repeated(Fingerprints fp, int shingleSize) {
    int n = fp.size();
    if (n < 2) {
      return NONE;
    }
    long[] hashes = fp.hashes();
    int[] positions = fp.positions();
    int slots = Integer.highestOneBit(n) << 2;
    int mask = slots - 1;
    // Per slot: index + 1 of the first fingerprint with that hash, negated once it is reported;
    // 0 is empty.
    int[] first = new int[slots];
    long[] out = null;
    int count = 0;
    for (int i = 0; i < n; i++) {
      long h = hashes[i];
      int s = (int) (h ^ (h >>> 32)) & mask;
      while (first[s] != 0 && hashes[Math.abs(first[s]) - 1] != h) {
        s = (s + 1) & mask;
      }
      if (first[s] == 0) {
        first[s] = i + 1;
      } else if (first[s] > 0 && positions[i] - positions[first[s] - 1] >= shingleSize) {
        first[s] = -first[s];
        if (out == null) {
          out = new long[4];
        } else if (count == out.length) {
          out = java.util.Arrays.copyOf(out, count * 2);
        }
        out[count++] = h;
      }
    }
    if (out == null) {
      return NONE;
    }
    long[] sorted = java.util.Arrays.copyOf(out, count);
    java.util.Arrays.sort(sorted);
    return sorted;
  }

  /**
   * The full hashes of the fingerprints that occur at two places at least a shingle apart
   * (usually none): where the article may repeat a passage of its own.
   */
  public long[] repeatedFingerprints() {
    return repeated;
  }

  public Article article() {
    return article;
  }

  public Tokens tokens() {
    return tokens;
  }

  /** The hash of each shingle, shingle {@code i} starting at word {@code i}. */
  public long[] shingles() {
    return shingles;
  }

  public Fingerprints fingerprints() {
    return fingerprints;
  }

  /** The words the article repeats too often to locate anything, compared with nothing. */
  public RepetitiveText repetitive() {
    return repetitive;
  }

  /** {@link Templates#sourceKey} of the article's source. */
  public long sourceKey() {
    return sourceKey;
  }

  /** What the aligner needs: the text, words and shingles sorted for look-up. */
  public AlignedText aligned() {
    AlignedText a = aligned;
    if (a == null) {
      a = new AlignedText(article.text(), tokens, shingles, repetitive);
      aligned = a;
    }
    return a;
  }
}
