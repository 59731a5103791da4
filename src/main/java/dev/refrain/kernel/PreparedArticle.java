package dev.refrain.kernel;

import dev.refrain.align.AlignedText;
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
  private transient volatile AlignedText aligned;

  /** The repeated fingerprints of the articles that repeat none: one array for them all. */
  private static final long[] NONE = new long[0];

  PreparedArticle(
      Article article, Tokens tokens, long[] shingles, Fingerprints fingerprints, int shingleSize) {
    this(article, tokens, shingles, fingerprints, repeated(fingerprints, shingleSize));
  }

  /** An article prepared again, its repeated fingerprints known. */
  PreparedArticle(
      Article article, Tokens tokens, long[] shingles, Fingerprints fingerprints, long[] repeated) {
    this.article = article;
    this.tokens = tokens;
    this.shingles = shingles;
    this.fingerprints = fingerprints;
    this.sourceKey = Templates.sourceKey(article.source());
    this.repeated = repeated;
  }

  /**
   * The fingerprints that occur at two places at least a shingle apart (usually none): where the
   * article may repeat a passage of its own.
   */
  private static long[] repeated(Fingerprints fp, int shingleSize) {
    int n = fp.size();
    if (n < 2) {
      return NONE;
    }
    long[] sorted = fp.hashes().clone();
    java.util.Arrays.sort(sorted);
    long[] out = null;
    int count = 0;
    for (int i = 1; i < n; i++) {
      if (sorted[i] == sorted[i - 1] && (count == 0 || out[count - 1] != sorted[i])) {
        int first = -1;
        int last = -1;
        for (int k = 0; k < n; k++) {
          if (fp.hashes()[k] == sorted[i]) {
            first = first < 0 ? fp.positions()[k] : first;
            last = fp.positions()[k];
          }
        }
        if (last - first >= shingleSize) {
          if (out == null) {
            out = new long[4];
          } else if (count == out.length) {
            out = java.util.Arrays.copyOf(out, count * 2);
          }
          out[count++] = sorted[i];
        }
      }
    }
    return out == null ? NONE : java.util.Arrays.copyOf(out, count);
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

  /** {@link Templates#sourceKey} of the article's source. */
  public long sourceKey() {
    return sourceKey;
  }

  /** What the aligner needs: the text, words and shingles sorted for look-up. */
  public AlignedText aligned() {
    AlignedText a = aligned;
    if (a == null) {
      a = new AlignedText(article.text(), tokens, shingles);
      aligned = a;
    }
    return a;
  }
}
