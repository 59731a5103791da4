package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the check result as Markdown fit for a pull-request comment: a heading with the ❌ and
 * ✅ counts, a line of settings, a table of the articles (reused share, limit, status, top
 * match), the input problems, then for each article over the limit a collapsed {@code
 * <details>} block with its counted passages: who they are shared with, a quoted excerpt of the
 * checked article's side (at most {@value #EXCERPT_CHARS} characters) and the inline word diff
 * from the archived side (a) to the checked side (b), {@code ~~only archived~~ **only new**}.
 *
 * <p>Input text (ids, paths, sources, passages, messages) is escaped with {@link
 * MarkdownEscape} so it can't add markup or HTML; inside the {@code <summary>} element, which
 * Markdown leaves as raw HTML, with {@link HtmlEscape}. Output is deterministic, {@code \n} line
 * endings.
 */
public final class CheckMarkdownRenderer implements CheckRenderer {
  /** Longest excerpt of a passage, in characters, "…" included. */
  static final int EXCERPT_CHARS = 200;

  /** Room for the details, under GitHub's 65,536-character limit on a comment. */
  static final int MAX_CHARS = 60_000;

  /** Articles listed in the summary table. */
  static final int MAX_ROWS = 100;

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String fileName() {
    return "check.md";
  }

  @Override
  public void render(CheckReport report, Writer out) throws IOException {
    out.write(toMarkdown(report));
    out.flush();
  }

  /** The whole document. */
  public String toMarkdown(CheckReport report) {
    StringBuilder b = new StringBuilder(8192);
    long exceeded = report.failed();
    long within = report.articles().size() - exceeded;
    b.append("## refrain check · ❌ ").append(exceeded).append(" over the limit · ✅ ")
        .append(within).append(" within\n\n");
    settings(b, report);
    table(b, report);
    problems(b, report.problems());
    caps(b, report);
    if (exceeded > 0) {
      b.append("### Over the limit\n\n");
      double limit = limit(report);
      long left = exceeded;
      for (CheckReport.ArticleResult a : report.articles()) {
        if (!a.failed()) {
          continue;
        }
        StringBuilder one = new StringBuilder();
        details(one, a, limit);
        if (b.length() + one.length() > MAX_CHARS) {
          // A pull-request comment holds 65,536 characters: say what was left out.
          b.append("_Details of ").append(left).append(" more article")
              .append(left == 1 ? "" : "s")
              .append(" over the limit left out to fit a pull-request comment; see check.json._\n");
          break;
        }
        b.append(one);
        left--;
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == '\n') {
      end--;
    }
    b.setLength(end);
    return b.append('\n').toString();
  }

  private static double limit(CheckReport report) {
    return report.settings() == null ? Double.NaN : report.settings().maxContainment();
  }

  private static void settings(StringBuilder b, CheckReport report) {
    b.append("Checked **").append(report.articles().size()).append("** ")
        .append(report.articles().size() == 1 ? "article" : "articles");
    CheckReport.Settings s = report.settings();
    if (s == null) {
      b.append(".\n\n");
      return;
    }
    b.append(" against **").append(s.indexArticles()).append("** archived ")
        .append(s.indexArticles() == 1 ? "article" : "articles");
    if (s.index() != null) {
      b.append(" (").append(MarkdownEscape.inline(s.index())).append(')');
    }
    b.append(" · limit ").append(CheckFormat.percent(s.maxContainment())).append(" of words")
        .append(" · passages of ").append(s.minPassageWords()).append("+ words");
    if (!s.allowedSources().isEmpty()) {
      b.append(" · allowed sources: ");
      for (int i = 0; i < s.allowedSources().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(MarkdownEscape.inline(s.allowedSources().get(i)));
      }
    }
    if (s.baseline() != null) {
      b.append(" · baseline ").append(MarkdownEscape.inline(s.baseline()));
    }
    b.append("\n\n");
  }

  private static void table(StringBuilder b, CheckReport report) {
    if (report.articles().isEmpty()) {
      b.append("No article was checked.\n\n");
      return;
    }
    String limit = report.settings() == null ? "" : CheckFormat.percent(limit(report));
    b.append("| article | reused | limit | status | top match |\n");
    b.append("|---|---:|---:|---|---|\n");
    // Failing articles first, at most MAX_ROWS rows: a comment has room for a summary only.
    List<CheckReport.ArticleResult> rows = new java.util.ArrayList<>(report.articles());
    rows.sort(java.util.Comparator.comparing((CheckReport.ArticleResult a) -> !a.failed()));
    int shown = 0;
    for (CheckReport.ArticleResult a : rows) {
      if (shown++ == MAX_ROWS) {
        b.append("\n_").append(rows.size() - MAX_ROWS)
            .append(" more articles in check.json._\n");
        break;
      }
      b.append("| ").append(MarkdownEscape.inline(a.id())).append(" | ")
          .append(CheckFormat.percent(a.containment())).append(" | ").append(limit).append(" | ")
          .append(a.exceeded() ? "❌ over"
              : !a.failedOn().isEmpty() ? "❌ " + MarkdownEscape.inline(String.join(", ", a.failedOn()))
              : a.failed() ? "❌ not compared in full"
              : "✅ ok").append(" | ")
          .append(a.matches().isEmpty() ? "—" : match(a.matches().get(0))).append(" |\n");
    }
    b.append('\n');
  }

  /** {@code archived/id (Source) · 35.1%}. */
  private static String match(CheckReport.Match m) {
    StringBuilder b = new StringBuilder(MarkdownEscape.inline(m.archivedId()));
    if (m.archivedSource() != null && !m.archivedSource().isBlank()) {
      b.append(" (").append(MarkdownEscape.inline(m.archivedSource())).append(')');
    }
    return b.append(" · ").append(CheckFormat.percent(m.containment())).toString();
  }

  /** What the caps changed, a line per article they changed (as in check.txt); none: nothing. */
  private static void caps(StringBuilder b, CheckReport report) {
    StringBuilder lines = new StringBuilder();
    for (CheckReport.ArticleResult a : report.articles()) {
      for (String cap : CheckTextRenderer.caps(a.capped())) {
        lines.append("- ").append(MarkdownEscape.inline(a.id())).append(": ")
            .append(MarkdownEscape.inline(cap)).append('\n');
      }
    }
    if (lines.length() > 0) {
      b.append("### Caps\n\n").append(lines).append('\n');
    }
  }

  private static void problems(StringBuilder b, List<Report.ProblemEntry> problems) {
    if (problems.isEmpty()) {
      return;
    }
    b.append("### Problems\n\n");
    for (Report.ProblemEntry p : problems) {
      b.append("- **").append(MarkdownEscape.inline(p.kind())).append("** ")
          .append(MarkdownEscape.inline(p.path())).append(": ")
          .append(MarkdownEscape.inline(p.message())).append('\n');
    }
    b.append('\n');
  }

  private static void details(StringBuilder b, CheckReport.ArticleResult a, double limit) {
    int counted = CheckFormat.countedPassages(a);
    b.append("<details>\n<summary>❌ ").append(HtmlEscape.inline(a.id())).append(": ")
        .append(CheckFormat.percent(a.containment())).append(" reused");
    if (!Double.isNaN(limit)) {
      b.append(" (limit ").append(CheckFormat.percent(limit)).append(')');
    }
    b.append(", ").append(CheckFormat.count(counted, "counted passage")).append("</summary>\n\n");
    if (a.path() != null) {
      b.append("File: ").append(MarkdownEscape.inline(a.path())).append("\n\n");
    }
    int n = 0;
    Map<String, Integer> notCounted = new TreeMap<>();
    for (CheckReport.Match m : a.matches()) {
      for (CheckReport.Passage p : m.passages()) {
        if (CheckFormat.counted(p)) {
          passage(b, ++n, m, p);
        } else {
          notCounted.merge(p.status() == null ? "?" : p.status(), 1, Integer::sum);
        }
      }
    }
    if (!notCounted.isEmpty()) {
      int total = notCounted.values().stream().mapToInt(Integer::intValue).sum();
      b.append("Not counted: ").append(CheckFormat.count(total, "passage")).append(" (");
      int i = 0;
      for (Map.Entry<String, Integer> e : notCounted.entrySet()) {
        b.append(i++ == 0 ? "" : ", ").append(e.getValue()).append(' ')
            .append(MarkdownEscape.inline(e.getKey()));
      }
      b.append(").\n\n");
    }
    b.append("</details>\n\n");
  }

  private static void passage(StringBuilder b, int n, CheckReport.Match m, CheckReport.Passage p) {
    b.append("**").append(n).append(".** shared with **")
        .append(MarkdownEscape.inline(m.archivedId())).append("**");
    if (m.archivedSource() != null && !m.archivedSource().isBlank()) {
      b.append(" (").append(MarkdownEscape.inline(m.archivedSource())).append(')');
    }
    if (p.location() != null) {
      b.append(" · line ").append(p.location().startLine());
    }
    b.append(" · ").append(MarkdownEscape.inline(p.kind())).append(" · similarity ")
        .append(CheckFormat.number2(p.similarity())).append(" · ")
        .append(CheckFormat.count(p.words(), "word")).append("\n\n");
    String text = p.article() == null ? "" : p.article().text();
    b.append("> ").append(MarkdownEscape.text(CheckFormat.excerpt(text, EXCERPT_CHARS)))
        .append("\n\n");
    if (CheckFormat.hasChanges(p.diff())) {
      int start = p.archived() == null ? -1 : p.archived().start();
      int end = p.archived() == null ? -1 : p.archived().end();
      List<HtmlInlineDiff.Piece> pieces =
          HtmlInlineDiff.pieces(
              p.diff(), CheckFormat.textAround(p.archived()), CheckFormat.textAround(p.article()),
              start, end);
      b.append("Diff: ").append(MarkdownReportRenderer.inlineDiff(pieces)).append("\n\n");
    }
  }
}
