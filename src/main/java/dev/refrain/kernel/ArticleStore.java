package dev.refrain.kernel;

import dev.refrain.document.Article;
import dev.refrain.minhash.Fingerprints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The articles of one run, numbered 0 to {@code size() - 1} in id order: what detection keeps of
 * every article (its metadata and fingerprints) and, on demand, the article made ready again.
 *
 * <p>Two ways to keep them: all prepared in memory ({@link #inMemory}), or, for archives larger
 * than the heap, only the metadata and fingerprints in memory and the texts in a temporary file,
 * each article prepared again when a pair needs it ({@link SpooledArticleStore}). Detection gives
 * the same result either way. Implementations are thread-safe for reading.
 */
public interface ArticleStore extends AutoCloseable {

  int size();

  /** The article's metadata. */
  ArticleInfo info(int article);

  /**
   * The article's fingerprints. Their hashes may have their low 16 bits cleared (a store may
   * keep other data there): only {@code FingerprintTable} keys, which never hold those bits, are
   * to be made from them.
   */
  Fingerprints fingerprints(int article);

  /**
   * The full hashes of the fingerprints that occur at two places at least a shingle apart in the
   * article (where it may repeat a passage of its own), usually none.
   */
  long[] repeatedFingerprints(int article);

  /**
   * Tells the store that {@link #fingerprints} will not be read again (the candidate pairs are
   * found): a store that keeps fingerprints beside spooled texts may keep only what preparing an
   * article again needs, and {@link #fingerprints} may fail afterwards. Not to be called while
   * other threads read the store.
   */
  default void dropFingerprintHashes() {}

  /** The article with its text. */
  Article article(int article);

  /** The article made ready for alignment: kept, or prepared again from its text. */
  PreparedArticle prepared(int article);

  /** Whether {@link #prepared} is a look-up (true) or prepares the article again (false). */
  boolean keepsPrepared();

  /**
   * Estimated heap bytes the store holds for its articles when it does not keep them prepared
   * (metadata and fingerprints); what is left of the heap is for the articles prepared again.
   */
  default long heapBytes() {
    return 0;
  }

  @Override
  default void close() {}

  /** The articles, prepared and kept in memory, numbered by id. */
  static ArticleStore inMemory(List<PreparedArticle> prepared) {
    List<PreparedArticle> sorted =
        prepared.stream().sorted(Comparator.comparing(p -> p.article().id())).toList();
    List<ArticleInfo> infos = new ArrayList<>(sorted.size());
    for (PreparedArticle p : sorted) {
      infos.add(ArticleInfo.of(p));
    }
    return new ArticleStore() {
      @Override
      public int size() {
        return sorted.size();
      }

      @Override
      public ArticleInfo info(int article) {
        return infos.get(article);
      }

      @Override
      public Fingerprints fingerprints(int article) {
        return sorted.get(article).fingerprints();
      }

      @Override
      public long[] repeatedFingerprints(int article) {
        return sorted.get(article).repeatedFingerprints();
      }

      @Override
      public Article article(int article) {
        return sorted.get(article).article();
      }

      @Override
      public PreparedArticle prepared(int article) {
        return sorted.get(article);
      }

      @Override
      public boolean keepsPrepared() {
        return true;
      }
    };
  }
}
