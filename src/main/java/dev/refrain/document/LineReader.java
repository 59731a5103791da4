package dev.refrain.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream of encoded text into lines at line feeds, one line at a time, holding at most one
 * line (of at most a given number of bytes) and a 64 KiB buffer.
 *
 * <p>A line is what comes before a line feed, or a last stretch of at least one byte without one; a
 * carriage return before the line feed stays in the line. Text is in code units of 1 byte (UTF-8,
 * windows-1252: the line feed is byte {@code 0A}) or 2 bytes (UTF-16: the aligned unit {@code 00
 * 0A} big-endian or {@code 0A 00} little-endian). Line numbers are 1-based. A line longer than the
 * limit is skipped over without being held, and only its length is kept.
 */
final class LineReader {

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final int unit;
  private final boolean bigEndian;
  private final int maxLineBytes;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int end;

  private byte[] line = new byte[256];
  private long length;
  private boolean tooLarge;
  private long number;

  /**
   * A reader of {@code in}'s lines.
   *
   * @param unit the bytes per code unit, 1 or 2
   * @param bigEndian for 2-byte units, whether the high byte comes first
   * @param maxLineBytes lines longer than this many bytes, line feed not counted, are {@linkplain
   *     #tooLarge() too large}
   */
  LineReader(InputStream in, int unit, boolean bigEndian, int maxLineBytes) {
    if (unit != 1 && unit != 2) {
      throw new IllegalArgumentException("unit must be 1 or 2 bytes, got " + unit);
    }
    if (maxLineBytes < 0) {
      throw new IllegalArgumentException("maxLineBytes must not be negative, got " + maxLineBytes);
    }
    this.in = in;
    this.unit = unit;
    this.bigEndian = bigEndian;
    this.maxLineBytes = maxLineBytes;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    tooLarge = false;
    boolean any = false;
    while (true) {
      if (pos >= end && !fill()) {
        if (any) {
          number++;
        }
        return any;
      }
      any = true;
      int nl = indexOfLineFeed();
      append(nl < 0 ? end : nl);
      if (nl >= 0) {
        pos = nl + unit;
        number++;
        return true;
      }
      pos = end;
    }
  }

  /** The current line's number, 1-based. */
  long number() {
    return number;
  }

  /** Whether the current line is longer than the limit; then {@link #bytes()} is empty. */
  boolean tooLarge() {
    return tooLarge;
  }

  /** The current line's length in bytes, without its line feed. */
  long length() {
    return length;
  }

  /**
   * The array holding the current line's bytes, from index 0 to {@link #length()}; reused by the
   * next call to {@link #next()}.
   */
  byte[] bytes() {
    return line;
  }

  private boolean fill() throws IOException {
    // A full buffer holds whole 2-byte units; only the end of the stream can leave half of one.
    end = in.readNBytes(buf, 0, buf.length);
    pos = 0;
    return end > 0;
  }

  private int indexOfLineFeed() {
    if (unit == 1) {
      for (int i = pos; i < end; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      return -1;
    }
    int high = bigEndian ? 0 : 1;
    for (int i = pos; i + 1 < end; i += 2) {
      if (buf[i + high] == 0 && buf[i + 1 - high] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Adds {@code buf[pos, stop)} to the current line. */
  private void append(int stop) {
    int n = stop - pos;
    if (tooLarge) {
      length += n;
      return;
    }
    if (length + n > maxLineBytes) {
      tooLarge = true;
      length += n;
      return;
    }
    int needed = (int) length + n;
    if (needed > line.length) {
      int grown = (int) Math.min(maxLineBytes, Math.max(needed, 2L * line.length));
      line = Arrays.copyOf(line, grown);
    }
    System.arraycopy(buf, pos, line, (int) length, n);
    length = needed;
  }
}
