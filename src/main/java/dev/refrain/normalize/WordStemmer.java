package dev.refrain.normalize;

import java.util.Locale;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Stems English words with Lucene's Snowball English (Porter2) stemmer: "transformations" and
 * "transformation" both become "transform", "watching" becomes "watch". Lower-cases first
 * ({@link Locale#ROOT}). One instance per thread: the Snowball stemmer keeps its word in a
 * buffer; make one where it is used, it is cheap.
 */
public final class WordStemmer {
  private final EnglishStemmer stemmer = new EnglishStemmer();

  /** The stem of {@code word}, lower-cased. */
  public String stem(String word) {
    return stemLowerCase(word.toLowerCase(Locale.ROOT));
  }

  /** The stem of {@code word}, which is in lower case already: {@link #stem} without lower-casing it. */
  public String stemLowerCase(String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
