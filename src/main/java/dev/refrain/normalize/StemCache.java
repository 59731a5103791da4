package dev.refrain.normalize;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The stems of lower-cased words already stemmed in one run (a scan or a check), shared by its
 * threads: the Snowball stemmer is run once a distinct word a run, not once a word an article.
 * A stem is a function of its word alone, so what a run finds does not depend on what the cache
 * holds. Create one per run and pass it to the {@link WordStemmer}s that should share it; it
 * keeps at most {@code capacity} words (then it stems the rest without keeping them).
 */
public final class StemCache {
  /**
   * Words kept by {@link #StemCache()}: about 100 bytes each, so some 26 MB at most; the words met
   * first, the frequent ones, are in it.
   */
  public static final int DEFAULT_CAPACITY = 1 << 18;

  private final ConcurrentHashMap<String, String> stems;
  private final int capacity;

  /** A cache of at most {@link #DEFAULT_CAPACITY} words. */
  public StemCache() {
    this(DEFAULT_CAPACITY);
  }

  /** A cache of at most {@code capacity} words. */
  public StemCache(int capacity) {
    this.capacity = capacity;
    this.stems = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
  }

  /** The stem kept for lower-cased {@code word}, or null. */
  String get(String word) {
    return stems.get(word);
  }

  /** Keeps {@code stem} as the stem of lower-cased {@code word} while there is room. */
  void put(String word, String stem) {
    if (stems.mappingCount() < capacity) {
      stems.putIfAbsent(word, stem);
    }
  }

  /** Words kept. */
  public long size() {
    return stems.mappingCount();
  }
}
