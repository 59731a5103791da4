package dev.refrain.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.refrain.minhash.Fingerprints;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreparedArticleTest {

  /** The definition, by brute force: hashes whose first and last occurrences are far enough apart. */
  static long[] reference(Fingerprints fp, int shingleSize) {
    TreeSet<Long> out = new TreeSet<>();
    for (int i = 0; i < fp.size(); i++) {
      for (int j = i + 1; j < fp.size(); j++) {
        if (fp.hashes()[i] == fp.hashes()[j]
            && fp.positions()[j] - fp.positions()[i] >= shingleSize) {
          out.add(fp.hashes()[i]);
        }
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 7, 50, 300, 2000})
  void repeatedFingerprintsAreThoseRecurringAShingleApartOrMore(int n) {
    Random r = new Random(n);
    for (int round = 0; round < 20; round++) {
      long[] hashes = new long[n];
      int[] positions = new int[n];
      int distinct = 1 + r.nextInt(Math.max(1, n)); // few distinct values: many repeats
      int position = 0;
      for (int i = 0; i < n; i++) {
        hashes[i] = r.nextInt(3) == 0 ? r.nextLong() : (long) r.nextInt(distinct) * 0x9E3779B97F4A7C15L;
        position += 1 + r.nextInt(6);
        positions[i] = position;
      }
      Fingerprints fp = new Fingerprints(hashes, positions);
      for (int shingleSize : new int[] {1, 5, 12}) {
        assertArrayEquals(reference(fp, shingleSize), PreparedArticle.repeated(fp, shingleSize));
      }
    }
  }

  @Test
  void noFingerprintRepeatedIsTheSharedEmptyArray() {
    Fingerprints fp = new Fingerprints(new long[] {1, 2, 3}, new int[] {0, 6, 12});
    assertArrayEquals(new long[0], PreparedArticle.repeated(fp, 5));
    assertArrayEquals(new long[0], PreparedArticle.repeated(Fingerprints.EMPTY, 5));
    assertArrayEquals(
        new long[] {1}, PreparedArticle.repeated(new Fingerprints(new long[] {1, 2, 1}, new int[] {0, 3, 5}), 5));
    assertArrayEquals(
        new long[0], PreparedArticle.repeated(new Fingerprints(new long[] {1, 2, 1}, new int[] {0, 3, 4}), 5));
  }
}
