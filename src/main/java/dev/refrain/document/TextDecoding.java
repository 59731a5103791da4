package dev.refrain.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a file's bytes into text and tells binary data from text. */
final class TextDecoding {

  /** How much of a file, in bytes or chars, the binary sniffing looks at. */
  static final int SNIFF_LENGTH = 8192;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  /**
   * A file's decoded text.
   *
   * @param text the text, without a byte order mark; null when binary
   * @param warning a note on how the bytes were read, or null
   */
  record Decoded(String text, String warning) {
    boolean binary() {
      return text == null;
    }
  }

  /**
   * Decodes a file's bytes: UTF-16 when there is a UTF-16 byte order mark, otherwise strict UTF-8
   * (byte order mark dropped) with a fallback to windows-1252. Returns a binary result for a NUL
   * byte or many control characters near the start.
   */
  static Decoded decode(byte[] bytes) {
    String text;
    String warning = null;
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      Charset utf16 =
          bytes[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
      try {
        text = strict(utf16, bytes, 2);
      } catch (CharacterCodingException e) {
        text = new String(bytes, 2, bytes.length - 2, utf16);
        warning = "not valid UTF-16; invalid sequences replaced with U+FFFD";
      }
    } else {
      if (hasNulByte(bytes)) {
        return new Decoded(null, null);
      }
      int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
      try {
        text = strict(StandardCharsets.UTF_8, bytes, start);
      } catch (CharacterCodingException e) {
        text = new String(bytes, start, bytes.length - start, WINDOWS_1252);
        warning = "not valid UTF-8; read as windows-1252";
      }
    }
    if (looksBinary(text)) {
      return new Decoded(null, null);
    }
    return new Decoded(text, warning);
  }

  /**
   * Whether the start of {@code text} looks like binary data: a NUL character, or more than 10%
   * control characters other than tab, line feed, carriage return and form feed.
   */
  static boolean looksBinary(String text) {
    int n = Math.min(text.length(), SNIFF_LENGTH);
    int controls = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      if (isControl(c)) {
        controls++;
      }
    }
    return n > 0 && controls * 10L > n;
  }

  /** Whether {@code text} holds nothing but white space (including no-break spaces). */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(char c) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  private static boolean hasNulByte(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_LENGTH);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String strict(Charset charset, byte[] bytes, int start)
      throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
        .toString();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
