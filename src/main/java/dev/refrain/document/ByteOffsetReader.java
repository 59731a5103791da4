package dev.refrain.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file's bytes for a JSON parser and tells the byte offset in the file of a char offset
 * the parser reports, so that a record's size can be told in bytes as the limit states it.
 *
 * <p>UTF-8 is decoded strictly, since the file was found valid UTF-8 before it is read: an invalid
 * sequence means the file changed, and is a {@link CharacterCodingException}, thrown only once
 * every char before it has been read. Other charsets are decoded leniently, as decoding the file
 * whole does. A char takes 1 byte in windows-1252 and 2 in UTF-16; in UTF-8, 1 to 3 bytes by its
 * value (a surrogate 2, so a pair 4). Only offsets within the chunk the parser read last can be
 * told: a streaming parser's position lies there, and the loader asks only for the position just
 * reached.
 */
final class ByteOffsetReader extends Reader {

  private static final int BUFFER = 8192;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final int fixedWidth;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private boolean endOfInput;
  private boolean flushed;
  private CharacterCodingException failure;

  private char[] chunk = new char[0];
  private int chunkLength;
  private long chunkChars;
  private long chunkBytes;

  /** A reader of {@code in}'s bytes (any byte order mark already passed) in {@code charset}. */
  ByteOffsetReader(InputStream in, Charset charset) {
    this.in = in;
    if (charset.equals(StandardCharsets.UTF_8)) {
      decoder = TextDecoding.strict(charset);
      fixedWidth = 0;
    } else {
      decoder = TextDecoding.lenient(charset);
      boolean utf16 =
          charset.equals(StandardCharsets.UTF_16BE) || charset.equals(StandardCharsets.UTF_16LE);
      fixedWidth = utf16 ? 2 : 1;
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (failure == null && !flushed && out.position() == off) {
      CoderResult r = decoder.decode(bytes, out, endOfInput);
      if (r.isError()) {
        try {
          r.throwException();
        } catch (CharacterCodingException e) {
          failure = e;
        }
      } else if (r.isUnderflow()) {
        if (endOfInput) {
          flushed = decoder.flush(out).isUnderflow();
        } else if (out.position() == off) {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          bytes.position(bytes.position() + Math.max(n, 0)).flip();
          endOfInput = n < 0;
        }
      }
    }
    int n = out.position() - off;
    if (n > 0) {
      chunkBytes += bytes(chunk, chunkLength);
      chunkChars += chunkLength;
      if (chunk.length < n) {
        chunk = new char[Math.max(n, BUFFER)];
      }
      System.arraycopy(cbuf, off, chunk, 0, n);
      chunkLength = n;
      return n;
    }
    if (failure != null) {
      throw failure;
    }
    return -1;
  }

  /**
   * The byte offset, from the first byte after any byte order mark, of char offset {@code chars}.
   *
   * @throws IllegalStateException when {@code chars} is not within the chunk read last
   */
  long byteOffset(long chars) {
    long within = chars - chunkChars;
    if (within < 0 || within > chunkLength) {
      throw new IllegalStateException(
          "char offset "
              + chars
              + " is outside the chunk read last, chars "
              + chunkChars
              + " to "
              + (chunkChars + chunkLength));
    }
    return chunkBytes + bytes(chunk, (int) within);
  }

  private long bytes(char[] chars, int n) {
    if (fixedWidth > 0) {
      return (long) fixedWidth * n;
    }
    long total = 0;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      total += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
