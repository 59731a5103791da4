package dev.refrain.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a file's bytes into text and tells binary data from text. */
final class TextDecoding {

  /** How much of a file, in bytes or chars, the binary sniffing looks at. */
  static final int SNIFF_LENGTH = 8192;

  /**
   * How many bytes {@link #probe} decodes to sniff the first {@link #SNIFF_LENGTH} chars: at most 3
   * bytes make one char in UTF-8 (4 bytes make two), so 4 times as many always suffice.
   */
  private static final int HEAD_LENGTH = 4 * SNIFF_LENGTH;

  /** The size in chars of the buffers that decoded text passes through and is dropped from. */
  private static final int CHUNK = 8192;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final String NOT_UTF_8 = "not valid UTF-8; read as windows-1252";

  private static final String NOT_UTF_16 =
      "not valid UTF-16; invalid sequences replaced with U+FFFD";

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
   * How to read a file, chosen from all of its bytes.
   *
   * @param charset the charset to decode with: UTF-8, UTF-16BE, UTF-16LE or windows-1252
   * @param start how many bytes of byte order mark to drop: 0, 2 or 3
   * @param warning a note on how the bytes are read, or null
   * @param binary whether the file is binary data rather than text (then the rest is unused)
   */
  record Probe(Charset charset, int start, String warning, boolean binary) {

    private static final Probe BINARY = new Probe(StandardCharsets.UTF_8, 0, null, true);

    /** The bytes per code unit: 2 for UTF-16, else 1. */
    int unitBytes() {
      return isUtf16(charset) ? 2 : 1;
    }
  }

  /**
   * The charset a byte order mark at the start of a file announces, and the mark's length in bytes;
   * UTF-8 and 0 when there is none.
   */
  record Bom(Charset charset, int length) {
    static Bom of(byte[] head) {
      if (startsWith(head, 0xFE, 0xFF)) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (startsWith(head, 0xFF, 0xFE)) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      return new Bom(StandardCharsets.UTF_8, startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0);
    }
  }

  /**
   * Decodes a file's bytes as {@link #probe} chooses: UTF-16 when there is a UTF-16 byte order
   * mark, otherwise strict UTF-8 (byte order mark dropped) with a fallback to windows-1252. Returns
   * a binary result for a NUL byte or many control characters near the start.
   */
  static Decoded decode(byte[] bytes) {
    Probe probe;
    try {
      probe = probe(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new AssertionError("reading an array cannot fail", e);
    }
    if (probe.binary()) {
      return new Decoded(null, null);
    }
    String text = new String(bytes, probe.start(), bytes.length - probe.start(), probe.charset());
    return new Decoded(text, probe.warning());
  }

  /**
   * Chooses how to read the file whose bytes {@code in} gives, reading it to its end (or to its
   * first invalid byte) in chunks of 32 KiB, whatever its size.
   *
   * <p>The rule, the same for every file type: with a UTF-16 byte order mark, UTF-16 (invalid
   * sequences become U+FFFD, with a warning); otherwise, when the first {@value #SNIFF_LENGTH}
   * bytes hold a NUL byte, UTF-16 without a byte order mark if {@linkplain #utf16ByZeroBytes
   * their zero bytes} say so and every byte is valid in it (with a warning), else binary; else
   * UTF-8 (a UTF-8 byte order mark dropped) when every
   * byte is valid UTF-8, else windows-1252 with a warning. Then binary when the first {@value
   * #SNIFF_LENGTH} chars, read so, {@linkplain #looksBinary look binary}. The choice is made for
   * the whole file so that a file decodes the same whether it is read whole or a line at a time.
   */
  static Probe probe(InputStream in) throws IOException {
    byte[] head = in.readNBytes(HEAD_LENGTH);
    boolean whole = head.length < HEAD_LENGTH;
    Bom bom = Bom.of(head);
    Charset charset = bom.charset();
    String warning = null;
    if (isUtf16(charset)) {
      if (!valid(charset, head, bom.length(), in)) {
        warning = NOT_UTF_16;
      }
    } else {
      if (hasNulByte(head)) {
        Charset utf16 = utf16ByZeroBytes(head);
        if (utf16 == null || !valid(utf16, head, 0, in)) {
          return Probe.BINARY;
        }
        charset = utf16;
        warning = "no byte order mark; read as " + utf16.name() + " by its zero bytes";
      } else if (!valid(charset, head, bom.length(), in)) {
        charset = WINDOWS_1252;
        warning = NOT_UTF_8;
      }
    }
    if (looksBinary(sniff(charset, head, bom.length(), whole))) {
      return Probe.BINARY;
    }
    return new Probe(charset, bom.length(), warning, false);
  }

  /**
   * The UTF-16 byte order the zero bytes of the first {@value #SNIFF_LENGTH} bytes show, or null.
   * Text of Latin letters, digits, spaces and punctuation written as UTF-16 without a byte order
   * mark has a zero byte in most code units (the high byte of every character below U+0100),
   * always on the same side: the second byte of a unit in little-endian order, the first in
   * big-endian. The rule: zero on one side in at least 10% of the units (Cyrillic or Greek text
   * still has its spaces and punctuation there), and on the other side in at most a twentieth as
   * many. The decoded text must then be valid UTF-16 and not {@linkplain #looksBinary look
   * binary}, which a binary file whose zero bytes happen to fall so rarely is.
   */
  static Charset utf16ByZeroBytes(byte[] head) {
    int units = Math.min(head.length, SNIFF_LENGTH) / 2;
    if (units < 2) {
      return null;
    }
    int zeroFirst = 0;
    int zeroSecond = 0;
    for (int i = 0; i < units; i++) {
      if (head[2 * i] == 0) {
        zeroFirst++;
      }
      if (head[2 * i + 1] == 0) {
        zeroSecond++;
      }
    }
    if (zeroSecond * 10L >= units && zeroFirst * 20L <= zeroSecond) {
      return StandardCharsets.UTF_16LE;
    }
    if (zeroFirst * 10L >= units && zeroSecond * 20L <= zeroFirst) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** A decoder for {@code charset} that replaces invalid input, as {@code new String} does. */
  static CharsetDecoder lenient(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /** A decoder for {@code charset} that reports invalid input. */
  static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
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

  /**
   * {@code text} with each unpaired surrogate (a UTF-16 code unit no Unicode text holds alone,
   * which a JSON escape such as {@code \ud800} can make) replaced by U+FFFD; the same instance
   * when there is none. Null stays null.
   */
  static String withoutLoneSurrogates(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether {@code text} holds nothing but white space (including no-break spaces). */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isBlank(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text {@code in} gives holds nothing but white space; reads up to the first other
   * char.
   */
  static boolean isBlank(Reader in) throws IOException {
    char[] buf = new char[CHUNK];
    int n;
    while ((n = in.read(buf)) >= 0) {
      for (int i = 0; i < n; i++) {
        if (!isBlank(buf[i])) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private static boolean isUtf16(Charset charset) {
    return charset.equals(StandardCharsets.UTF_16BE) || charset.equals(StandardCharsets.UTF_16LE);
  }

  /**
   * Whether {@code head} from {@code start}, then the rest of {@code in}, is valid in {@code
   * charset}. Reads {@code in} to its end, or up to the first invalid sequence.
   */
  private static boolean valid(Charset charset, byte[] head, int start, InputStream in)
      throws IOException {
    CharsetDecoder decoder = strict(charset);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    ByteBuffer pending = ByteBuffer.allocate(HEAD_LENGTH);
    pending.put(head, start, head.length - start).flip();
    boolean endOfInput = false;
    while (true) {
      if (!decodeAll(decoder, pending, out, endOfInput)) {
        return false;
      }
      if (endOfInput) {
        out.clear();
        return decoder.flush(out).isUnderflow();
      }
      // Left over: at most the first bytes of one sequence, completed by the next chunk.
      pending.compact();
      int n = in.readNBytes(pending.array(), pending.position(), pending.remaining());
      pending.position(pending.position() + n).flip();
      endOfInput = n == 0;
    }
  }

  /**
   * Decodes all of {@code in} that can be decoded, discarding the chars; false at invalid input.
   */
  private static boolean decodeAll(
      CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean endOfInput) {
    while (true) {
      CoderResult r = decoder.decode(in, out, endOfInput);
      if (r.isError()) {
        return false;
      }
      if (r.isUnderflow()) {
        return true;
      }
      out.clear();
    }
  }

  /** The first {@link #SNIFF_LENGTH} chars of {@code head} from {@code start}, read leniently. */
  private static String sniff(Charset charset, byte[] head, int start, boolean whole) {
    CharsetDecoder decoder = lenient(charset);
    CharBuffer out = CharBuffer.allocate(SNIFF_LENGTH);
    ByteBuffer in = ByteBuffer.wrap(head, start, head.length - start);
    CoderResult r = decoder.decode(in, out, whole);
    if (whole && r.isUnderflow()) {
      decoder.flush(out);
    }
    return out.flip().toString();
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
