package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes the ranked table of pairs for a terminal: one line a pair, most shared first, then a
 * summary line. Shows the first {@code top} pairs (all when {@code top} is 0). Ids are shown
 * with their control characters escaped ({@link ControlEscape#line}).
 */
public final class TextReportRenderer implements ReportRenderer {
  private final int top;

  /** @param top how many pairs to list, 0 for all */
  public TextReportRenderer(int top) {
    if (top < 0) {
      throw new IllegalArgumentException("top must be 0 or more, was " + top);
    }
    this.top = top;
  }

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String fileName() {
    return "report.txt";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    int idWidth = 4;
    for (Report.PairEntry p : report.pairsBetweenArticles()) {
      idWidth =
          Math.max(
              idWidth, Math.max(ControlEscape.line(p.a()).length(), ControlEscape.line(p.b()).length()));
    }
    idWidth = Math.min(idWidth, 40);
    String row = "%4s  %-" + idWidth + "s  %-" + idWidth + "s  %6s  %6s  %7s  %7s  %8s%n";
    out.write(
        String.format(Locale.ROOT, row, "rank", "a", "b", "a in b", "b in a", "jaccard",
            "longest", "passages"));
    int shown = 0;
    for (Report.PairEntry p : report.pairsBetweenArticles()) {
      if (top > 0 && shown == top) {
        break;
      }
      shown++;
      String passages = Integer.toString(p.passages().size());
      out.write(
          String.format(
              Locale.ROOT,
              row,
              shown,
              clip(ControlEscape.line(p.a()), idWidth),
              clip(ControlEscape.line(p.b()), idWidth),
              percent(p.containmentA()),
              percent(p.containmentB()),
              String.format(Locale.ROOT, "%.3f", p.jaccard()),
              p.longestPassageWords() + "w",
              passages));
    }
    if (shown < report.pairsBetweenArticles().size()) {
      out.write("  ... " + CheckFormat.count(report.pairsBetweenArticles().size() - shown, "more pair")
          + " in the reports\n");
    }
    Report.Stats s = report.stats();
    out.write(
        CheckFormat.count(s.articles(), "article") + ", " + CheckFormat.count(s.pairs(), "pair")
            + ", " + CheckFormat.count(s.passages(), "passage") + ", "
            + CheckFormat.count(s.clusters(), "cluster") + ", "
            + CheckFormat.count(s.templates(), "template") + " in "
            + CheckFormat.count(s.templateArticles(), "article") + " ("
            + CheckFormat.count(s.candidatePairs(), "candidate pair") + " checked)\n");
    String caps = ReportPhrases.caps(s.capped());
    if (caps != null) {
      out.write(caps + "\n");
    }
    out.write("'a in b' = share of a's words in passages shared with b; template text (footers) is"
        + " in no passage\n");
    out.flush();
  }

  private static String percent(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
