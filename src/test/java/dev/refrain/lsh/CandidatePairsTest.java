package dev.refrain.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CandidatePairsTest {

  private static LshBanding.BandKeys keys(long... keys) {
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    return new LshBanding.BandKeys(sorted, false);
  }

  private static LshBanding.BandKeys repeating(long... keys) {
    return new LshBanding.BandKeys(keys.clone(), true);
  }

  @ParameterizedTest(name = "({0}, {1})")
  @CsvSource({"0, 0", "0, 1", "3, 7", "7, 3", "5, 5", "0, 2147483647", "2147483647, 2147483647",
    "123456, 654321"})
  void aPairEncodesWithTheSmallerArticleFirstAndDecodes(int a, int b) {
    long pair = CandidatePairs.encode(a, b);
    assertEquals((long) Math.min(a, b) << 32 | Math.max(a, b), pair);
    assertEquals(Math.min(a, b), CandidatePairs.first(pair));
    assertEquals(Math.max(a, b), CandidatePairs.second(pair));
    assertEquals(pair, CandidatePairs.encode(b, a));
  }

  @Test
  void encodedPairsSortByFirstThenSecondArticle() {
    long[] pairs = {
      CandidatePairs.encode(2, 3),
      CandidatePairs.encode(0, 9),
      CandidatePairs.encode(1, 2),
      CandidatePairs.encode(0, 1)
    };
    Arrays.sort(pairs);
    assertArrayEquals(
        new long[] {
          CandidatePairs.encode(0, 1),
          CandidatePairs.encode(0, 9),
          CandidatePairs.encode(1, 2),
          CandidatePairs.encode(2, 3)
        },
        pairs);
    assertEquals(3L << 32 | 7L, CandidatePairs.encode(3, 7));
  }

  @Test
  void articlesSharingAKeyArePairedOnceAndSorted() {
    CandidatePairs candidates = new CandidatePairs(10);
    candidates.add(0, keys(10, 20));
    candidates.add(1, keys(10, 20, 30));
    candidates.add(2, keys(30));
    candidates.add(3, keys(40));
    candidates.add(4, keys(20, 50));
    assertArrayEquals(
        new long[] {
          CandidatePairs.encode(0, 1),
          CandidatePairs.encode(0, 4),
          CandidatePairs.encode(1, 2),
          CandidatePairs.encode(1, 4)
        },
        candidates.pairs());
    assertEquals(0, candidates.skippedBuckets());
  }

  @Test
  void noSharedKeysMeansNoPairs() {
    CandidatePairs candidates = new CandidatePairs(2);
    candidates.add(0, keys(1, 2));
    candidates.add(1, keys(3, 4));
    candidates.add(2, keys());
    assertArrayEquals(new long[0], candidates.pairs());
    assertArrayEquals(new long[0], new CandidatePairs(2).pairs());
  }

  @Test
  void anArticleRepeatingAPassageIsPairedWithItself() {
    CandidatePairs candidates = new CandidatePairs(5);
    candidates.add(0, keys(1));
    candidates.add(1, repeating(2));
    candidates.add(2, keys(1));
    assertArrayEquals(
        new long[] {CandidatePairs.encode(0, 2), CandidatePairs.encode(1, 1)},
        candidates.pairs());
  }

  @Test
  void articleZeroRepeatingAPassageGivesThePairZeroZero() {
    CandidatePairs candidates = new CandidatePairs(5);
    candidates.add(0, repeating(1));
    assertArrayEquals(new long[] {0L}, candidates.pairs());
  }

  @ParameterizedTest(name = "maxBucket {0}, key in {1} articles: {2} pairs")
  @CsvSource({
    "2, 2, 1",
    "2, 3, 0",
    "3, 3, 3",
    "3, 4, 0",
    "3, 50, 0",
    "10, 10, 45",
    "10, 11, 0",
    "200, 60, 1770"
  })
  void aKeySharedByMoreThanMaxBucketArticlesProposesNoPairs(
      int maxBucket, int articles, int expectedPairs) {
    CandidatePairs candidates = new CandidatePairs(maxBucket);
    for (int a = 0; a < articles; a++) {
      candidates.add(a, keys(77));
    }
    long[] pairs = candidates.pairs();
    assertEquals(expectedPairs, pairs.length);
    assertEquals(expectedPairs == 0 ? 1 : 0, candidates.skippedBuckets());
  }

  @Test
  void aCommonKeyIsSkippedWhileRarerKeysStillPair() {
    CandidatePairs candidates = new CandidatePairs(2);
    candidates.add(0, keys(99, 1));
    candidates.add(1, keys(99, 1));
    candidates.add(2, keys(99, 2));
    candidates.add(3, keys(99, 3, 4));
    candidates.add(4, keys(3, 4));
    assertArrayEquals(
        new long[] {CandidatePairs.encode(0, 1), CandidatePairs.encode(3, 4)},
        candidates.pairs());
    assertEquals(1, candidates.skippedBuckets());
  }

  @Test
  void callingPairsAgainGivesTheSameResultAndCount() {
    CandidatePairs candidates = new CandidatePairs(2);
    candidates.add(0, keys(5, 6));
    candidates.add(1, keys(5, 6));
    candidates.add(2, keys(6, 7));
    candidates.add(3, keys(7));
    long[] first = candidates.pairs();
    assertEquals(1, candidates.skippedBuckets());
    assertArrayEquals(first, candidates.pairs());
    assertEquals(1, candidates.skippedBuckets());
    assertArrayEquals(
        new long[] {CandidatePairs.encode(0, 1), CandidatePairs.encode(2, 3)}, first);
  }

  @Test
  void pairsMatchABruteForceOverRandomKeys() {
    Random random = new Random(31L);
    int articles = 300;
    int maxBucket = 6;
    long[][] articleKeys = new long[articles][];
    CandidatePairs candidates = new CandidatePairs(maxBucket);
    for (int a = 0; a < articles; a++) {
      articleKeys[a] = random.longs(8, 0, 400).distinct().sorted().toArray();
      candidates.add(a, new LshBanding.BandKeys(articleKeys[a], false));
    }
    TreeSet<Long> expected = new TreeSet<>();
    int skipped = 0;
    for (long key = 0; key < 400; key++) {
      TreeSet<Integer> holders = new TreeSet<>();
      for (int a = 0; a < articles; a++) {
        if (Arrays.binarySearch(articleKeys[a], key) >= 0) {
          holders.add(a);
        }
      }
      if (holders.size() > maxBucket) {
        skipped++;
        continue;
      }
      for (int x : holders) {
        for (int y : holders.tailSet(x, false)) {
          expected.add(CandidatePairs.encode(x, y));
        }
      }
    }
    long[] pairs = candidates.pairs();
    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), pairs);
    assertEquals(skipped, candidates.skippedBuckets());
    assertEquals(true, pairs.length > 100, "the random setup should give many pairs");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 0, -5})
  void theConstructorRejectsMaxBucketBelowTwo(int maxBucket) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CandidatePairs(maxBucket));
    assertEquals("maxBucket must be at least 2, was " + maxBucket, e.getMessage());
  }
}
