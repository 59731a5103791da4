package dev.refrain.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CandidatePairsTest {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  /** Fingerprint hashes that keep distinct keys in any table: distinct high bits. */
  static long fp(int n) {
    return (long) n << 40;
  }

  static CandidatePairs.Result find(long[][] fingerprints, int maxBucket, int parts) {
    FingerprintTable table = FingerprintTable.build(fingerprints.length, a -> fingerprints[a]);
    return CandidatePairs.find(table, maxBucket, POOL, parts);
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
  void articlesSharingAFingerprintArePairedOnceAndSortedWithTheirSharedCount() {
    long[][] fps = {
      {fp(1), fp(2)}, // 0
      {fp(3)}, // 1
      {fp(1), fp(2), fp(3)}, // 2
      {fp(9)} // 3
    };
    CandidatePairs.Result r = find(fps, 10, 1);
    assertArrayEquals(
        new long[] {CandidatePairs.encode(0, 2), CandidatePairs.encode(1, 2)}, r.pairs());
    assertArrayEquals(new int[] {2, 1}, r.sharedFingerprints());
    assertEquals(0, r.cappedFingerprints());
  }

  @Test
  void aFingerprintHeldByMoreThanMaxBucketArticlesProposesNothingAndIsCounted() {
    long[][] fps = new long[6][];
    for (int a = 0; a < 6; a++) {
      fps[a] = new long[] {fp(7), fp(100 + a)};
    }
    fps[5] = new long[] {fp(7), fp(100)}; // 5 also shares a rare one with 0
    CandidatePairs.Result capped = find(fps, 5, 1);
    assertArrayEquals(new long[] {CandidatePairs.encode(0, 5)}, capped.pairs());
    assertEquals(1, capped.cappedFingerprints());
    assertEquals(15, find(fps, 6, 1).pairs().length, "all 6 * 5 / 2 pairs under a cap of 6");
  }

  @Test
  void aLoneSharedFingerprintProposesAPairOnlyWhenFewArticlesHoldIt() {
    int max = CandidatePairs.LONE_FINGERPRINT_MAX_HOLDERS;
    // Articles 0..max-1 hold fp 1 (max holders: each pair proposed on it alone); articles
    // 100..100+max hold fp 2 (one holder too many: no pair on it alone), and 100 and 101 also
    // share fp 3, so they are a pair (two shared fingerprints).
    long[][] fps = new long[101 + max][];
    for (int a = 0; a < fps.length; a++) {
      fps[a] = new long[] {fp(1000 + a)};
    }
    for (int a = 0; a < max; a++) {
      fps[a] = new long[] {fp(1), fp(1000 + a)};
    }
    for (int a = 100; a <= 100 + max; a++) {
      fps[a] = new long[] {fp(2), fp(1000 + a)};
    }
    fps[100] = new long[] {fp(2), fp(3)};
    fps[101] = new long[] {fp(2), fp(3)};
    CandidatePairs.Result r = find(fps, 200, 2);
    assertEquals(max * (max - 1) / 2 + 1, r.pairs().length);
    assertEquals(CandidatePairs.encode(100, 101), r.pairs()[r.pairs().length - 1]);
    assertEquals(2, r.sharedFingerprints()[r.pairs().length - 1]);
    assertEquals(true, CandidatePairs.proposes(1, max));
    assertEquals(false, CandidatePairs.proposes(1, max + 1));
    assertEquals(true, CandidatePairs.proposes(2, Integer.MAX_VALUE));
  }

  @Test
  void aFingerprintRepeatedInsideOneArticleMakesNoPairOnItsOwn() {
    long[][] fps = {{fp(1), fp(1), fp(1)}, {fp(2)}};
    assertEquals(0, find(fps, 10, 1).pairs().length);
  }

  @ParameterizedTest(name = "parts {0}")
  @ValueSource(ints = {1, 2, 3, 8})
  void givesTheSamePairsAsABruteForceCountWhateverTheSplit(int parts) {
    Random random = new Random(parts);
    int articles = 300;
    long[][] fps = new long[articles][];
    for (int a = 0; a < articles; a++) {
      fps[a] = new long[5 + random.nextInt(20)];
      for (int i = 0; i < fps[a].length; i++) {
        fps[a][i] = fp(random.nextInt(2000));
      }
    }
    int maxBucket = 4;
    TreeSet<Long> expected = new TreeSet<>();
    for (int x = 0; x < articles; x++) {
      for (int y = x + 1; y < articles; y++) {
        for (long h : fps[x]) {
          if (contains(fps[y], h) && holders(fps, h) <= maxBucket) {
            expected.add(CandidatePairs.encode(x, y));
            break;
          }
        }
      }
    }
    long[] found = find(fps, maxBucket, parts).pairs();
    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), found);
  }

  private static boolean contains(long[] values, long v) {
    return Arrays.stream(values).anyMatch(x -> x == v);
  }

  private static int holders(long[][] fps, long h) {
    int n = 0;
    for (long[] f : fps) {
      n += contains(f, h) ? 1 : 0;
    }
    return n;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 0, -3})
  void rejectsAMaxBucketBelowTwo(int maxBucket) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> find(new long[][] {{1}}, maxBucket, 1));
    assertEquals("maxBucket must be at least 2, was " + maxBucket, e.getMessage());
  }
}
