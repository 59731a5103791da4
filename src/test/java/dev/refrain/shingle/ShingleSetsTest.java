package dev.refrain.shingle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShingleSetsTest {

  static Stream<Arguments> handSets() {
    return Stream.of(
        Arguments.of(new long[] {}, new long[] {}, 0.0),
        Arguments.of(new long[] {}, new long[] {1, 2}, 0.0),
        Arguments.of(new long[] {1, 2, 3}, new long[] {1, 2, 3}, 1.0),
        Arguments.of(new long[] {1, 2, 3}, new long[] {4, 5}, 0.0),
        Arguments.of(new long[] {1, 2, 3, 4}, new long[] {3, 4, 5, 6}, 2.0 / 6),
        Arguments.of(new long[] {1, 2}, new long[] {2}, 1.0 / 2),
        Arguments.of(new long[] {1, 1, 2}, new long[] {2, 2, 3}, 1.0 / 3),
        Arguments.of(new long[] {7, 7, 7}, new long[] {7}, 1.0),
        Arguments.of(new long[] {1, 1, 1, 2, 2}, new long[] {1, 2, 2, 2, 3, 3}, 2.0 / 3),
        Arguments.of(new long[] {-5, -1, 3}, new long[] {-1, 3, 7}, 2.0 / 4),
        Arguments.of(
            new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE},
            new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            2.0 / 3),
        Arguments.of(new long[] {10, 20, 30, 40, 50}, new long[] {5, 15, 25, 35, 45, 50}, 1.0 / 10));
  }

  @ParameterizedTest
  @MethodSource("handSets")
  void jaccardOfSmallHandSets(long[] a, long[] b, double expected) {
    assertEquals(expected, ShingleSets.jaccard(a, b), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("handSets")
  void jaccardIsSymmetric(long[] a, long[] b, double expected) {
    assertEquals(ShingleSets.jaccard(a, b), ShingleSets.jaccard(b, a), 0.0);
  }

  @Test
  void jaccardMatchesSetArithmeticOnRandomSortedArraysWithDuplicates() {
    Random random = new Random(20230618L);
    for (int trial = 0; trial < 200; trial++) {
      long[] a = random.longs(random.nextInt(60), -40, 40).sorted().toArray();
      long[] b = random.longs(random.nextInt(60), -40, 40).sorted().toArray();
      Set<Long> union = new HashSet<>();
      Set<Long> inter = new HashSet<>();
      Arrays.stream(a).forEach(union::add);
      Arrays.stream(b).forEach(union::add);
      Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).forEach(inter::add);
      double expected = union.isEmpty() ? 0 : (double) inter.size() / union.size();
      assertEquals(expected, ShingleSets.jaccard(a, b), 1e-12, "trial " + trial);
    }
  }
}
