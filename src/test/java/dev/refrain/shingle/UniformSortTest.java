package dev.refrain.shingle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.refrain.normalize.Hash64;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UniformSortTest {

  @ParameterizedTest(name = "{0} values")
  @ValueSource(ints = {0, 1, 63, 64, 65, 850, 10_000})
  void sortsHashesAsArraysSortDoes(int n) {
    Random random = new Random(n);
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = Hash64.mix(random.nextLong());
    }
    long[] expected = a.clone();
    Arrays.sort(expected);
    UniformSort.sort(a);
    assertArrayEquals(expected, a);
  }

  @ParameterizedTest(name = "{0} values")
  @ValueSource(ints = {100, 5_000})
  void sortsValuesThatAreNotUniformToo(int n) {
    Random random = new Random(7);
    long[] a = new long[n + 10];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextInt(3) == 0 ? random.nextInt(20) - 10 : Long.MIN_VALUE + random.nextInt(5);
    }
    long[] expected = a.clone();
    Arrays.sort(expected, 5, 5 + n);
    UniformSort.sort(a, 5, 5 + n, new long[n]);
    assertArrayEquals(expected, a);
  }
}
