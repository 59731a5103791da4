package dev.refrain.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void aPassageHeldByMoreThanMaxBucketArticlesProposesAStarAroundItsRepresentative() {
    // 30 articles hold two fingerprints of one passage; the cap is 10: each holder is paired with
    // the representative (least order: here article 7), not with every other holder.
    long[][] fps = new long[30][];
    for (int a = 0; a < 30; a++) {
      fps[a] = new long[] {fp(1), fp(2), fp(1000 + a)};
    }
    FingerprintTable table = FingerprintTable.build(fps.length, a -> fps[a]);
    CandidatePairs.Result r =
        CandidatePairs.find(
            table, 10, POOL, 2, CandidatePairs.HolderFilter.NONE, a -> a == 7 ? -1 : a);
    assertEquals(29, r.pairs().length);
    for (long pair : r.pairs()) {
      int a = CandidatePairs.first(pair);
      int b = CandidatePairs.second(pair);
      assertEquals(true, a == 7 || b == 7, a + "," + b);
    }
    assertEquals(2, r.cappedFingerprints());
    assertEquals(new CandidatePairs.Caps(10, 2, 30, 29, 30 * 29 / 2 - 29), r.caps());
  }

  @Test
  void theRepresentativeIsTheHolderOfLeastOrderTiesToTheEarlier() {
    int[] holders = {4, 9, 2, 8};
    assertEquals(2, CandidatePairs.representative(holders, 4, a -> a));
    assertEquals(1, CandidatePairs.representative(holders, 4, a -> -a));
    assertEquals(0, CandidatePairs.representative(holders, 4, a -> 5));
    assertEquals(CandidatePairs.idKey("a"), CandidatePairs.idKey("a"));
  }

  @Test
  void pairsNotComparedIsBoundedByTheDistinctHolderSets() {
    // Two capped fingerprints of different holder sets: 0..11 and 12..23 (cap 10); nothing
    // else shared, so no pair is proposed (each star pair shares one fingerprint).
    long[][] fps = new long[24][];
    for (int a = 0; a < 24; a++) {
      fps[a] = new long[] {a < 12 ? fp(1) : fp(2), fp(1000 + a)};
    }
    CandidatePairs.Result r = find(fps, 10, 1);
    assertEquals(0, r.pairs().length);
    assertEquals(new CandidatePairs.Caps(10, 2, 24, 0, 2 * (12 * 11 / 2)), r.caps());
  }

  @Test
  void aLoneFingerprintHeldByMoreThanMaxBucketArticlesProposesNothingAndIsCounted() {
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
    // The rule by its definition: a fingerprint of at most maxBucket holders proposes each pair
    // of them (all rare: at most 8); one of more proposes each holder with the lowest (the
    // representative by order a -> a); a pair is kept on two shared fingerprints or a rare one.
    TreeSet<Long> expected = new TreeSet<>();
    TreeSet<Long> sharingCapped = new TreeSet<>();
    for (int x = 0; x < articles; x++) {
      for (int y = x + 1; y < articles; y++) {
        int shared = 0;
        boolean rare = false;
        boolean capped = false;
        for (long h : Arrays.stream(fps[x]).distinct().toArray()) {
          if (!contains(fps[y], h)) {
            continue;
          }
          if (holders(fps, h) <= maxBucket) {
            shared++;
            rare = true;
          } else {
            capped = true;
            if (lowestHolder(fps, h) == x) {
              shared++;
            }
          }
        }
        if (shared >= 2 || rare) {
          expected.add(CandidatePairs.encode(x, y));
        }
        if (capped) {
          sharingCapped.add(CandidatePairs.encode(x, y));
        }
      }
    }
    CandidatePairs.Result r = find(fps, maxBucket, parts);
    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), r.pairs());
    sharingCapped.removeAll(expected);
    assertTrue(r.caps().pairsNotCompared() >= sharingCapped.size(),
        r.caps() + " bounds the " + sharingCapped.size() + " pairs not compared");
    assertTrue(r.caps().fingerprints() > 0, r.caps().toString());
  }

  private static int lowestHolder(long[][] fps, long h) {
    for (int a = 0; a < fps.length; a++) {
      if (contains(fps[a], h)) {
        return a;
      }
    }
    return -1;
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
