package dev.refrain.minhash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.Hash64;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WinnowingTest {

  static long[] randomShingles(Random random, int n) {
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = Hash64.mix(random.nextLong());
    }
    return s;
  }

  /** The definition, slowly: the minimum of every window, each position once. */
  static long[] reference(long[] shingles, int window) {
    int w = Math.min(window, shingles.length);
    java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
    int last = -1;
    for (int p = 0; p + w <= shingles.length; p++) {
      int min = p;
      for (int i = p; i < p + w; i++) {
        if (shingles[i] <= shingles[min]) {
          min = i; // the rightmost of equal minima
        }
      }
      // The one selected before stays while it is in the window and still a minimum.
      if (last >= p && shingles[last] == shingles[min]) {
        min = last;
      }
      chosen.add(min);
      last = min;
    }
    return chosen.stream().mapToLong(i -> i).toArray();
  }

  @ParameterizedTest(name = "window {0}")
  @ValueSource(ints = {1, 2, 4, 10, 30})
  void selectsEachWindowsMinimumOnceAsTheDefinitionSays(int window) {
    Random random = new Random(window);
    for (int round = 0; round < 50; round++) {
      long[] shingles = randomShingles(random, 1 + random.nextInt(300));
      Fingerprints fp = new Winnowing(window).select(shingles);
      long[] positions = Arrays.stream(fp.positions()).asLongStream().toArray();
      assertArrayEquals(reference(shingles, window), positions);
      for (int i = 0; i < fp.size(); i++) {
        assertEquals(shingles[fp.positions()[i]], fp.hashes()[i]);
      }
    }
  }

  @Test
  void twoTextsSharingARunOfAWindowOfShinglesShareAFingerprint() {
    Random random = new Random(7);
    Winnowing winnowing = new Winnowing(10);
    for (int round = 0; round < 500; round++) {
      long[] shared = randomShingles(random, 10 + random.nextInt(5));
      long[] a = concat(randomShingles(random, random.nextInt(200)), shared,
          randomShingles(random, random.nextInt(200)));
      long[] b = concat(randomShingles(random, random.nextInt(200)), shared,
          randomShingles(random, random.nextInt(200)));
      long[] fa = winnowing.select(a).hashes();
      long[] fb = winnowing.select(b).hashes();
      assertTrue(
          Arrays.stream(fa).anyMatch(h -> Arrays.stream(fb).anyMatch(g -> g == h)),
          "round " + round);
    }
  }

  @Test
  void selectsAboutTwoInEveryWindowPlusOneShingles() {
    long[] shingles = randomShingles(new Random(3), 200_000);
    double density = new Winnowing(10).select(shingles).size() / 200_000.0;
    assertEquals(2.0 / 11, density, 0.01);
  }

  @Test
  void aRepeatedShingleGivesOneFingerprintPerWindowNotOnePerShingle() {
    long[] shingles = new long[100];
    Arrays.fill(shingles, 42L);
    Fingerprints fp = new Winnowing(10).select(shingles);
    assertEquals(10, fp.size(), Arrays.toString(fp.positions()));
    assertEquals(9, fp.positions()[0]);
  }

  @Test
  void aTextShorterThanTheWindowHasOneFingerprintAndAnEmptyOneNone() {
    assertEquals(1, new Winnowing(10).select(new long[] {5, 3, 9}).size());
    assertEquals(3, new Winnowing(10).select(new long[] {5, 3, 9}).hashes()[0]);
    assertEquals(0, new Winnowing(10).select(new long[0]).size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001})
  void rejectsAWindowOutOfRange(int window) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Winnowing(window));
    assertEquals("window must be 1 to 1000 shingles, was " + window, e.getMessage());
  }

  static long[] concat(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }
}
