package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoding rule at the edges of the chunks a file is read in. */
class TextDecodingTest {

  private static byte[] ascii(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'a');
    return bytes;
  }

  @ParameterizedTest
  @ValueSource(ints = {32_766, 32_767, 32_768, 32_769, 65_535, 65_536, 100_000})
  void keepsACharacterSplitAcrossChunksAsUtf8(int at) throws IOException {
    byte[] bytes = ascii(at + 10);
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(euro, 0, bytes, at - 1, euro.length);

    TextDecoding.Probe probe = TextDecoding.probe(new ByteArrayInputStream(bytes));

    assertEquals(StandardCharsets.UTF_8, probe.charset());
    assertNull(probe.warning());
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 32_768, 65_537, 200_000})
  void findsAnInvalidByteAnywhereAndReadsTheFileAsWindows1252(int at) throws IOException {
    byte[] bytes = ascii(at + 10);
    bytes[at] = (byte) 0x93;

    TextDecoding.Decoded decoded = TextDecoding.decode(bytes);

    assertEquals("not valid UTF-8; read as windows-1252", decoded.warning());
    assertEquals('“', decoded.text().charAt(at));
  }

  @Test
  void findsATruncatedSequenceAtTheEnd() {
    byte[] bytes = ascii(70_000);
    bytes[bytes.length - 1] = (byte) 0xE2;

    assertEquals("not valid UTF-8; read as windows-1252", TextDecoding.decode(bytes).warning());
  }

  @Test
  void findsALoneSurrogateFarIntoUtf16() {
    byte[] text = "x".repeat(50_000).getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[2 + text.length];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(text, 0, bytes, 2, text.length);
    bytes[2 + 80_000] = 0x00;
    bytes[2 + 80_001] = (byte) 0xD8;

    TextDecoding.Decoded decoded = TextDecoding.decode(bytes);

    assertEquals("not valid UTF-16; invalid sequences replaced with U+FFFD", decoded.warning());
    assertEquals('\ufffd', decoded.text().charAt(40_000));
  }

  @Test
  void sniffsOnlyTheStartForBinaryData() throws IOException {
    byte[] late = ascii(20_000);
    late[10_000] = 0;
    byte[] early = ascii(20_000);
    early[8_191] = 0;

    assertTrue(TextDecoding.probe(new ByteArrayInputStream(early)).binary());
    assertFalse(TextDecoding.probe(new ByteArrayInputStream(late)).binary(), "a NUL past 8 KiB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
  void readsUtf16WithoutAByteOrderMarkByItsZeroBytes(String name) {
    java.nio.charset.Charset charset = java.nio.charset.Charset.forName(name);
    String text = "Genève says: “the talks went well”.\r\nMore to follow.";

    TextDecoding.Decoded decoded = TextDecoding.decode(text.getBytes(charset));

    assertEquals(text, decoded.text());
    assertEquals("no byte order mark; read as " + name + " by its zero bytes", decoded.warning());
  }

  @Test
  void readsCyrillicUtf16WithoutAByteOrderMarkByTheZeroBytesOfItsSpaces() {
    String text = "Москва — столица России, сказал министр. ".repeat(20);

    TextDecoding.Decoded decoded =
        TextDecoding.decode(text.getBytes(StandardCharsets.UTF_16LE));

    assertEquals(text, decoded.text());
  }

  @Test
  void sixteenBitBinaryDataWithZeroHighBytesIsStillBinary() {
    byte[] samples = new byte[4096];
    for (int i = 0; i < samples.length; i += 2) {
      samples[i] = (byte) (i % 31 + 1);
    }

    assertTrue(TextDecoding.decode(samples).binary(), "control characters, read as UTF-16");
  }

  @Test
  void anOddByteOrALoneSurrogateInUtf16WithoutAByteOrderMarkIsBinary() {
    byte[] text = "plain words ".repeat(10).getBytes(StandardCharsets.UTF_16LE);
    byte[] odd = Arrays.copyOf(text, text.length + 1);
    byte[] lone = text.clone();
    lone[20] = 0x00;
    lone[21] = (byte) 0xDC;

    assertTrue(TextDecoding.decode(odd).binary());
    assertTrue(TextDecoding.decode(lone).binary());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "'x\uD800y', 'x\uFFFDy'",
    "'\uDC00 at the start', '\uFFFD at the start'",
    "'at the end \uD83D', 'at the end \uFFFD'",
    "'swapped \uDE00\uD83D.', 'swapped \uFFFD\uFFFD.'",
    "'a pair \uD83D\uDE00 stays, a lone \uD800 goes', 'a pair \uD83D\uDE00 stays, a lone \uFFFD goes'",
  })
  void replacesEachUnpairedSurrogateWithTheReplacementCharacter(String text, String repaired) {
    assertEquals(repaired, TextDecoding.withoutLoneSurrogates(text));
  }

  @Test
  void leavesTextWithoutUnpairedSurrogatesAsTheSameInstance() {
    String text = "a pair \uD83D\uDE00 and plain words";
    assertTrue(text == TextDecoding.withoutLoneSurrogates(text));
    assertNull(TextDecoding.withoutLoneSurrogates(null));
  }
}
