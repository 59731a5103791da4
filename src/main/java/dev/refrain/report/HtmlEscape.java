package dev.refrain.report;

/**
 * HTML escaping for the HTML report. Escapes {@code & < > " '} (so the result is safe both as
 * element content and inside a double- or single-quoted attribute) and writes line breaks as
 * {@code \n}. Characters HTML does not allow in a page (control characters other than tab, line
 * feed and form feed, noncharacters such as U+FFFF, unpaired surrogates) become U+FFFD, one for
 * each, so no input can end or bend the document in a parser; every other character is kept as
 * is (the page is UTF-8).
 */
final class HtmlEscape {
  private HtmlEscape() {}

  /** {@code s} escaped for element content or a quoted attribute value; null gives "". */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    text(out, s, 0, s.length());
    return out.toString();
  }

  /** Appends {@code s.substring(from, to)} escaped. */
  static void text(StringBuilder out, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\r' -> {
          if (i + 1 >= to || s.charAt(i + 1) != '\n') {
            out.append('\n');
          }
        }
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < to
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            char low = s.charAt(++i);
            if (isNoncharacter(Character.toCodePoint(c, low))) {
              out.append('\uFFFD');
            } else {
              out.append(c).append(low);
            }
          } else {
            out.append(allowed(c) ? c : '\uFFFD');
          }
        }
      }
    }
  }

  /** Whether {@code c}, not part of a surrogate pair, may stand in an HTML page. */
  private static boolean allowed(char c) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\f';
    }
    return !(c >= 0x7F && c <= 0x9F) && !Character.isSurrogate(c) && !isNoncharacter(c);
  }

  /** U+FDD0 to U+FDEF and the last two code points of every plane. */
  private static boolean isNoncharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }

  /** {@code s} with every run of whitespace made one space, then escaped. */
  static String inline(String s) {
    return text(collapse(s));
  }

  /** Every run of whitespace in {@code s} made one space; null gives "". */
  static String collapse(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
    return out.toString();
  }

  /**
   * A token safe inside an {@code id} attribute and a {@code #fragment}: letters, digits, {@code
   * -} and {@code _} kept, anything else made {@code _}.
   */
  static String token(String s) {
    if (s == null || s.isEmpty()) {
      return "_";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
              || c == '_';
      out.append(ok ? c : '_');
    }
    return out.toString();
  }
}
