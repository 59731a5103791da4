package dev.refrain.report;

import java.util.List;
import java.util.Locale;

/** Small formatting helpers the check renderers share. */
final class CheckFormat {
  /** The status of a passage that counts against the limit. */
  static final String COUNTED = "counted";

  private CheckFormat() {}

  /** {@code 0.421} as {@code "42.1%"}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** {@code 0.8421} as {@code "0.84"}. */
  static String number2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /** Whether the passage counts against the limit. */
  static boolean counted(CheckReport.Passage p) {
    return COUNTED.equals(p.status());
  }

  /** Counted passages of an article, over all its matches. */
  static int countedPassages(CheckReport.ArticleResult a) {
    int n = 0;
    for (CheckReport.Match m : a.matches()) {
      for (CheckReport.Passage p : m.passages()) {
        if (counted(p)) {
          n++;
        }
      }
    }
    return n;
  }

  /** {@code "1 article"}, {@code "2 articles"}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * {@code text} on one line (whitespace runs made one space, ends trimmed), cut to at most
   * {@code max} characters, the last one then {@code …}; a surrogate pair is never split.
   */
  static String excerpt(String text, int max) {
    String s = HtmlEscape.collapse(text).strip();
    if (s.length() <= max) {
      return s;
    }
    int cut = max - 1;
    if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }

  /**
   * {@code s} safe to print on a terminal: control characters other than {@code \n} and
   * {@code \t} (escape sequences, bells, NUL) and bidi controls shown as escapes ({@link
   * ControlEscape#text}). Null gives "".
   */
  static String printable(String s) {
    return ControlEscape.text(s);
  }

  /** {@code s} on one line (whitespace runs made one space, ends trimmed) and {@link #printable}. */
  static String line(String s) {
    return ControlEscape.line(HtmlEscape.collapse(s).strip());
  }

  /**
   * A stand-in for the full text of the article a span comes from: the span's text at its
   * offsets, blanks before it. Enough for {@link HtmlInlineDiff}, which reads only the text
   * between the steps of a passage's diff; null when the span doesn't fit its offsets.
   */
  static String textAround(Report.Span span) {
    if (span == null
        || span.text() == null
        || span.start() < 0
        || span.end() - span.start() != span.text().length()) {
      return null;
    }
    return " ".repeat(span.start()) + span.text();
  }

  /** Whether any step of the diff is not {@code equal}. */
  static boolean hasChanges(List<Report.DiffOp> diff) {
    for (Report.DiffOp op : diff) {
      if (!"equal".equals(op.op())) {
        return true;
      }
    }
    return false;
  }
}
