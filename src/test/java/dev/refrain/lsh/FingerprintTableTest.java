package dev.refrain.lsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FingerprintTableTest {

  @ParameterizedTest(name = "{0} articles: mask {1}")
  @CsvSource({"1, 65535", "3, 65535", "65536, 65535", "65537, 131071", "1000000, 1048575",
    "1048577, 2097151"})
  void keepsJustEnoughLowBitsForTheArticleNumber(int articles, long mask) {
    assertEquals(mask, FingerprintTable.articleMask(articles));
  }

  @Test
  void runsListEachFingerprintsHoldersOnceInArticleOrder() {
    long x = 5L << 40;
    long y = 9L << 40;
    long[][] fps = {{y, x}, {x, x}, {y}};
    FingerprintTable table = FingerprintTable.build(3, a -> fps[a]);
    assertEquals(5, table.size());
    List<String> runs = new ArrayList<>();
    table.forEachRun(
        (key, holders, count) -> {
          StringBuilder sb = new StringBuilder(Long.toHexString(key)).append(':');
          for (int i = 0; i < count; i++) {
            sb.append(' ').append(holders[i]);
          }
          runs.add(sb.toString());
        });
    assertEquals(List.of("50000000000: 0 1", "90000000000: 0 2"), runs);
  }

  @Test
  void sortsInPlaceAsArraysSortDoes() {
    java.util.Random random = new java.util.Random(9);
    for (int n : new int[] {0, 1, 2, 1000, 100_000}) {
      long[] a = new long[n + 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextInt(4) == 0 ? random.nextInt(50) - 25 : random.nextLong();
      }
      long[] expected = java.util.Arrays.copyOf(a, n);
      java.util.Arrays.sort(expected);
      long[] tail = java.util.Arrays.copyOfRange(a, n, a.length);
      FingerprintTable.sortInPlace(a, n);
      assertArrayEquals(expected, java.util.Arrays.copyOf(a, n));
      assertArrayEquals(tail, java.util.Arrays.copyOfRange(a, n, a.length), "beyond n untouched");
    }
  }

  @Test
  void aKeyIsTheHashWithoutItsArticleBits() {
    FingerprintTable table = FingerprintTable.build(4, a -> new long[0]);
    assertEquals(0xFFFF_FFFF_FFFF_0000L, table.key(-1L));
    assertEquals(0x1234_5678_0000_0000L, table.key(0x1234_5678_0000_FFFFL));
  }
}
