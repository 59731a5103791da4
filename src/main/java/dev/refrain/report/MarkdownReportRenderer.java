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
 * each side and the word diff, {@code ~~only in a~~ **only in b**}), the clusters of recurring
 * passages and the templates (site text reported once). A large report shows the first entries
 * of each list ({@link ReportLimits}) and says how many it left out.
 *
 * <p>Article text, ids and paths are escaped ({@link MarkdownEscape}) so they can't add markup
 * or HTML. Output is deterministic, with {@code \n} line endings.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
  /** Longest excerpt of a passage, in characters, before "…". */
  static final int EXCERPT_CHARS = 200;

  private final ReportLimits limits;

  public MarkdownReportRenderer() {
    this(ReportLimits.DEFAULT);
  }

  public MarkdownReportRenderer(ReportLimits limits) {
    this.limits = limits;
  }

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
    return render(report);
  }

  private String render(Report report) {
    Map<String, String> texts = report.texts();
    StringBuilder b = new StringBuilder(16 * 1024);
    b.append("# refrain report\n\n");
    counts(b, report);
    settings(b, report.settings());
    problems(b, report.problems());
    pairsTable(b, report.pairsBetweenArticles());
    int detailed = Math.min(report.pairsBetweenArticles().size(), limits.pairsInDetail());
    for (int i = 0; i < detailed; i++) {
      pair(b, i, report.pairsBetweenArticles().get(i), texts);
    }
    note(b, ReportLimits.more(report.pairsBetweenArticles().size(), detailed, "pair"));
    internalRepeats(b, report);
    clusters(b, report.clusters(), texts);
    quoteFamilies(b, report.quoteFamilies(), texts);
    templates(b, report.templates());
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
    for (Report.PairEntry p : r.pairsBetweenArticles()) {
      passages += p.passages().size();
    }
    b.append(count(s == null ? r.articles().size() : s.articles(), "article")).append(" · ")
        .append(count(s == null ? r.pairsBetweenArticles().size() : s.pairs(), "pair")).append(" · ")
        .append(count(s == null ? passages : s.passages(), "passage")).append(" · ")
        .append(count(s == null ? r.clusters().size() : s.clusters(), "cluster")).append(" · ")
        .append(count(s == null ? r.templates().size() : s.templates(), "template"));
    if (s != null) {
      if (s.templateArticles() > 0) {
        b.append(" in ").append(s.templateArticles()).append(" articles");
      }
      b.append(" · ").append(s.candidatePairs()).append(" candidate pairs checked");
      if (s.skipped() > 0) {
        b.append(" · input files skipped: ").append(s.skipped());
      }
    }
    b.append("\n\n");
    String caps = s == null ? null : ReportPhrases.caps(s.capped());
    if (caps != null) {
      b.append(MarkdownEscape.inline(caps)).append("\n\n");
    }
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
        .append(" · min words ").append(s.minWords())
        .append(" · max gap ").append(s.maxGap())
        .append(" · min similarity ").append(num2(s.minSimilarity()))
        .append(" · templates from ").append(s.templateMinArticles()).append(" articles")
        .append(" · max bucket ").append(s.maxBucket())
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

  private void pairsTable(StringBuilder b, List<Report.PairEntry> pairs) {
    b.append("## Pairs\n\n");
    if (pairs.isEmpty()) {
      b.append("No pair of articles shares a passage.\n\n");
      return;
    }
    b.append("a→b: share of a's words in passages shared with b; b→a likewise for b. ")
        .append("Template text (site footers) is in no passage: see Templates.\n\n");
    b.append("| # | a | b | a→b | b→a | jaccard | longest | passages |\n");
    b.append("|---:|---|---|---:|---:|---:|---:|---:|\n");
    int listed = Math.min(pairs.size(), limits.pairsListed());
    for (int i = 0; i < listed; i++) {
      Report.PairEntry p = pairs.get(i);
      b.append("| ").append(i + 1).append(" | ").append(MarkdownEscape.inline(p.a()))
          .append(" | ").append(MarkdownEscape.inline(p.b())).append(" | ")
          .append(pct(p.containmentA())).append(" | ").append(pct(p.containmentB()))
          .append(" | ").append(num2(p.jaccard())).append(" | ")
          .append(p.longestPassageWords()).append(" words | ").append(p.passages().size())
          .append(" |\n");
    }
    b.append('\n');
    note(b, ReportLimits.more(pairs.size(), listed, "pair"));
  }

  private static void note(StringBuilder b, String note) {
    if (!note.isEmpty()) {
      b.append("_").append(MarkdownEscape.inline(note)).append("._\n\n");
    }
  }

  private static void pair(
      StringBuilder b, int index, Report.PairEntry p, Map<String, String> texts) {
    b.append("## ").append(index + 1).append(". ").append(MarkdownEscape.inline(p.a()))
        .append(" ↔ ").append(MarkdownEscape.inline(p.b())).append("\n\n");
    b.append("a→b ").append(pct(p.containmentA())).append(" · b→a ")
        .append(pct(p.containmentB())).append(" · jaccard ").append(num2(p.jaccard()))
        .append(" · longest passage ").append(p.longestPassageWords()).append(" words\n\n");
    if (p.direction() != null) {
      b.append(MarkdownEscape.inline(ReportPhrases.direction(p.direction()))).append("\n\n");
    }
    String aText = texts.get(p.a());
    String bText = texts.get(p.b());
    for (int j = 0; j < p.passages().size(); j++) {
      passage(b, j, p.passages().get(j), p, aText, bText);
    }
  }

  private static void passage(
      StringBuilder b,
      int j,
      Report.PassageEntry x,
      Report.PairEntry p,
      String aText,
      String bText) {
    b.append("**P").append(j + 1).append("** · ")
        .append(MarkdownEscape.inline(ReportPhrases.kinds(x.kinds(), x.kind())))
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

  private void clusters(
      StringBuilder b, List<Report.ClusterEntry> clusters, Map<String, String> texts) {
    b.append("## Clusters\n\n");
    if (clusters.isEmpty()) {
      b.append("No passage recurs in three or more articles.\n\n");
      return;
    }
    b.append("Passages recurring in three or more articles: the canonical form, then each ")
        .append("other occurrence as a word diff against it (~~only in the canonical form~~ ")
        .append("**only in this occurrence**).\n");
    int shown = Math.min(clusters.size(), limits.clusters());
    for (Report.ClusterEntry c : clusters.subList(0, shown)) {
      cluster(b, c, texts);
    }
    b.append('\n');
    note(b, ReportLimits.more(clusters.size(), shown, "cluster"));
  }

  // ---------------------------------------------------------------- quote families

  private void quoteFamilies(
      StringBuilder b, List<Report.QuoteFamilyEntry> families, Map<String, String> texts) {
    b.append("## Quote families\n\n");
    if (families.isEmpty()) {
      b.append(MarkdownEscape.inline(ReportPhrases.NO_QUOTE_FAMILIES)).append("\n\n");
      return;
    }
    b.append(MarkdownEscape.inline(ReportPhrases.QUOTE_FAMILIES_LEGEND))
        .append(" (~~only in the canonical rendering~~ **only in this one**).\n");
    int shown = Math.min(families.size(), limits.clusters());
    for (Report.QuoteFamilyEntry f : families.subList(0, shown)) {
      b.append("\n### ").append(MarkdownEscape.inline(f.id())).append(" · ")
          .append(MarkdownEscape.inline(ReportPhrases.speakerOf(f))).append(" · ")
          .append(f.articleCount()).append(" articles\n\n");
      Report.QuoteRenderingEntry canonical = f.renderings().get(0);
      b.append("Canonical, in ").append(MarkdownEscape.inline(canonical.article())).append(" (")
          .append(MarkdownEscape.inline(ReportPhrases.attribution(canonical)))
          .append(MarkdownEscape.inline(ReportPhrases.renderingKinds(canonical))).append("):\n\n")
          .append("> ").append(MarkdownEscape.inline(canonical.text())).append("\n\n");
      String canonicalText = texts.get(canonical.article());
      for (Report.QuoteRenderingEntry r : f.renderings().subList(1, f.renderings().size())) {
        String line =
            r.diff().isEmpty()
                ? MarkdownEscape.inline(r.text())
                : inlineDiff(
                    HtmlInlineDiff.pieces(
                        r.diff(), canonicalText, texts.get(r.article()), canonical.start(),
                        canonical.end()));
        b.append("- ").append(MarkdownEscape.inline(r.article())).append(" (")
            .append(MarkdownEscape.inline(ReportPhrases.attribution(r)))
            .append(MarkdownEscape.inline(ReportPhrases.renderingKinds(r))).append(", similarity ")
            .append(num2(r.similarity())).append("): ").append(line).append('\n');
      }
    }
    b.append('\n');
    note(b, ReportPhrases.moreQuoteFamilies(families.size(), shown));
  }

  // ---------------------------------------------------------------- templates

  private void templates(StringBuilder b, List<Report.TemplateEntry> templates) {
    b.append("## Templates\n\n");
    if (templates.isEmpty()) {
      b.append(MarkdownEscape.inline(ReportPhrases.NO_TEMPLATES)).append('\n');
      return;
    }
    b.append(MarkdownEscape.inline(ReportPhrases.TEMPLATES_LEGEND)).append('\n');
    int shown = Math.min(templates.size(), limits.templates());
    for (Report.TemplateEntry t : templates.subList(0, shown)) {
      b.append("\n### ").append(MarkdownEscape.inline(t.id())).append(" · ")
          .append(t.articleCount()).append(" articles · ").append(t.words()).append(" words · ")
          .append(MarkdownEscape.inline(ReportPhrases.templateSources(t)))
          .append("\n\n> ").append(MarkdownEscape.inline(t.text())).append("\n\n")
          .append("For example in ")
          .append(MarkdownEscape.inline(String.join(", ", t.examples()))).append(".\n");
    }
    b.append('\n');
    note(b, ReportLimits.more(templates.size(), shown, "template"));
  }

  /** The passages each article repeats inside itself: on the article, never a pair with itself. */
  private void internalRepeats(StringBuilder b, Report report) {
    int shown = 0;
    int all = 0;
    for (Report.ArticleEntry a : report.articles()) {
      if (a.internalRepeats().isEmpty()) {
        continue;
      }
      all++;
      if (shown == limits.pairsInDetail()) {
        continue;
      }
      if (shown++ == 0) {
        b.append("## Articles repeating themselves\n\n");
      }
      String text = report.texts().get(a.id());
      b.append("### ").append(MarkdownEscape.inline(a.id())).append("\n\n");
      for (int j = 0; j < a.internalRepeats().size(); j++) {
        Report.PassageEntry x = a.internalRepeats().get(j);
        b.append("**R").append(j + 1).append("** · ")
            .append(MarkdownEscape.inline(ReportPhrases.kinds(x.kinds(), x.kind())))
            .append(" · similarity ").append(num2(x.similarity())).append("\n\n");
        b.append("> **first** ").append(excerpt(x.a())).append("\n>\n");
        b.append("> **again** ").append(excerpt(x.b())).append("\n\n");
        if (hasChanges(x.diff())) {
          b.append("Diff: ")
              .append(inlineDiff(
                  HtmlInlineDiff.pieces(x.diff(), text, text, x.a().start(), x.a().end())))
              .append("\n\n");
        }
      }
    }
    note(b, ReportLimits.more(all, shown, "self-repeating article"));
  }

  private static void cluster(StringBuilder b, Report.ClusterEntry c, Map<String, String> texts) {
    b.append("\n### ").append(MarkdownEscape.inline(c.id()))
        .append(" · ").append(c.articleCount()).append(" articles\n\n");
    if (c.earliest() != null) {
      b.append(MarkdownEscape.inline(ReportPhrases.direction(c.earliest()))).append("\n\n");
    }
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
          .append(num2(o.similarity()))
          .append(o.kinds().isEmpty() ? "" : "; " + MarkdownEscape.inline(String.join(", ", o.kinds())))
          .append("): ").append(line).append('\n');
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
