package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoaderOptionsTest {

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void rejectsASizeLimitBelowOneNamingIt(long limit) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new LoaderOptions(limit));

    assertEquals("maxFileBytes must be positive, got " + limit, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {Integer.MAX_VALUE - 7, Integer.MAX_VALUE, Long.MAX_VALUE})
  void rejectsASizeLimitNoArrayCanHoldNamingIt(long limit) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new LoaderOptions(limit));

    assertEquals(
        "maxFileBytes must be at most 2147483639 (the largest array Java can read a file into),"
            + " got "
            + limit,
        e.getMessage());
  }

  @Test
  void acceptsTheLargestSizeLimit() {
    assertEquals(
        2_147_483_639L, new LoaderOptions(LoaderOptions.MAX_FILE_BYTES_LIMIT).maxFileBytes());
  }

  @Test
  void rejectsAMissingSourceFrom() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new LoaderOptions(10, null));

    assertEquals("sourceFrom", e.getMessage());
  }

  @Test
  void changesOnlyTheSourceFromWithSourceFrom() {
    LoaderOptions small = new LoaderOptions(10);

    assertEquals(SourceFrom.FIELD, small.sourceFrom());
    assertEquals(new LoaderOptions(10, SourceFrom.FOLDER), small.withSourceFrom(SourceFrom.FOLDER));
  }
}
