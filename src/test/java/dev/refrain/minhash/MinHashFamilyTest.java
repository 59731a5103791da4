package dev.refrain.minhash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.shingle.ShingleSets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MinHashFamilyTest {
  private static final int HASHES = 256;
  private static final MinHashFamily FAMILY = new MinHashFamily(HASHES, 42L);

  /** Two sets of {@code size} distinct random longs sharing exactly {@code shared} of them. */
  private static long[][] overlappingSets(Random random, int size, int shared) {
    Set<Long> all = new LinkedHashSet<>();
    while (all.size() < 2 * size - shared) {
      all.add(random.nextLong());
    }
    long[] values = all.stream().mapToLong(Long::longValue).toArray();
    long[] a = Arrays.copyOfRange(values, 0, size);
    long[] b = Arrays.copyOfRange(values, size - shared, 2 * size - shared);
    return new long[][] {a, b};
  }

  private static double exactJaccard(long[] a, long[] b) {
    long[] sa = a.clone();
    long[] sb = b.clone();
    Arrays.sort(sa);
    Arrays.sort(sb);
    return ShingleSets.jaccard(sa, sb);
  }

  /** Shared elements giving Jaccard J for two sets of 500: s / (1000 - s) = J. */
  private static int sharedFor(double j) {
    return (int) Math.round(1000 * j / (1 + j));
  }

  @ParameterizedTest(name = "J = {0}")
  @ValueSource(doubles = {0.1, 0.3, 0.5, 0.8})
  void estimateIsWithinFourStandardErrorsOfTheExactJaccard(double j) {
    Random random = new Random(Double.doubleToLongBits(j));
    long[][] sets = overlappingSets(random, 500, sharedFor(j));
    double exact = exactJaccard(sets[0], sets[1]);
    assertEquals(j, exact, 0.002);
    double estimate =
        MinHashFamily.estimateJaccard(
            FAMILY.signature(sets[0], 0, 500), FAMILY.signature(sets[1], 0, 500));
    double bound = 4 * Math.sqrt(exact * (1 - exact) / HASHES);
    assertEquals(exact, estimate, bound, "estimate " + estimate + " vs exact " + exact);
  }

  @ParameterizedTest(name = "J = {0}")
  @ValueSource(doubles = {0.1, 0.3, 0.5, 0.8})
  void estimateIsUnbiasedOverManyIndependentSetPairs(double j) {
    Random random = new Random(7L + Double.doubleToLongBits(j));
    int trials = 40;
    double sumError = 0;
    for (int t = 0; t < trials; t++) {
      long[][] sets = overlappingSets(random, 500, sharedFor(j));
      MinHashFamily family = new MinHashFamily(HASHES, random.nextLong());
      double exact = exactJaccard(sets[0], sets[1]);
      double estimate =
          MinHashFamily.estimateJaccard(
              family.signature(sets[0], 0, 500), family.signature(sets[1], 0, 500));
      sumError += estimate - exact;
    }
    double meanError = sumError / trials;
    double bound = 4 * Math.sqrt(j * (1 - j) / HASHES / trials);
    assertEquals(0.0, meanError, bound);
  }

  @Test
  void identicalSetsEstimateOne() {
    long[][] sets = overlappingSets(new Random(1L), 500, 0);
    long[] shuffled = sets[0].clone();
    Arrays.sort(shuffled);
    assertEquals(
        1.0,
        MinHashFamily.estimateJaccard(
            FAMILY.signature(sets[0], 0, 500), FAMILY.signature(shuffled, 0, 500)));
  }

  @Test
  void duplicatesDoNotChangeTheSignature() {
    long[] set = {5L, 9L, -3L};
    long[] withDuplicates = {5L, 9L, 9L, -3L, 5L, 5L};
    assertArrayEquals(FAMILY.signature(set, 0, 3), FAMILY.signature(withDuplicates, 0, 6));
  }

  @Test
  void disjointSetsEstimateNearZero() {
    long[][] sets = overlappingSets(new Random(2L), 500, 0);
    double estimate =
        MinHashFamily.estimateJaccard(
            FAMILY.signature(sets[0], 0, 500), FAMILY.signature(sets[1], 0, 500));
    assertEquals(0.0, estimate);
  }

  @Test
  void pinnedFirstSignatureValueNeverChanges() {
    // Pinned from a run of the code. Stored signatures and band keys depend on it: a change to
    // the MinHash family (salts or mix) must fail this test.
    long[] signature = new MinHashFamily(256, 42L).signature(new long[] {1L, 2L, 3L}, 0, 3);
    assertEquals(-7362465200195727099L, signature[0]);
    assertEquals(2468719347829500475L, signature[255]);
    assertEquals(-1461386575730987342L, new MinHashFamily(256, 42L).hash(0, 1L));
  }

  @Test
  void signaturePositionIsTheUnsignedMinimumOfItsFunction() {
    long[] shingles = new Random(3L).longs(200).toArray();
    long[] signature = FAMILY.signature(shingles, 20, 120);
    for (int i = 0; i < HASHES; i++) {
      long min = -1L;
      for (int s = 20; s < 120; s++) {
        long h = FAMILY.hash(i, shingles[s]);
        if (Long.compareUnsigned(h, min) < 0) {
          min = h;
        }
      }
      assertEquals(min, signature[i], "function " + i);
    }
  }

  @Test
  void signatureOfARangeIgnoresShinglesOutsideIt() {
    long[] shingles = new Random(4L).longs(50).toArray();
    assertArrayEquals(
        FAMILY.signature(Arrays.copyOfRange(shingles, 10, 30), 0, 20),
        FAMILY.signature(shingles, 10, 30));
  }

  @Test
  void anEmptyRangeGivesTheUnsignedMaximumEverywhere() {
    long[] signature = FAMILY.signature(new long[] {1L, 2L}, 1, 1);
    assertEquals(HASHES, signature.length);
    for (long v : signature) {
      assertEquals(-1L, v);
    }
  }

  @Test
  void theSeedChangesTheSignature() {
    long[] shingles = {1L, 2L, 3L, 4L};
    long[] a = new MinHashFamily(64, 1L).signature(shingles, 0, 4);
    long[] b = new MinHashFamily(64, 2L).signature(shingles, 0, 4);
    assertTrue(MinHashFamily.estimateJaccard(a, b) < 0.5);
  }

  @Test
  void aSmallerFamilyIsAPrefixOfALargerOneWithTheSameSeed() {
    long[] shingles = new Random(5L).longs(30).toArray();
    long[] small = new MinHashFamily(16, 9L).signature(shingles, 0, 30);
    long[] large = new MinHashFamily(1024, 9L).signature(shingles, 0, 30);
    assertArrayEquals(small, Arrays.copyOf(large, 16));
  }

  @Test
  void eachFunctionIsInjectiveOnASample() {
    Set<Long> seen = new HashSet<>();
    for (long x = 0; x < 50_000; x++) {
      seen.add(FAMILY.hash(7, x));
    }
    assertEquals(50_000, seen.size());
    assertNotEquals(FAMILY.hash(0, 12345L), FAMILY.hash(1, 12345L));
  }

  @Test
  void estimateJaccardCountsAgreeingPositions() {
    assertEquals(0.5, MinHashFamily.estimateJaccard(new long[] {1, 2, 3, 4}, new long[] {1, 0, 3, 0}));
    assertEquals(0.0, MinHashFamily.estimateJaccard(new long[0], new long[0]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MinHashFamily.estimateJaccard(new long[3], new long[4]));
    assertEquals("signatures differ in length: 3 and 4", e.getMessage());
  }

  @ParameterizedTest(name = "window {0}")
  @ValueSource(ints = {1, 3, 10, 200, 201, 500})
  void windowMinimaEqualABruteForceMinimumOfEveryWindow(int window) {
    Random random = new Random(window);
    long[] shingles = random.longs(200).toArray();
    // Some repeated values, to exercise ties in the deque.
    for (int k = 0; k < 20; k++) {
      shingles[random.nextInt(200)] = shingles[random.nextInt(200)];
    }
    for (int i : new int[] {0, 1, 255}) {
      long[] minima = FAMILY.windowMinima(i, shingles, window);
      int w = Math.min(window, shingles.length);
      assertEquals(shingles.length - w + 1, minima.length);
      for (int p = 0; p < minima.length; p++) {
        long min = FAMILY.hash(i, shingles[p]);
        for (int s = p + 1; s < p + w; s++) {
          long h = FAMILY.hash(i, shingles[s]);
          if (Long.compareUnsigned(h, min) < 0) {
            min = h;
          }
        }
        assertEquals(min, minima[p], "function " + i + " window at " + p);
      }
    }
  }

  @Test
  void aWindowLargerThanTheInputGivesOneMinimumEqualToTheSignature() {
    long[] shingles = new Random(6L).longs(7).toArray();
    long[] signature = FAMILY.signature(shingles, 0, shingles.length);
    for (int i = 0; i < 5; i++) {
      long[] minima = FAMILY.windowMinima(i, shingles, 50);
      assertArrayEquals(new long[] {signature[i]}, minima);
    }
  }

  @Test
  void windowMinimaOfNoShinglesAreEmpty() {
    assertArrayEquals(new long[0], FAMILY.windowMinima(0, new long[0], 10));
  }

  @Test
  void windowMinimaOnAMonotoneSequenceOfHashesSlideCorrectly() {
    // Sort shingles by their hash under function 0 (unsigned), descending: the minimum of each
    // window is then its last element, which makes the deque drop everything each step.
    Long[] boxed = new Random(8L).longs(40).boxed().toArray(Long[]::new);
    Arrays.sort(boxed, (x, y) -> Long.compareUnsigned(FAMILY.hash(0, y), FAMILY.hash(0, x)));
    long[] shingles = Arrays.stream(boxed).mapToLong(Long::longValue).toArray();
    long[] minima = FAMILY.windowMinima(0, shingles, 4);
    for (int p = 0; p < minima.length; p++) {
      assertEquals(FAMILY.hash(0, shingles[p + 3]), minima[p]);
    }
    // Ascending: the minimum is the first element, which must leave the window on time.
    Arrays.sort(boxed, (x, y) -> Long.compareUnsigned(FAMILY.hash(0, x), FAMILY.hash(0, y)));
    shingles = Arrays.stream(boxed).mapToLong(Long::longValue).toArray();
    minima = FAMILY.windowMinima(0, shingles, 4);
    for (int p = 0; p < minima.length; p++) {
      assertEquals(FAMILY.hash(0, shingles[p]), minima[p]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1025, -1})
  void theConstructorRejectsHashCountsOutside1To1024(int hashes) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MinHashFamily(hashes, 0L));
    assertEquals("hash count must be 1 to 1024, was " + hashes, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"1, 5", "1024, 5", "256, -1"})
  void theConstructorAcceptsTheLimits(int hashes, long seed) {
    MinHashFamily family = new MinHashFamily(hashes, seed);
    assertEquals(hashes, family.size());
    assertEquals(seed, family.seed());
    assertEquals(hashes, family.signature(new long[] {1L}, 0, 1).length);
  }
}
