package dev.refrain.kernel;

import dev.refrain.normalize.Tokens;
import dev.refrain.template.TemplateCorpus;

/**
 * A template corpus whose articles' shingles, tokens and texts come from their prepared form:
 * what scan, the archive and the Spark job share when template learning reads an article's
 * words. Each says only how it finds an article's prepared form (kept, read again, or prepared
 * on demand) and its ids, sources, word counts and fingerprints.
 */
public abstract class PreparedCorpus implements TemplateCorpus {
  /** Article {@code a} prepared, as template learning reads its words and text. */
  protected abstract PreparedArticle prepared(int a);

  @Override
  public final long[] shingles(int a) {
    return prepared(a).shingles();
  }

  @Override
  public final Tokens tokens(int a) {
    return prepared(a).tokens();
  }

  @Override
  public final String text(int a) {
    return prepared(a).article().text();
  }
}
