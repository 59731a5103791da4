package dev.refrain.quote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.StemCache;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StemmedText#of(String, Tokens, StemCache)}: the words stemmed through a cache shared by
 * many articles (one of a few slots too, so words are dropped from it) give each article the
 * stems it has without one, field for field.
 */
class StemmedTextTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();

  @Test
  void aCacheChangesNoStem() {
    Random r = new Random(7);
    StemCache shared = new StemCache();
    StemCache small = new StemCache(4);
    for (int k = 0; k < 300; k++) {
      String text = StemOverlapTest.article(r, 5 + r.nextInt(200));
      Tokens tokens = NORMALIZER.tokenize(text);
      StemmedText plain = StemmedText.of(text, tokens);
      for (StemCache cache : new StemCache[] {shared, small}) {
        StemmedText cached = StemmedText.of(text, tokens, cache);
        assertArrayEquals(plain.hashes, cached.hashes, text);
        assertArrayEquals(plain.runStart, cached.runStart, text);
        assertArrayEquals(plain.runCode, cached.runCode, text);
        for (int w = 0; w < tokens.size(); w++) {
          assertEquals(plain.wordStem(w), cached.wordStem(w), text);
        }
      }
    }
    assertTrue(shared.size() > 20, "the shared cache keeps the words it stemmed");
    assertTrue(small.size() <= 4, "a cache keeps no more words than it may");
  }
}
