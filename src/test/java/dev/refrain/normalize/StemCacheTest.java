package dev.refrain.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link WordStemmer} with a {@link StemCache}: the stems it gives without one. */
class StemCacheTest {
  @Test
  void cachedStemsAreTheSnowballStems() {
    StemCache cache = new StemCache(3);
    WordStemmer plain = new WordStemmer();
    WordStemmer first = new WordStemmer(cache);
    WordStemmer second = new WordStemmer(cache);
    String[] words = {"running", "Transformations", "watching", "running", "caf\u00E9s", "was"};
    for (WordStemmer s : new WordStemmer[] {first, second, first}) {
      for (String w : words) {
        assertEquals(plain.stem(w), s.stem(w), w);
        assertEquals(plain.stemLowerCase(w.toLowerCase()), s.stemLowerCase(w.toLowerCase()), w);
      }
    }
    assertEquals(3, cache.size());
  }
}
