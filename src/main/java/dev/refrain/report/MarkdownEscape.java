package dev.refrain.report;

/**
 * Markdown escaping for the Markdown report: text from the input (article text, ids, paths,
 * messages) can't add emphasis, links, headings, code, table cells or HTML. Backslash-escapes
 * {@code \ ` * _ ~ [ ] < > | #}, writes {@code &} as {@code &amp;} where it would start an
 * entity, and {@code <} {@code >} as {@code \<} {@code \>} so no tag survives. A carriage return
 * is a space; other control characters and bidi controls are shown as {@link ControlEscape}
 * escapes, so an id can't send a terminal sequence to a reader of the file or reverse a line.
 */
final class MarkdownEscape {
  private static final String SPECIAL = "\\`*_~[]<>|#";

  private MarkdownEscape() {}

  /** {@code s} escaped; whitespace kept as is. Null gives "". */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&' && startsEntity(s, i + 1)) {
        out.append("&amp;");
      } else if (c == '\r') {
        out.append(' ');
      } else if (ControlEscape.escapes(c) && c != '\n' && c != '\t') {
        ControlEscape.appendEscape(out, c);
      } else {
        if (SPECIAL.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code s} on one line: whitespace runs made one space, ends trimmed, then escaped. */
  static String inline(String s) {
    return text(collapse(s).strip());
  }

  /** Every run of whitespace in {@code s} made one space; null gives "". */
  static String collapse(String s) {
    return HtmlEscape.collapse(s);
  }

  /** Whether {@code s} at {@code i} reads like the rest of an entity: {@code name;} or {@code #123;}. */
  private static boolean startsEntity(String s, int i) {
    int j = i;
    if (j < s.length() && s.charAt(j) == '#') {
      j++;
    }
    int start = j;
    while (j < s.length() && j - start < 32 && Character.isLetterOrDigit(s.charAt(j))) {
      j++;
    }
    return j > start && j < s.length() && s.charAt(j) == ';';
  }
}
