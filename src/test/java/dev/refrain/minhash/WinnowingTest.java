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

  /**
   * The same fingerprints as the monotone deque this class used before, on random texts of every
   * length around the window and of few distinct shingles (ties, repeats, runs), for windows 1 to
   * 12 and signed values of either sign.
   */
  @Test
  void selectsWhatTheMonotoneDequeSelected() {
    Random random = new Random(20261202);
    for (int trial = 0; trial < 20_000; trial++) {
      int window = 1 + random.nextInt(12);
      long[] s = new long[random.nextInt(3 * window + 8)];
      int distinct = 1 + random.nextInt(trial % 2 == 0 ? 4 : 1000);
      for (int i = 0; i < s.length; i++) {
        s[i] = trial % 3 == 0 ? Hash64.mix(random.nextInt(distinct)) : random.nextInt(distinct) - 2;
      }
      Fingerprints expected = dequeSelect(s, window);
      Fingerprints actual = new Winnowing(window).select(s);
      String text = "window " + window + " of " + Arrays.toString(s);
      assertArrayEquals(expected.hashes(), actual.hashes(), text);
      assertArrayEquals(expected.positions(), actual.positions(), text);
    }
    for (int n : new int[] {0, 1, 5, 6, 7, 1000, 100_000}) {
      long[] s = randomShingles(random, n);
      assertArrayEquals(dequeSelect(s, 6).positions(), new Winnowing(6).select(s).positions());
    }
  }

  /** {@link Winnowing#select} as it was: a monotone deque of the window's candidate minima. */
  static Fingerprints dequeSelect(long[] shingles, int window) {
    int n = shingles.length;
    if (n == 0) {
      return Fingerprints.EMPTY;
    }
    int w = Math.min(window, n);
    long[] hashes = new long[n];
    int[] positions = new int[n];
    int count = 0;
    int[] deque = new int[Integer.highestOneBit(w) << 1];
    int mask = deque.length - 1;
    int head = 0;
    int size = 0;
    int last = -1;
    for (int i = 0; i < n; i++) {
      long v = shingles[i];
      while (size > 0 && shingles[deque[(head + size - 1) & mask]] >= v) {
        size--;
      }
      deque[(head + size) & mask] = i;
      size++;
      if (deque[head] <= i - w) {
        head = (head + 1) & mask;
        size--;
      }
      if (i >= w - 1) {
        int min = deque[head];
        if (min != last && !(last > i - w && shingles[last] == shingles[min])) {
          hashes[count] = shingles[min];
          positions[count] = min;
          count++;
          last = min;
        }
      }
    }
    return new Fingerprints(Arrays.copyOf(hashes, count), Arrays.copyOf(positions, count));
  }

  static long[] concat(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }
}
