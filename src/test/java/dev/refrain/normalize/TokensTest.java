package dev.refrain.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensTest {
  //                                    0123456789012345678901234
  private static final String TEXT = "Blinken visits  Beijing.";
  private static final Tokens TOKENS = TextNormalizerTest.tokenize(new TextNormalizer(), TEXT);

  @Test
  void theFixtureHasThreeWordsAtKnownOffsets() {
    assertEquals(3, TOKENS.size());
    assertArrayEquals(
        new long[] {
          Hash64.hash("blinken", Hash64.DEFAULT_SEED),
          Hash64.hash("visits", Hash64.DEFAULT_SEED),
          Hash64.hash("beijing", Hash64.DEFAULT_SEED)
        },
        TOKENS.hashes(0, 3));
    assertEquals(0, TOKENS.start(0));
    assertEquals(7, TOKENS.end(0));
    assertEquals(8, TOKENS.start(1));
    assertEquals(14, TOKENS.end(1));
    assertEquals(16, TOKENS.start(2));
    assertEquals(23, TOKENS.end(2));
  }

  @ParameterizedTest(name = "wordAtOrAfter({0}) = {1}")
  @CsvSource({
    "-5, 0",
    "0, 0",
    "3, 0",
    "6, 0",
    "7, 1", // word 0 ends at 7: it does not end after 7
    "8, 1",
    "13, 1",
    "14, 2", // in the double space between words 1 and 2
    "15, 2",
    "16, 2",
    "22, 2",
    "23, 3", // after the last word: size()
    "24, 3",
    "1000, 3"
  })
  void wordAtOrAfterFindsTheFirstWordEndingAfterTheOffset(int offset, int expected) {
    assertEquals(expected, TOKENS.wordAtOrAfter(offset));
  }

  @Test
  void wordAtOrAfterAgreesWithALinearScanEverywhere() {
    String text = "  a bb  ccc, dddd. e  ffffff g ";
    Tokens tokens = TextNormalizerTest.tokenize(new TextNormalizer(), text);
    assertEquals(7, tokens.size());
    for (int offset = -1; offset <= text.length() + 1; offset++) {
      int expected = tokens.size();
      for (int i = 0; i < tokens.size(); i++) {
        if (tokens.end(i) > offset) {
          expected = i;
          break;
        }
      }
      assertEquals(expected, tokens.wordAtOrAfter(offset), "offset " + offset);
    }
  }

  @Test
  void wordAtOrAfterOfNoWordsIsZero() {
    Tokens empty = TextNormalizerTest.tokenize(new TextNormalizer(), "");
    assertEquals(0, empty.size());
    assertEquals(0, empty.wordAtOrAfter(0));
    assertEquals(0, empty.wordAtOrAfter(10));
  }

  @Test
  void hashesReturnsAnIndependentCopyOfTheRange() {
    long[] middle = TOKENS.hashes(1, 3);
    assertArrayEquals(new long[] {TOKENS.hash(1), TOKENS.hash(2)}, middle);
    middle[0] = 42;
    assertEquals(Hash64.hash("visits", Hash64.DEFAULT_SEED), TOKENS.hash(1));
    assertArrayEquals(new long[0], TOKENS.hashes(2, 2));
  }

  @Test
  void theConstructorRejectsArraysOfDifferentLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Tokens(new long[] {1, 2}, new int[] {0, 2}, new int[] {1}));
    assertEquals("hashes, starts and ends differ in length", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Tokens(new long[] {1}, new int[] {0, 2}, new int[] {1}));
  }

  @Test
  void tokensAreEqualWhenTheirHashesAndOffsetsAre() {
    Tokens t = new Tokens(new long[] {7, 9}, new int[] {3, 10}, new int[] {5, 12});
    Tokens same = new Tokens(new long[] {7, 9}, new int[] {3, 10}, new int[] {5, 12});
    assertEquals(t, same);
    assertEquals(t.hashCode(), same.hashCode());
    assertNotEquals(t, new Tokens(new long[] {7, 8}, new int[] {3, 10}, new int[] {5, 12}));
    assertNotEquals(t, new Tokens(new long[] {7, 9}, new int[] {3, 11}, new int[] {5, 12}));
    assertNotEquals(t, new Tokens(new long[] {7, 9}, new int[] {3, 10}, new int[] {5, 13}));
    assertNotEquals(t, new Tokens(new long[] {7}, new int[] {3}, new int[] {5}));
    assertNotEquals(t, "Tokens");
  }

  @Test
  void aHandBuiltTokensReportsWhatItWasGiven() {
    Tokens t = new Tokens(new long[] {7, 9}, new int[] {3, 10}, new int[] {5, 12});
    assertEquals(2, t.size());
    assertEquals(9, t.hash(1));
    assertEquals(10, t.start(1));
    assertEquals(12, t.end(1));
    assertEquals(0, t.wordAtOrAfter(4));
    assertEquals(1, t.wordAtOrAfter(5));
    assertEquals(2, t.wordAtOrAfter(12));
  }
}
