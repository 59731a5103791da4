package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  /** Each line as {@code "N:text"}, or {@code "N:too large (LENGTH)"}. */
  private static List<String> lines(byte[] bytes, Charset charset, int maxLineBytes)
      throws IOException {
    boolean utf16 = !charset.equals(StandardCharsets.UTF_8);
    LineReader r =
        new LineReader(
            new ByteArrayInputStream(bytes),
            utf16 ? 2 : 1,
            charset.equals(StandardCharsets.UTF_16BE),
            maxLineBytes);
    List<String> out = new ArrayList<>();
    while (r.next()) {
      out.add(
          r.number()
              + ":"
              + (r.tooLarge()
                  ? "too large (" + r.length() + ")"
                  : new String(r.bytes(), 0, (int) r.length(), charset)));
    }
    return out;
  }

  private static List<String> lines(String text, int maxLineBytes) throws IOException {
    return lines(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, maxLineBytes);
  }

  @Test
  void splitsAtLineFeedsKeepingCarriageReturns() throws IOException {
    assertEquals(List.of("1:a\r", "2:", "3:b"), lines("a\r\n\nb", 100));
  }

  @Test
  void endsWithoutAnEmptyLineAfterAFinalLineFeed() throws IOException {
    assertEquals(List.of("1:a", "2:"), lines("a\n\n", 100));
    assertEquals(List.of(), lines("", 100));
  }

  @Test
  void skipsALineOverTheLimitAndReadsTheNext() throws IOException {
    assertEquals(List.of("1:abc", "2:too large (4)", "3:ab"), lines("abc\nabcd\nab\n", 3));
  }

  @Test
  void readsLinesLongerThanItsBuffer() throws IOException {
    String longLine = "x".repeat(200_000);

    List<String> read = lines(longLine + "\n" + longLine + "y\nz", 200_000);

    assertEquals(List.of("1:" + longLine, "2:too large (200001)", "3:z"), read);
  }

  @Test
  void splitsUtf16OnlyAtWholeLineFeedUnits() throws IOException {
    // U+0A00 U+4100 in UTF-16LE is 00 0A 00 41: a line feed 0A 00 straddles the two units.
    String text = "\u0a00\u4100\nsecond";

    assertEquals(
        List.of("1:\u0a00\u4100", "2:second"),
        lines(text.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, 100));
    assertEquals(
        List.of("1:\u0a00\u4100", "2:second"),
        lines(text.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, 100));
  }

  @Test
  void keepsAHalfUnitAtTheEndOfUtf16InTheLastLine() throws IOException {
    byte[] bytes = {'a', 0, '\n', 0, 'b', 0, 'c'};

    assertEquals(List.of("1:a", "2:b\ufffd"), lines(bytes, StandardCharsets.UTF_16LE, 100));
  }

  @Test
  void rejectsAUnitOtherThanOneOrTwoBytes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LineReader(new ByteArrayInputStream(new byte[0]), 4, false, 10));

    assertEquals("unit must be 1 or 2 bytes, got 4", e.getMessage());
  }
}
