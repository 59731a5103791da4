package dev.refrain.shingle;

import dev.refrain.normalize.Hash64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShinglerTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();
  private static final String SENTENCE =
      "We are not going to Beijing with the intention of making progress.";

  private static long[] words(int n) {
    return LongStream.range(0, n).map(i -> Hash64.hash("w" + i, Hash64.DEFAULT_SEED)).toArray();
  }

  @Test
  void pinnedShingleHashesOfAFixedSentenceNeverChange() {
    // Pinned from a run of the code. Stored indexes depend on these values: a change to the word
    // hash, the shingle combination or the default seed must fail this test.
    long[] shingles = new Shingler(5).shingles(NORMALIZER.tokenize(SENTENCE));
    assertEquals(8, shingles.length);
    assertEquals(2292854133106698932L, shingles[0]);
    assertEquals(6210146152775996285L, shingles[7]);
  }

  @Test
  void theDefaultSeedIsPinned() {
    assertEquals(0x5eed_5eed_2023_0618L, Hash64.DEFAULT_SEED);
    assertEquals(Hash64.DEFAULT_SEED, new Shingler(5).seed());
    assertEquals(5, new Shingler(5).size());
    assertEquals(42L, new Shingler(3, 42L).seed());
  }

  @ParameterizedTest(name = "{0} words, size {1}: {2} shingles")
  @CsvSource({
    "0, 5, 0",
    "1, 5, 0",
    "4, 5, 0",
    "5, 5, 1",
    "6, 5, 2",
    "12, 5, 8",
    "0, 1, 0",
    "1, 1, 1",
    "10, 1, 10",
    "31, 32, 0",
    "32, 32, 1",
    "100, 32, 69"
  })
  void shingleCountIsWordsMinusSizePlusOneButNeverNegative(int n, int size, int expected) {
    assertEquals(expected, Math.max(0, n - size + 1));
    assertEquals(expected, new Shingler(size).shingles(words(n)).length);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 5, 8})
  void shingleCountFromTokensMatchesTheWordCount(int size) {
    Tokens tokens = NORMALIZER.tokenize(SENTENCE);
    assertEquals(12, tokens.size());
    assertEquals(12 - size + 1, new Shingler(size).shingles(tokens).length);
  }

  @Test
  void shinglesOfTokensAreShinglesOfTheirWordHashes() {
    Shingler shingler = new Shingler(4);
    Tokens tokens = NORMALIZER.tokenize(SENTENCE);
    assertArrayEquals(shingler.shingles(tokens.hashes()), shingler.shingles(tokens));
  }

  @Test
  void wordOrderMattersInsideAShingle() {
    Shingler shingler = new Shingler(3);
    long[] abc = shingler.shingles(NORMALIZER.tokenize("alpha beta gamma"));
    long[] cba = shingler.shingles(NORMALIZER.tokenize("gamma beta alpha"));
    long[] bac = shingler.shingles(NORMALIZER.tokenize("beta alpha gamma"));
    assertEquals(1, abc.length);
    assertNotEquals(abc[0], cba[0]);
    assertNotEquals(abc[0], bac[0]);
    assertNotEquals(cba[0], bac[0]);
  }

  @Test
  void aShingleDependsOnlyOnItsOwnWords() {
    Shingler shingler = new Shingler(5);
    long[] a = shingler.shingles(NORMALIZER.tokenize("first context " + SENTENCE));
    long[] b = shingler.shingles(NORMALIZER.tokenize(SENTENCE + " and other words after"));
    long[] alone = shingler.shingles(NORMALIZER.tokenize(SENTENCE));
    assertArrayEquals(alone, Arrays.copyOfRange(a, 2, 2 + alone.length));
    assertArrayEquals(alone, Arrays.copyOfRange(b, 0, alone.length));
  }

  @Test
  void typographicVariantsGiveTheSameShingles() {
    Shingler shingler = new Shingler(3);
    assertArrayEquals(
        shingler.shingles(NORMALIZER.tokenize("Blinken’s “visit” — to Beijing")),
        shingler.shingles(NORMALIZER.tokenize("blinken's \"visit\" - to BEIJING")));
  }

  @Test
  void theSeedChangesEveryShingle() {
    Tokens tokens = NORMALIZER.tokenize(SENTENCE);
    long[] one = new Shingler(5, 1L).shingles(tokens);
    long[] two = new Shingler(5, 2L).shingles(tokens);
    for (int i = 0; i < one.length; i++) {
      assertNotEquals(one[i], two[i]);
    }
  }

  @Test
  void shinglesOfSizeOneStillDifferFromTheWordHashes() {
    Shingler shingler = new Shingler(1);
    long[] hashes = words(3);
    long[] shingles = shingler.shingles(hashes);
    assertEquals(3, shingles.length);
    assertNotEquals(hashes[0], shingles[0]);
  }

  @Test
  void distinctShinglesOfALongRandomTextDoNotCollide() {
    long[] shingles = new Shingler(5).shingles(words(50_000));
    Set<Long> seen = new HashSet<>();
    for (long s : shingles) {
      seen.add(s);
    }
    assertEquals(shingles.length, seen.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 33, 100})
  void theConstructorRejectsSizesOutside1To32(int size) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Shingler(size));
    assertEquals("shingle size must be 1 to 32, was " + size, e.getMessage());
  }

  /**
   * The rolling combination gives, for every shingle, the value of combining its own words one
   * after another, as the shingler did before: random word hashes, sizes 1 to 32, seeds of every
   * kind.
   */
  @Test
  void rollingShingleHashesEqualEachShinglesOwnCombination() {
    java.util.Random random = new java.util.Random(20261202);
    for (int trial = 0; trial < 2_000; trial++) {
      int size = 1 + random.nextInt(32);
      long seed = trial % 4 == 0 ? Hash64.DEFAULT_SEED : random.nextLong();
      long[] w = new long[random.nextInt(3 * size + 5)];
      for (int i = 0; i < w.length; i++) {
        w[i] = trial % 2 == 0 ? random.nextLong() : random.nextInt(3);
      }
      int count = Math.max(0, w.length - size + 1);
      long[] expected = new long[count];
      for (int i = 0; i < count; i++) {
        long h = seed;
        for (int j = 0; j < size; j++) {
          h = h * 0x9E3779B97F4A7C15L + w[i + j];
        }
        expected[i] = Hash64.mix(h);
      }
      assertArrayEquals(expected, new Shingler(size, seed).shingles(w), "size " + size);
    }
  }
}
