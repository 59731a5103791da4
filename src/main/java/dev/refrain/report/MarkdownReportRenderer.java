package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the Markdown report: a summary to read in a repository or a pull request. The counts
 * and settings, the ranked pairs table, then for each pair its passages (a quoted excerpt of
 * each side and the word diff, {@code ~~only in a~~ **only in b**}; boilerplate one line each),
 * then the clusters of recurring passages.
 *
 * <p>Article text, ids and paths are escaped ({@link MarkdownEscape}) so they can't add markup
 * or HTML. Output is deterministic, with {@code \n} line endings.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
  /** Longest excerpt of a passage, in characters, before "…". */
  static final int EXCERPT_CHARS = 200;

  @Override
  public String format() {
    return "md";
  }

  @Override
  public String fileName() {
    return "report.md";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    out.write(toMarkdown(report));
    out.flush();
  }

  /** The whole document. */
  public String toMarkdown(Report report) {
    Map<String, String> texts = new HashMap<>();
    for (Report.ArticleEntry a : report.articles()) {
      texts.putIfAbsent(a.id(), a.text());
    }
    StringBuilder b = new StringBuilder(16 * 1024);
    b.append("# refrain report\n\n");
    counts(b, report);
    settings(b, report.settings());
    problems(b, report.problems());
    pairsTable(b, report.pairs());
    for (int i = 0; i < report.pairs().size(); i++) {
      pair(b, i, report.pairs().get(i), texts);
    }
    clusters(b, report.clusters(), texts);
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == '\n') {
      end--;
    }
    b.setLength(end);
    return b.append('\n').toString();
  }

  // ---------------------------------------------------------------- summary

  private static void counts(StringBuilder b, Report r) {
    Report.Stats s = r.stats();
    int passages = 0;
    for (Report.PairEntry p : r.pairs()) {
      passages += p.passages().size();
    }
    b.append(count(s == null ? r.articles().size() : s.articles(), "article")).append(" · ")
        .append(count(s == null ? r.pairs().size() : s.pairs(), "pair")).append(" · ")
        .append(count(s == null ? passages : s.passages(), "passage")).append(" · ")
        .append(count(s == null ? r.clusters().size() : s.clusters(), "cluster"));
    if (s != null) {
      b.append(" · ").append(s.candidatePairs()).append(" candidate pairs checked");
      if (s.skipped() > 0) {
        b.append(" · input files skipped: ").append(s.skipped());
      }
    }
    b.append("\n\n");
  }

  /** {@code **3** articles}, {@code **1** article}. */
  private static String count(int n, String noun) {
    return "**" + n + "** " + noun + (n == 1 ? "" : "s");
  }

  private static void settings(StringBuilder b, Report.Settings s) {
    if (s == null) {
      return;
    }
    b.append("Settings: shingle size ").append(s.shingleSize())
        .append(" · window ").append(s.windowShingles())
        .append(" · bands × rows ").append(s.bands()).append(" × ").append(s.rows())
        .append(" · min words ").append(s.minWords())
        .append(" · max gap ").append(s.maxGap())
        .append(" · min similarity ").append(num2(s.minSimilarity()))
        .append(" · boilerplate after ").append(s.boilerplateMinArticles()).append(" articles")
        .append(" · containment unit ").append(MarkdownEscape.inline(s.containmentUnit()))
        .append(" · normalization ").append(MarkdownEscape.inline(s.normalization()))
        .append("\n\n");
  }

  private static void problems(StringBuilder b, List<Report.ProblemEntry> problems) {
    if (problems.isEmpty()) {
      return;
    }
    b.append("## Problems\n\n");
    for (Report.ProblemEntry p : problems) {
      b.append("- **").append(MarkdownEscape.inline(p.kind())).append("** ")
          .append(MarkdownEscape.inline(p.path())).append(": ")
          .append(MarkdownEscape.inline(p.message())).append('\n');
    }
    b.append('\n');
  }

  // ---------------------------------------------------------------- pairs

  private static void pairsTable(StringBuilder b, List<Report.PairEntry> pairs) {
    b.append("## Pairs\n\n");
    if (pairs.isEmpty()) {
      b.append("No pair of articles shares a passage.\n\n");
      return;
    }
    b.append("a→b: share of a's words in passages shared with b; b→a likewise for b; ")
        .append("boilerplate left out of both.\n\n");
    b.append("| # | a | b | a→b | b→a | jaccard | longest | passages |\n");
    b.append("|---:|---|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < pairs.size(); i++) {
      Report.PairEntry p = pairs.get(i);
      b.append("| ").append(i + 1).append(" | ").append(MarkdownEscape.inline(p.a()))
          .append(" | ").append(MarkdownEscape.inline(p.b())).append(" | ")
          .append(pct(p.containmentA())).append(" | ").append(pct(p.containmentB()))
          .append(" | ").append(num2(p.jaccard())).append(" | ")
          .append(p.longestPassageWords()).append(" words | ").append(passageCount(p))
          .append(" |\n");
    }
    b.append('\n');
  }

  private static String passageCount(Report.PairEntry p) {
    long boilerplate = p.passages().stream().filter(Report.PassageEntry::boilerplate).count();
    return p.passages().size() + (boilerplate == 0 ? "" : " (" + boilerplate + " boilerplate)");
  }

  private static void pair(
      StringBuilder b, int index, Report.PairEntry p, Map<String, String> texts) {
    b.append("## ").append(index + 1).append(". ").append(MarkdownEscape.inline(p.a()))
        .append(" ↔ ").append(MarkdownEscape.inline(p.b())).append("\n\n");
    b.append("a→b ").append(pct(p.containmentA())).append(" · b→a ")
        .append(pct(p.containmentB())).append(" · jaccard ").append(num2(p.jaccard()))
        .append(" · longest passage ").append(p.longestPassageWords()).append(" words\n\n");
    String aText = texts.get(p.a());
    String bText = texts.get(p.b());
    boolean anyBoilerplate = false;
    for (int j = 0; j < p.passages().size(); j++) {
      Report.PassageEntry x = p.passages().get(j);
      if (x.boilerplate()) {
        anyBoilerplate = true;
      } else {
        passage(b, j, x, p, aText, bText);
      }
    }
    if (anyBoilerplate) {
      b.append("Boilerplate:\n\n");
      for (int j = 0; j < p.passages().size(); j++) {
        Report.PassageEntry x = p.passages().get(j);
        if (x.boilerplate()) {
          boilerplate(b, j, x);
        }
      }
      b.append('\n');
    }
  }

  private static void passage(
      StringBuilder b,
      int j,
      Report.PassageEntry x,
      Report.PairEntry p,
      String aText,
      String bText) {
    b.append("**P").append(j + 1).append("** · ").append(MarkdownEscape.inline(kind(x)))
        .append(" · similarity ").append(num2(x.similarity())).append(" · ")
        .append(x.wordsA()).append(" / ").append(x.wordsB()).append(" words");
    if (x.cluster() != null) {
      b.append(" · cluster ").append(MarkdownEscape.inline(x.cluster()));
    }
    b.append("\n\n");
    b.append("> **a** ").append(MarkdownEscape.inline(p.a())).append(": ")
        .append(excerpt(x.a())).append("\n>\n");
    b.append("> **b** ").append(MarkdownEscape.inline(p.b())).append(": ")
        .append(excerpt(x.b())).append("\n\n");
    if (hasChanges(x.diff())) {
      int start = x.a() == null ? -1 : x.a().start();
      int end = x.a() == null ? -1 : x.a().end();
      b.append("Diff: ")
          .append(inlineDiff(HtmlInlineDiff.pieces(x.diff(), aText, bText, start, end)))
          .append("\n\n");
    }
  }

  /** Whether any step of the diff is not {@code equal}: else the excerpts say it all. */
  private static boolean hasChanges(List<Report.DiffOp> diff) {
    for (Report.DiffOp op : diff) {
      if (!"equal".equals(op.op())) {
        return true;
      }
    }
    return false;
  }

  private static void boilerplate(StringBuilder b, int j, Report.PassageEntry x) {
    b.append("- **P").append(j + 1).append("** ").append(x.wordsA()).append(" / ")
        .append(x.wordsB()).append(" words");
    if (x.cluster() != null) {
      b.append(", cluster ").append(MarkdownEscape.inline(x.cluster()));
    }
    b.append(": ").append(excerpt(x.a())).append('\n');
  }

  private static String kind(Report.PassageEntry x) {
    return x.kind() != null ? x.kind() : x.boilerplate() ? "boilerplate" : "variant";
  }

  private static String excerpt(Report.Span span) {
    String text = MarkdownEscape.collapse(span == null ? "" : span.text()).strip();
    if (text.length() > EXCERPT_CHARS) {
      int cut = EXCERPT_CHARS;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      text = text.substring(0, cut).stripTrailing() + "…";
    }
    return MarkdownEscape.text(text);
  }

  /** {@code same ~~a only~~ **b only** ...}; spaces at a marked piece's edges kept outside. */
  static String inlineDiff(List<HtmlInlineDiff.Piece> pieces) {
    StringBuilder b = new StringBuilder();
    HtmlInlineDiff.Kind previous = null;
    for (HtmlInlineDiff.Piece piece : pieces) {
      String text = MarkdownEscape.collapse(piece.text());
      if (piece.kind() == HtmlInlineDiff.Kind.SAME) {
        b.append(MarkdownEscape.text(text));
        previous = piece.kind();
        continue;
      }
      if (previous == HtmlInlineDiff.Kind.DELETED && piece.kind() == HtmlInlineDiff.Kind.INSERTED) {
        b.append(' ');
      }
      String core = text.strip();
      if (core.isEmpty()) {
        b.append(text);
        previous = HtmlInlineDiff.Kind.SAME;
        continue;
      }
      String mark = piece.kind() == HtmlInlineDiff.Kind.DELETED ? "~~" : "**";
      b.append(text.startsWith(" ") ? " " : "").append(mark).append(MarkdownEscape.text(core))
          .append(mark).append(text.endsWith(" ") ? " " : "");
      previous = piece.kind();
    }
    return b.toString().strip();
  }

  // ---------------------------------------------------------------- clusters

  private static void clusters(
      StringBuilder b, List<Report.ClusterEntry> clusters, Map<String, String> texts) {
    b.append("## Clusters\n\n");
    if (clusters.isEmpty()) {
      b.append("No passage recurs in three or more articles.\n");
      return;
    }
    b.append("Passages recurring in three or more articles: the canonical form, then each ")
        .append("other occurrence as a word diff against it (~~only in the canonical form~~ ")
        .append("**only in this occurrence**).\n");
    for (Report.ClusterEntry c : clusters) {
      cluster(b, c, texts);
    }
  }

  private static void cluster(StringBuilder b, Report.ClusterEntry c, Map<String, String> texts) {
    b.append("\n### ").append(MarkdownEscape.inline(c.id()))
        .append(c.boilerplate() ? " · boilerplate" : "").append(" · ")
        .append(c.articleCount()).append(" articles\n\n");
    Report.Occurrence canonical = null;
    for (Report.Occurrence o : c.occurrences()) {
      if (o.canonical()) {
        canonical = o;
        break;
      }
    }
    if (canonical == null && !c.occurrences().isEmpty()) {
      canonical = c.occurrences().get(0);
    }
    if (canonical == null) {
      return;
    }
    b.append("Canonical, in ").append(MarkdownEscape.inline(canonical.article())).append(":\n\n")
        .append("> ").append(MarkdownEscape.inline(canonical.text())).append("\n\n");
    String canonicalText = texts.get(canonical.article());
    for (Report.Occurrence o : c.occurrences()) {
      if (o == canonical) {
        continue;
      }
      String line =
          o.diff().isEmpty()
              ? MarkdownEscape.inline(o.text())
              : inlineDiff(
                  HtmlInlineDiff.pieces(
                      o.diff(), canonicalText, texts.get(o.article()), canonical.start(),
                      canonical.end()));
      b.append("- ").append(MarkdownEscape.inline(o.article())).append(" (similarity ")
          .append(num2(o.similarity())).append("): ").append(line).append('\n');
    }
  }

  // ---------------------------------------------------------------- numbers

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static String num2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
