package dev.refrain.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.refrain.minhash.Fingerprints;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PreparedArticleTest {

  /** The rule by its definition: each distinct hash's first and last position compared. */
  static long[] repeatedByDefinition(Fingerprints fp, int shingleSize) {
    TreeSet<Long> out = new TreeSet<>();
    for (int i = 0; i < fp.size(); i++) {
      int last = -1;
      for (int k = 0; k < fp.size(); k++) {
        if (fp.hashes()[k] == fp.hashes()[i]) {
          last = fp.positions()[k];
        }
      }
      if (last - fp.positions()[i] >= shingleSize) {
        out.add(fp.hashes()[i]);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void repeatedFingerprintsAreThoseAtTwoPlacesAShingleApart() {
    Random r = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(300);
      long[] hashes = new long[n];
      int[] positions = new int[n];
      int at = 0;
      int distinct = 1 + r.nextInt(Math.max(1, n));
      for (int i = 0; i < n; i++) {
        at += 1 + r.nextInt(4);
        positions[i] = at;
        hashes[i] = r.nextInt(distinct) * 0x9E3779B97F4A7C15L;
      }
      Fingerprints fp = new Fingerprints(hashes, positions);
      assertArrayEquals(
          repeatedByDefinition(fp, 5), PreparedArticle.repeated(fp, 5), "trial " + trial);
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
