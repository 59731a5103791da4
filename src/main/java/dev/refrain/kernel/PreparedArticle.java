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
    this.article = article;
    this.tokens = tokens;
    this.shingles = shingles;
    this.fingerprints = fingerprints;
    this.sourceKey = Templates.sourceKey(article.source());
    this.repeated = repeated(fingerprints, shingleSize);
    this.repetitive = RepetitiveText.of(shingles, shingleSize);
  }

  /**
   * The fingerprints that occur at two places at least a shingle apart (usually none): where the
   * article may repeat a passage of its own. Sorted; found in one pass (each fingerprint's first
   * position kept in a hash map), so linear in the number of fingerprints however many repeat.
   */
  static long[] repeated(Fingerprints fp, int shingleSize) {
    int n = fp.size();
    if (n < 2) {
      return NONE;
    }
    long[] hashes = fp.hashes();
    int[] positions = fp.positions();
    // First position of each fingerprint seen; DONE once it is counted as repeated.
    com.carrotsearch.hppc.LongIntHashMap first = new com.carrotsearch.hppc.LongIntHashMap(n);
    long[] out = null;
    int count = 0;
    for (int k = 0; k < n; k++) {
      int slot = first.indexOf(hashes[k]);
      if (!first.indexExists(slot)) {
        first.indexInsert(slot, hashes[k], positions[k]);
        continue;
      }
      int at = first.indexGet(slot);
      if (at != DONE && positions[k] - at >= shingleSize) {
        if (out == null) {
          out = new long[4];
        } else if (count == out.length) {
          out = java.util.Arrays.copyOf(out, count * 2);
        }
        out[count++] = hashes[k];
        first.indexReplace(slot, DONE);
      }
    }
    if (out == null) {
      return NONE;
    }
    out = java.util.Arrays.copyOf(out, count);
    java.util.Arrays.sort(out);
    return out;
  }

  /** Marks a fingerprint already counted as repeated (positions are never negative). */
  private static final int DONE = -1;

  /** {@link #repeated(Fingerprints, int)} of this article. */
  long[] repeatedFingerprints() {
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
