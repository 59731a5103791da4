package dev.refrain.template;

import dev.refrain.minhash.Fingerprints;
import dev.refrain.normalize.Tokens;

/**
 * What template learning reads of a set of articles, numbered 0 to {@code size() - 1}. The
 * fingerprints of every article are read once; tokens, shingles and text only of the few
 * articles sampled as examples of each template, so an implementation may recompute them.
 */
public interface TemplateCorpus {
  int size();

  /** The article's id, as reported. */
  String id(int article);

  /** The article's source, or null when not known (all such articles count as one source). */
  String source(int article);

  /** Number of words of the article. */
  int words(int article);

  Fingerprints fingerprints(int article);

  long[] shingles(int article);

  Tokens tokens(int article);

  String text(int article);

  /**
   * Called once, before any of them is read, with the articles (ascending) whose shingles, tokens
   * and text the learner reads next: an implementation that fetches texts from elsewhere (the
   * Spark job's driver, from its workers) fetches them in one pass. Nothing by default.
   */
  default void willRead(int[] articles) {}
}
