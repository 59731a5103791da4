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
  private transient volatile AlignedText aligned;

  PreparedArticle(Article article, Tokens tokens, long[] shingles, Fingerprints fingerprints) {
    this.article = article;
    this.tokens = tokens;
    this.shingles = shingles;
    this.fingerprints = fingerprints;
    this.sourceKey = Templates.sourceKey(article.source());
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
