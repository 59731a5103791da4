package dev.refrain.report;

/**
 * Bidirectional text in the HTML report. Every piece of input text is isolated, so a right-to-left
 * id, title or article never reorders the page around it: article text goes in elements with
 * {@code dir="auto"} (its first strong character sets its direction: an Arabic or Hebrew article
 * is laid out right to left), and short labels (ids, paths, titles, sources) in {@code <bdi>}.
 *
 * <p>In labels, the explicit bidi controls (embeddings and overrides U+202A to U+202E, isolates
 * U+2066 to U+2069) are shown, not obeyed: an id holding U+202E reads {@code a[U+202E]txt.exe},
 * never {@code aexe.txt}. Article text keeps them (right-to-left writing uses them); its isolate
 * ends whatever they open.
 */
final class HtmlBidi {
  private HtmlBidi() {}

  /** Whether {@code c} is an explicit bidi embedding, override or isolate control. */
  static boolean isControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /** {@code s} escaped, with each bidi control written as {@code [U+XXXX]}; null gives "". */
  static String shown(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      if (isControl(s.charAt(i))) {
        HtmlEscape.text(out, s, from, i);
        out.append(String.format(java.util.Locale.ROOT, "[U+%04X]", (int) s.charAt(i)));
        from = i + 1;
      }
    }
    HtmlEscape.text(out, s, from, s.length());
    return out.toString();
  }

  /** A label ({@code <bdi>}, controls shown); null or empty gives "". */
  static String label(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return "<bdi>" + shown(s) + "</bdi>";
  }
}
