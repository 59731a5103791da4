package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ByteOffsetReaderTest {

  private static final String TEXT = "a é € 😀 “q” z";

  static Stream<Arguments> charsets() {
    return Stream.of(
        Arguments.of(StandardCharsets.UTF_8),
        Arguments.of(StandardCharsets.UTF_16LE),
        Arguments.of(StandardCharsets.UTF_16BE),
        Arguments.of(Charset.forName("windows-1252")));
  }

  @ParameterizedTest
  @MethodSource("charsets")
  void tellsTheByteOffsetOfEveryCharInTheChunkReadLast(Charset charset) throws IOException {
    String text = charset.newEncoder().canEncode(TEXT) ? TEXT : "a é “q” z";
    ByteOffsetReader r =
        new ByteOffsetReader(new ByteArrayInputStream(text.getBytes(charset)), charset);
    char[] buf = new char[100];

    int n = r.read(buf, 0, buf.length);

    assertEquals(text, new String(buf, 0, n));
    for (int i = 0; i <= n; i++) {
      if (i < n && Character.isLowSurrogate(text.charAt(i))) {
        continue; // no token begins or ends inside a surrogate pair
      }
      assertEquals(text.substring(0, i).getBytes(charset).length, r.byteOffset(i), "char " + i);
    }
  }

  @Test
  void countsTheBytesOfEarlierChunks() throws IOException {
    String text = "é".repeat(10) + "x".repeat(10);
    ByteOffsetReader r =
        new ByteOffsetReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
    char[] buf = new char[10];

    r.read(buf, 0, 10);
    r.read(buf, 0, 10);

    assertEquals(25, r.byteOffset(15));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.byteOffset(5));
    assertEquals("char offset 5 is outside the chunk read last, chars 10 to 20", e.getMessage());
  }

  @Test
  void handsOverEveryCharBeforeInvalidUtf8AndThenThrows() throws IOException {
    byte[] bytes = {'o', 'k', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xE9, 'x'};
    ByteOffsetReader r =
        new ByteOffsetReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    char[] buf = new char[100];

    int n = r.read(buf, 0, buf.length);

    assertEquals("ok é", new String(buf, 0, n));
    assertThrows(CharacterCodingException.class, () -> r.read(buf, 0, buf.length));
  }

  @Test
  void replacesInvalidUtf16AsDecodingWholeDoes() throws IOException {
    byte[] bytes = {'a', 0, 0, (byte) 0xD8, 'b', 0};
    ByteOffsetReader r =
        new ByteOffsetReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_16LE);
    char[] buf = new char[100];

    int n = r.read(buf, 0, buf.length);

    assertEquals(new String(bytes, StandardCharsets.UTF_16LE), new String(buf, 0, n));
    assertEquals(-1, r.read(buf, 0, buf.length));
  }
}
