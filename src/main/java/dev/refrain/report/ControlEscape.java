package dev.refrain.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Shows the characters that act on a terminal or reorder a line instead of printing, as escapes
 * (a backslash, {@code u} and four hex digits: ESC is shown as the six characters {@code
 * \\u001b}): ids, titles, paths and messages from the input reach stdout,
 * stderr and {@code report.md} this way, so an id holding ESC can't recolour or clear a terminal,
 * BEL can't ring it, CR can't overwrite the line it is on, and U+202E can't reverse the text after
 * it. The one rule for every text output (the HTML report has its own, for a page).
 *
 * <p>Escaped: C0 controls (U+0000 to U+001F), DEL and the C1 controls (U+007F to U+009F), and the
 * bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
 * U+2069). {@link #text} keeps line feeds and tabs, and a carriage return right before a line
 * feed (a CRLF line end); {@link #line} escapes those too.
 */
public final class ControlEscape {
  private ControlEscape() {}

  /** Whether {@code c} is a character this class shows as an escape. */
  public static boolean escapes(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** {@code s} for one line: every control, line break and bidi control escaped. Null gives "". */
  public static String line(String s) {
    return escape(s, false);
  }

  /** {@code s} as text of several lines: line feeds, tabs and CRLF kept, the rest escaped. */
  public static String text(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean lines) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean escape = escapes(c) && !(lines && kept(c, i + 1 < s.length() ? s.charAt(i + 1) : 0));
      if (escape && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (escape) {
          appendEscape(out, c);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** Whether {@code c}, followed by {@code next}, is layout that text of several lines keeps. */
  private static boolean kept(char c, char next) {
    return c == '\n' || c == '\t' || (c == '\r' && next == '\n');
  }

  /** Appends a backslash, {@code u} and the 4 lower-case hex digits of {@code c}. */
  static void appendEscape(StringBuilder out, char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    for (int k = hex.length(); k < 4; k++) {
      out.append('0');
    }
    out.append(hex);
  }

  /**
   * A writer for a terminal stream (stderr): what passes through it is {@linkplain #text escaped
   * as text}, line ends kept. A carriage return at the end of one write waits for the next, to
   * see whether a line feed follows.
   */
  public static Writer terminal(Writer out) {
    return new TerminalWriter(out);
  }

  private static final class TerminalWriter extends FilterWriter {
    private boolean pendingCr;

    TerminalWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      write(s.toCharArray(), off, len);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      StringBuilder b = new StringBuilder(len + 8);
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        if (pendingCr) {
          pendingCr = false;
          if (c == '\n') {
            b.append('\r');
          } else {
            appendEscape(b, '\r');
          }
        }
        if (c == '\r') {
          if (i + 1 < off + len) {
            if (buf[i + 1] == '\n') {
              b.append('\r');
            } else {
              appendEscape(b, '\r');
            }
          } else {
            pendingCr = true;
          }
        } else if (escapes(c) && c != '\n' && c != '\t') {
          appendEscape(b, c);
        } else {
          b.append(c);
        }
      }
      out.write(b.toString());
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (pendingCr) {
        pendingCr = false;
        out.write("\\u000d");
      }
      out.close();
    }
  }
}
