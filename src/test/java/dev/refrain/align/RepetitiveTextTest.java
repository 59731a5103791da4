package dev.refrain.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import dev.refrain.shingle.Shingler;
import org.junit.jupiter.api.Test;

class RepetitiveTextTest {
  static final TextNormalizer NORMALIZER = new TextNormalizer();
  static final Shingler SHINGLER = new Shingler(5);

  static RepetitiveText of(String text) {
    Tokens t = NORMALIZER.tokenize(text);
    return RepetitiveText.of(SHINGLER.shingles(t), 5);
  }

  @Test
  void anArticleOfOneWordRepeatedIsRepetitiveThroughout() {
    RepetitiveText r = of("buffalo ".repeat(300_000));
    assertArrayEquals(new int[] {0, 300_000}, r.ranges());
    assertEquals(300_000, r.words());
    assertEquals(0, r.example());
    assertEquals(299_996, r.exampleCount());
  }

  @Test
  void aShingleSixteenTimesIsNotRepetitiveSeventeenTimesIs() {
    // "a b c d e" then a unique word, sixteen or seventeen times: each 5-word run recurs that often.
    StringBuilder sixteen = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sixteen.append("a b c d e u").append(i).append(' ');
    }
    assertSame(RepetitiveText.NONE, of(sixteen.toString()));
    RepetitiveText seventeen = of(sixteen + "a b c d e u16");
    assertEquals(17, seventeen.exampleCount());
    assertEquals(17 * 5, seventeen.words());
    assertEquals(0, seventeen.ranges()[0]);
    assertEquals(5, seventeen.ranges()[1]);
    assertEquals(34, seventeen.ranges().length, "one range per copy, the unique words left out");
  }

  @Test
  void theRepeatedRunInsideAnArticleIsMaskedAndTheRestIsNot() {
    String text = "the minister said on friday that " + "la ".repeat(100) + "and left the room";
    RepetitiveText r = of(text);
    assertArrayEquals(new int[] {6, 106}, r.ranges());
    assertEquals(6, r.example());
    assertTrue(r.exampleCount() > RepetitiveText.MAX_OCCURRENCES);
  }

  @Test
  void ordinaryTextRepeatsNothing() {
    assertSame(RepetitiveText.NONE, of(PassageAlignerTest.filler(1, 2_000)));
    assertTrue(RepetitiveText.NONE.isEmpty());
  }

  @Test
  void thePreCheckNeverMissesAShingleOverTheLimit() {
    java.util.Random r = new java.util.Random(7);
    for (int trial = 0; trial < 500; trial++) {
      int n = 17 + r.nextInt(2_000);
      int distinct = 1 + r.nextInt(n);
      long[] shingles = new long[n];
      java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
      int most = 0;
      for (int i = 0; i < n; i++) {
        shingles[i] = r.nextInt(distinct) * 0x9E3779B97F4A7C15L;
        most = Math.max(most, counts.merge(shingles[i], 1, Integer::sum));
      }
      if (most > RepetitiveText.MAX_OCCURRENCES) {
        assertTrue(RepetitiveText.mayRepeat(shingles), "trial " + trial);
      } else {
        assertSame(RepetitiveText.NONE, RepetitiveText.of(shingles, 5), "trial " + trial);
      }
    }
    Tokens t = NORMALIZER.tokenize(PassageAlignerTest.filler(3, 5_000));
    org.junit.jupiter.api.Assertions.assertFalse(RepetitiveText.mayRepeat(SHINGLER.shingles(t)));
  }
}
