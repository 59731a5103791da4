package dev.refrain.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One article of a pair, escaped, with the pair's passages on that side highlighted: each
 * passage a {@code <mark>} numbered and linked to its counterpart on the other side, and inside
 * it the words only this side has ({@code <del>} on side a, {@code <ins>} on side b).
 *
 * <p>Robust against passages that overlap or offsets that don't fit the text: offsets are
 * clamped to the text, and where passages overlap the one starting first keeps the overlapping
 * part, so tags always nest.
 */
final class HtmlSideText {
  private HtmlSideText() {}

  /**
   * Appends the text of one side.
   *
   * @param text the article's full text (null: shown empty, passages only as numbers)
   * @param pairAnchor the pair section's anchor, e.g. {@code pair-3}
   * @param sideA true for side a, false for side b
   */
  static void append(
      StringBuilder out,
      String text,
      String pairAnchor,
      List<Report.PassageEntry> passages,
      boolean sideA) {
    String t = text == null ? "" : text;
    int cursor = 0;
    for (int index : order(passages, sideA)) {
      Report.PassageEntry p = passages.get(index);
      Report.Span span = sideA ? p.a() : p.b();
      int start = Math.max(clamp(span == null ? 0 : span.start(), t), cursor);
      int end = Math.max(clamp(span == null ? 0 : span.end(), t), start);
      HtmlEscape.text(out, t, cursor, start);
      appendPassage(out, t, start, end, pairAnchor, index, p, sideA);
      cursor = end;
    }
    HtmlEscape.text(out, t, cursor, t.length());
  }

  /** Passage indexes by their start on this side, then by index. */
  private static List<Integer> order(List<Report.PassageEntry> passages, boolean sideA) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt(
                (Integer i) -> {
                  Report.Span s = sideA ? passages.get(i).a() : passages.get(i).b();
                  return s == null ? 0 : s.start();
                })
            .thenComparingInt(i -> i));
    return order;
  }

  private static int clamp(int offset, String text) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  private static void appendPassage(
      StringBuilder out,
      String text,
      int start,
      int end,
      String pairAnchor,
      int index,
      Report.PassageEntry p,
      boolean sideA) {
    String self = passageAnchor(pairAnchor, index, sideA);
    String peer = passageAnchor(pairAnchor, index, !sideA);
    String label = "<sup class=\"pn\"><a href=\"#" + peer + "\">P" + (index + 1) + "</a></sup>";
    if (start == end) {
      // Wholly inside an earlier passage (or outside the text): keep the number and its anchor.
      out.append("<span class=\"pn-only\" id=\"").append(self).append("\">").append(label);
      out.append("</span>");
      return;
    }
    out.append("<mark class=\"passage\" id=\"")
        .append(self)
        .append("\" data-peer=\"")
        .append(peer)
        .append("\">")
        .append(label);
    appendWords(out, text, start, end, p.diff(), sideA);
    out.append("</mark>");
  }

  /** The passage's text, with this side's own words (per the diff) wrapped. */
  static void appendWords(
      StringBuilder out, String text, int start, int end, List<Report.DiffOp> diff, boolean sideA) {
    String tag = sideA ? "del" : "ins";
    int cursor = start;
    for (Report.DiffOp op : diff) {
      if (!ownWords(op, sideA)) {
        continue;
      }
      int from = Math.max(Math.min(sideA ? op.aStart() : op.bStart(), end), cursor);
      int to = Math.min(Math.max(sideA ? op.aEnd() : op.bEnd(), from), end);
      if (from >= to) {
        continue;
      }
      HtmlEscape.text(out, text, cursor, from);
      out.append('<').append(tag).append('>');
      HtmlEscape.text(out, text, from, to);
      out.append("</").append(tag).append('>');
      cursor = to;
    }
    HtmlEscape.text(out, text, cursor, end);
  }

  private static boolean ownWords(Report.DiffOp op, boolean sideA) {
    String name = op.op() == null ? "" : op.op();
    return name.equals("replace") || name.equals(sideA ? "delete" : "insert");
  }

  /** {@code pair-3-p2-a}: passage index 1 of pair-3, side a. */
  static String passageAnchor(String pairAnchor, int index, boolean sideA) {
    return pairAnchor + "-p" + (index + 1) + (sideA ? "-a" : "-b");
  }
}
