package dev.refrain.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a word-level diff ({@link Report.DiffOp}s) into the pieces of one inline line: text
 * both sides share, text only in side a, text only in side b, and what lies between two steps.
 * The HTML report writes the pieces as plain text, {@code <del>} and {@code <ins>}; the Markdown
 * report as plain text, {@code ~~…~~} and {@code **…**}.
 *
 * <p>The text between two steps (spaces, punctuation) is not part of any step: it is read from
 * side a's article text, or from side b's where a's is empty (after a deletion or before an
 * insertion the gap only exists on one side), or is a space when the offsets don't fit the text.
 */
final class HtmlInlineDiff {
  /** Longest text kept between two steps; anything longer means offsets that don't fit. */
  private static final int MAX_GAP = 80;

  private HtmlInlineDiff() {}

  /** What a piece of the line is. */
  enum Kind {
    /** In both sides, or between two steps. */
    SAME,
    /** Only in side a. */
    DELETED,
    /** Only in side b. */
    INSERTED
  }

  /** One piece of the line. */
  record Piece(Kind kind, String text) {}

  /**
   * The pieces of {@code ops}, with the gaps between steps read from the full article texts
   * {@code aArticle} and {@code bArticle} (either may be null).
   */
  static List<Piece> pieces(List<Report.DiffOp> ops, String aArticle, String bArticle) {
    return pieces(ops, aArticle, bArticle, -1, -1);
  }

  /**
   * Like {@link #pieces(List, String, String)}, and when the passage's span in side a,
   * {@code [aStart, aEnd)}, reaches past the first or last step (a closing full stop, say),
   * that text too, as shared text.
   */
  static List<Piece> pieces(
      List<Report.DiffOp> ops, String aArticle, String bArticle, int aStart, int aEnd) {
    List<Piece> pieces = new ArrayList<>();
    if (!ops.isEmpty()) {
      String lead = slice(aArticle, aStart, ops.get(0).aStart());
      add(pieces, Kind.SAME, lead == null ? "" : lead);
    }
    Report.DiffOp previous = null;
    for (Report.DiffOp op : ops) {
      if (previous != null) {
        add(pieces, Kind.SAME, gap(previous, op, aArticle, bArticle));
      }
      String aText = op.aText() == null ? "" : op.aText();
      String bText = op.bText() == null ? "" : op.bText();
      String name = op.op() == null ? "" : op.op();
      switch (name) {
        case "delete" -> add(pieces, Kind.DELETED, aText);
        case "insert" -> add(pieces, Kind.INSERTED, bText);
        case "replace" -> {
          add(pieces, Kind.DELETED, aText);
          add(pieces, Kind.INSERTED, bText);
        }
        default -> add(pieces, Kind.SAME, aText.isEmpty() ? bText : aText);
      }
      previous = op;
    }
    if (previous != null) {
      String tail = slice(aArticle, previous.aEnd(), aEnd);
      add(pieces, Kind.SAME, tail == null ? "" : tail);
    }
    return pieces;
  }

  private static void add(List<Piece> pieces, Kind kind, String text) {
    if (!text.isEmpty()) {
      pieces.add(new Piece(kind, text));
    }
  }

  private static String gap(
      Report.DiffOp previous, Report.DiffOp op, String aArticle, String bArticle) {
    String a = slice(aArticle, previous.aEnd(), op.aStart());
    String b = slice(bArticle, previous.bEnd(), op.bStart());
    if (a != null && !a.isEmpty()) {
      return a;
    }
    if (b != null && !b.isEmpty()) {
      return b;
    }
    return a == null && b == null ? " " : "";
  }

  /** {@code text.substring(from, to)}, or null when that range is not a short part of it. */
  private static String slice(String text, int from, int to) {
    if (text == null || from < 0 || to < from || to > text.length() || to - from > MAX_GAP) {
      return null;
    }
    return text.substring(from, to);
  }
}
