package dev.refrain.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairFilterTest {
  @Test
  void readsTheDateOfPublished() {
    assertEquals(0, PairFilter.day("1970-01-01"));
    assertEquals(19_723, PairFilter.day("2024-01-01T17:13:00Z"));
    assertEquals(-25_567, PairFilter.day("1900-01-01"));
    assertEquals(PairFilter.NO_DAY, PairFilter.day(null));
    assertEquals(PairFilter.NO_DAY, PairFilter.day("yesterday"));
    assertEquals(PairFilter.NO_DAY, PairFilter.day("2024-13-01"));
  }

  @Test
  void keepsPairsOfTwoSourcesWithinTheWindow() {
    PairFilter f = new PairFilter(true, 3);
    assertTrue(f.active());
    assertTrue(f.keeps(1, 100, 2, 103));
    assertFalse(f.keeps(1, 100, 2, 104));
    assertFalse(f.keeps(1, 100, 1, 100));
    // An article without a date is paired whatever the other's.
    assertTrue(f.keeps(1, PairFilter.NO_DAY, 2, 5_000));
    assertTrue(new PairFilter(false, -1).keeps(1, 0, 1, 1_000_000));
    assertFalse(PairFilter.NONE.active());
    assertThrows(IllegalArgumentException.class, () -> new PairFilter(false, -2));
  }
}
