package dev.refrain.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.shingle.Shingler;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LshBandingTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();
  private static final Shingler SHINGLER = new Shingler(5);
  private static final long SEED = 0x1234_5678L;

  /** Random lower-case words: with this many letters no 5-word shingle repeats by chance. */
  static String randomWords(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int length = 3 + random.nextInt(7);
      for (int c = 0; c < length; c++) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
      sb.append(i % 15 == 14 ? ". " : " ");
    }
    return sb.toString();
  }

  static long[] shingles(String text) {
    return SHINGLER.shingles(NORMALIZER.tokenize(text));
  }

  static int sharedKeys(LshBanding.BandKeys a, LshBanding.BandKeys b) {
    int shared = 0;
    for (long key : a.keys()) {
      if (Arrays.binarySearch(b.keys(), key) >= 0) {
        shared++;
      }
    }
    return shared;
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of(8, 2, 10),
        Arguments.of(4, 3, 5),
        Arguments.of(1, 1, 1),
        Arguments.of(16, 4, 20),
        Arguments.of(64, 8, 30));
  }

  @ParameterizedTest(name = "bands {0}, rows {1}, window {2}")
  @MethodSource("settings")
  void articlesSharingAVerbatimRunOfAWindowShareAtLeastEveryBandsKey(
      int bands, int rows, int window) {
    Random random = new Random(bands * 1000L + rows * 100L + window);
    // window shingles of 5 words: window + 4 words, shared verbatim.
    String passage = randomWords(random, window + SHINGLER.size() - 1);
    String a = randomWords(random, 300) + passage + randomWords(random, 200);
    String b = randomWords(random, 120) + passage + randomWords(random, 400);
    LshBanding lsh = new LshBanding(bands, rows, window, SEED);
    int shared = sharedKeys(lsh.keys(shingles(a)), lsh.keys(shingles(b)));
    assertTrue(shared >= bands, "shared " + shared + " keys, expected at least " + bands);
  }

  @ParameterizedTest(name = "bands {0}, rows {1}, window {2}")
  @MethodSource("settings")
  void unrelatedRandomTextsShareNoKey(int bands, int rows, int window) {
    Random random = new Random(-(bands * 1000L + rows * 100L + window));
    LshBanding lsh = new LshBanding(bands, rows, window, SEED);
    LshBanding.BandKeys a = lsh.keys(shingles(randomWords(random, 500)));
    LshBanding.BandKeys b = lsh.keys(shingles(randomWords(random, 500)));
    assertTrue(a.keys().length > 0);
    assertEquals(0, sharedKeys(a, b));
  }

  @Test
  void identicalTextsHaveIdenticalKeys() {
    String text = randomWords(new Random(11L), 200);
    LshBanding lsh = new LshBanding(8, 2, 10, SEED);
    assertArrayEquals(lsh.keys(shingles(text)).keys(), lsh.keys(shingles(text)).keys());
  }

  @Test
  void keysAreSortedAndDistinct() {
    LshBanding lsh = new LshBanding(8, 2, 10, SEED);
    long[] keys = lsh.keys(shingles(randomWords(new Random(12L), 400))).keys();
    for (int i = 1; i < keys.length; i++) {
      assertTrue(keys[i - 1] < keys[i], "keys " + (i - 1) + " and " + i);
    }
  }

  @Test
  void consecutiveWindowsShareKeysSoAnArticleHasFarFewerKeysThanWindows() {
    int bands = 8;
    int window = 10;
    LshBanding lsh = new LshBanding(bands, 2, window, SEED);
    long[] shingles = shingles(randomWords(new Random(13L), 1004));
    assertEquals(1000, shingles.length);
    int windows = shingles.length - window + 1;
    int keys = lsh.keys(shingles).keys().length;
    // Documented: about bands * 2n / (window + 1) distinct keys (about 1450 here, not 7928).
    assertTrue(keys >= bands, "keys " + keys);
    assertTrue(keys < bands * windows / 3, "keys " + keys + " for " + windows + " windows");
  }

  @Test
  void aTextShorterThanTheWindowHasOneWindowAndOneKeyPerBand() {
    LshBanding lsh = new LshBanding(8, 2, 10, SEED);
    long[] shingles = shingles(randomWords(new Random(14L), 8)); // 4 shingles
    assertEquals(4, shingles.length);
    LshBanding.BandKeys keys = lsh.keys(shingles);
    assertEquals(8, keys.keys().length);
    assertFalse(keys.repeatsWithin());
  }

  @Test
  void noShinglesGiveNoKeys() {
    LshBanding.BandKeys keys = new LshBanding(8, 2, 10, SEED).keys(new long[0]);
    assertEquals(0, keys.keys().length);
    assertFalse(keys.repeatsWithin());
  }

  @Test
  void aPassageRepeatedFurtherApartThanTheWindowIsARepeatWithin() {
    Random random = new Random(15L);
    String passage = randomWords(random, 40);
    String text =
        randomWords(random, 50) + passage + randomWords(random, 60) + passage
            + randomWords(random, 50);
    LshBanding lsh = new LshBanding(8, 2, 10, SEED);
    assertTrue(lsh.keys(shingles(text)).repeatsWithin());
  }

  @Test
  void aTextWithoutRepetitionIsNotARepeatWithin() {
    LshBanding lsh = new LshBanding(8, 2, 10, SEED);
    assertFalse(lsh.keys(shingles(randomWords(new Random(16L), 600))).repeatsWithin());
  }

  static String cycled(int times) {
    Random random = new Random(17L);
    String cycle = randomWords(random, 5);
    return randomWords(random, 40) + cycle.repeat(times) + randomWords(random, 40);
  }

  @ParameterizedTest(name = "a 5-word cycle {0} times, window {1}: {2}")
  @CsvSource({"4, 8, true", "3, 30, false", "2, 5, false", "3, 3, true", "4, 4, true"})
  void aShortCycleRepeatsWithinOnlyWhenTwoIdenticalWindowsDoNotOverlap(
      int times, int window, boolean expected) {
    // Inside "v w x y z v w x y z ..." windows one period (5 shingles) apart are identical. With
    // a window of 3 or 4, windows 5 apart do not overlap. With 4 periods and a window of 8 one
    // key lasts longer than a window: one shingle alone is the minimum of at most 8 windows, so a
    // shingle recurs (the 10-word "v w x y z v w x y z" is there twice): a candidate to verify.
    LshBanding lsh = new LshBanding(8, 2, window, SEED);
    assertEquals(expected, lsh.keys(shingles(cycled(times))).repeatsWithin());
  }

  @ParameterizedTest(name = "a 5-word cycle {0} times, window 8")
  @ValueSource(ints = {6, 20})
  void aShortCycleLongerThanTwoWindowsRepeatsWithin(int times) {
    LshBanding lsh = new LshBanding(8, 2, 8, SEED);
    assertTrue(lsh.keys(shingles(cycled(times))).repeatsWithin());
  }

  @Test
  void theSeedChangesTheKeys() {
    long[] shingles = shingles(randomWords(new Random(18L), 100));
    long[] a = new LshBanding(8, 2, 10, 1L).keys(shingles).keys();
    long[] b = new LshBanding(8, 2, 10, 2L).keys(shingles).keys();
    assertEquals(0, sharedKeys(new LshBanding.BandKeys(a, false), new LshBanding.BandKeys(b, false)));
  }

  @Test
  void gettersReportTheSettings() {
    LshBanding lsh = new LshBanding(8, 2, 10, SEED);
    assertEquals(8, lsh.bands());
    assertEquals(2, lsh.rows());
    assertEquals(10, lsh.window());
  }

  @ParameterizedTest(name = "bands {0}, rows {1}, window {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 2 | 10 | bands must be 1 to 64, was 0",
        "65 | 2 | 10 | bands must be 1 to 64, was 65",
        "8 | 0 | 10 | rows must be 1 to 8, was 0",
        "8 | 9 | 10 | rows must be 1 to 8, was 9",
        "8 | 2 | 0 | window must be 1 to 1000 shingles, was 0",
        "8 | 2 | 1001 | window must be 1 to 1000 shingles, was 1001"
      })
  void theConstructorRejectsSettingsOutOfRange(int bands, int rows, int window, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new LshBanding(bands, rows, window, 0L));
    assertEquals(message, e.getMessage());
  }

  @Test
  void theConstructorAcceptsTheLimits() {
    LshBanding lsh = new LshBanding(64, 8, 1000, 0L);
    assertEquals(64, lsh.bands());
    new LshBanding(1, 1, 1, 0L);
  }
}
