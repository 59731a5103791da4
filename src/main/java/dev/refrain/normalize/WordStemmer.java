package dev.refrain.normalize;

import java.util.Locale;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Stems English words with Lucene's Snowball English (Porter2) stemmer: "transformations" and
 * "transformation" both become "transform", "watching" becomes "watch". Lower-cases first
 * ({@link Locale#ROOT}). One instance per thread: the Snowball stemmer keeps its word in a
 * buffer; make one where it is used, it is cheap. One made with a {@link StemCache} stems a word
 * the cache holds by looking it up, and keeps what it stems there.
 */
public final class WordStemmer {
  private final EnglishStemmer stemmer = new EnglishStemmer();
  private final StemCache cache;

  /** A stemmer that keeps nothing. */
  public WordStemmer() {
    this(null);
  }

  /** A stemmer that looks words up in {@code cache} and keeps its stems there (null: none). */
  public WordStemmer(StemCache cache) {
    this.cache = cache;
  }

  /** The stem of {@code word}, lower-cased. */
  public String stem(String word) {
    return stemLowerCase(word.toLowerCase(Locale.ROOT));
  }

  /** The stem of {@code word}, which is in lower case already: {@link #stem} without lower-casing it. */
  public String stemLowerCase(String word) {
    if (cache == null) {
      return snowball(word);
    }
    String stem = cache.get(word);
    if (stem == null) {
      stem = snowball(word);
      cache.put(word, stem);
    }
    return stem;
  }

  private String snowball(String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
