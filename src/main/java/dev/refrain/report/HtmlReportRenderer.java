package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the HTML report: one self-contained HTML5 page (inline style and a few lines of
 * optional script, no external assets) with the summary, the articles, a containment matrix,
 * the ranked pairs, every pair's passages one row each with its two sides level and their
 * variant words marked (then both full texts, passages highlighted), the clusters of recurring
 * passages and the templates (site text reported once). A Content-Security-Policy allows only
 * the page's own style sheet and script ({@link HtmlPolicy}); input text is bidi-isolated
 * ({@link HtmlBidi}). A large report shows the first entries of each list ({@link ReportLimits}) and
 * says how many it left out, so a scan of 30,000 articles stays a page a browser opens.
 *
 * <p>Everything taken from the input is HTML-escaped. Output is deterministic: the same report
 * gives the same characters, with {@code \n} line endings. Anchors: {@code article-<n>} and
 * {@code pair-<n>} (1-based, in report order), {@code pair-<n>-p<m>} for the row of passage
 * {@code m} of pair {@code n}, {@code pair-<n>-p<m>-a} / {@code -b} for it in each full text,
 * {@code cluster-<id>}.
 */
public final class HtmlReportRenderer implements ReportRenderer {
  /** Most articles shown in the pair matrix; beyond it, only articles in some pair. */
  static final int MATRIX_MAX = 60;

  private final ReportLimits limits;

  public HtmlReportRenderer() {
    this(ReportLimits.DEFAULT);
  }

  public HtmlReportRenderer(ReportLimits limits) {
    this.limits = limits;
  }

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    out.write(toHtml(report));
    out.flush();
  }

  /** The whole page. */
  public String toHtml(Report report) {
    Page page = new Page(report, limits);
    StringBuilder b = new StringBuilder(64 * 1024);
    String style = "\n" + HtmlStyle.CSS;
    String script = "\n" + HtmlStyle.SCRIPT;
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(HtmlPolicy.contentSecurityPolicy(style, script)).append("\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<meta name=\"generator\" content=\"refrain\">\n");
    b.append("<title>refrain report</title>\n<style>").append(style).append("</style>\n");
    b.append("</head>\n<body>\n");
    nav(b, SECTIONS);
    b.append("<main>\n");
    summary(b, page);
    articles(b, page);
    matrix(b, page);
    rankedPairs(b, page);
    int detailed = Math.min(report.pairsBetweenArticles().size(), limits.pairsInDetail());
    if (detailed > 0) {
      filters(b);
    }
    for (int i = 0; i < detailed; i++) {
      pair(b, page, i);
    }
    note(b, ReportLimits.more(report.pairsBetweenArticles().size(), detailed, "pair"));
    clusters(b, page);
    quoteFamilies(b, page);
    templates(b, page);
    b.append("</main>\n<script>").append(script).append("</script>\n");
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  // ---------------------------------------------------------------- header and summary

  /** The page's sections in order, as anchor and the label of its link in the top bar. */
  static final List<String[]> SECTIONS =
      List.of(
          new String[] {"articles", "Articles"},
          new String[] {"matrix", "Matrix"},
          new String[] {"pairs", "Pairs"},
          new String[] {"clusters", "Clusters"},
          new String[] {"quotes", "Quotes"},
          new String[] {"templates", "Templates"});

  private static void nav(StringBuilder b, List<String[]> sections) {
    b.append("<header class=\"top\"><nav>")
        .append("<a class=\"brand\" href=\"#summary\">refrain</a>");
    for (String[] section : sections) {
      b.append("<a href=\"#").append(section[0]).append("\">").append(section[1]).append("</a>");
    }
    b.append("</nav></header>\n");
  }

  private static void summary(StringBuilder b, Page page) {
    Report r = page.report;
    b.append("<section id=\"summary\">\n<h1>refrain report</h1>\n<div class=\"stats\">\n");
    Report.Stats s = r.stats();
    stat(b, s == null ? r.articles().size() : s.articles(), "articles");
    stat(b, s == null ? r.pairsBetweenArticles().size() : s.pairs(), "pairs");
    stat(b, s == null ? page.passageCount() : s.passages(), "passages");
    stat(b, s == null ? r.clusters().size() : s.clusters(), "clusters");
    stat(b, s == null ? r.templates().size() : s.templates(), "templates");
    b.append("</div>\n");
    if (s != null) {
      b.append("<p class=\"muted\">")
          .append(s.candidatePairs())
          .append(" candidate pairs checked word by word")
          .append(s.templateArticles() > 0
              ? "; " + s.templateArticles() + " articles carry template text, left out of pairing"
              : "")
          .append(s.capped() != null
              ? "; " + HtmlEscape.text(ReportPhrases.caps(s.capped()))
              : "")
          .append(s.skipped() > 0 ? "; input files skipped: " + s.skipped() : "")
          .append(".</p>\n");
    }
    settings(b, r.settings());
    problems(b, r.problems());
    b.append("</section>\n");
  }

  private static void stat(StringBuilder b, int n, String label) {
    b.append("<div class=\"stat\"><b>").append(n).append("</b><span>").append(label);
    b.append("</span></div>\n");
  }

  private static void settings(StringBuilder b, Report.Settings s) {
    if (s == null) {
      return;
    }
    b.append("<details class=\"settings\" open><summary>Settings</summary>\n");
    b.append("<table class=\"kv\">\n");
    setting(b, "shingle size", s.shingleSize() + " words");
    setting(b, "window", s.windowShingles() + " shingles");
    setting(b, "min passage", s.minWords() + " words");
    setting(b, "max gap", s.maxGap() + " words");
    setting(b, "min similarity", num2(s.minSimilarity()));
    setting(b, "templates from", s.templateMinArticles() + " articles of a source");
    setting(b, "max bucket", s.maxBucket() + " articles");
    setting(b, "containment unit", s.containmentUnit());
    setting(b, "normalization", s.normalization());
    b.append("</table>\n</details>\n");
  }

  private static void setting(StringBuilder b, String name, String value) {
    b.append("<tr><th>").append(HtmlEscape.text(name)).append("</th><td>");
    b.append(HtmlEscape.text(value)).append("</td></tr>\n");
  }

  private static void problems(StringBuilder b, List<Report.ProblemEntry> problems) {
    if (problems.isEmpty()) {
      return;
    }
    b.append("<div class=\"problems\">\n<h2>Problems</h2>\n<ul>\n");
    for (Report.ProblemEntry p : problems) {
      b.append("<li><span class=\"badge k-")
          .append(HtmlEscape.token(p.kind()))
          .append("\">")
          .append(HtmlEscape.text(p.kind()))
          .append("</span> <code>")
          .append(HtmlBidi.label(p.path()))
          .append("</code> ")
          .append(HtmlEscape.text(p.message()))
          .append("</li>\n");
    }
    b.append("</ul>\n</div>\n");
  }

  // ---------------------------------------------------------------- articles

  private static void articles(StringBuilder b, Page page) {
    b.append("<section id=\"articles\">\n<h2>Articles</h2>\n");
    if (page.report.articles().isEmpty()) {
      b.append("<p class=\"muted\">No articles.</p>\n</section>\n");
      return;
    }
    b.append("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>#</th><th>id</th>")
        .append("<th>path</th><th class=\"num\">chars</th><th class=\"num\">words</th>")
        .append("<th>source</th><th>title</th></tr></thead>\n<tbody>\n");
    List<Report.ArticleEntry> list = page.report.articles();
    int listed = 0;
    for (int i = 0; i < list.size(); i++) {
      Report.ArticleEntry a = list.get(i);
      if (!page.listed(i)) {
        continue;
      }
      listed++;
      String anchor = articleAnchor(i);
      b.append("<tr id=\"").append(anchor).append("\"><td class=\"num\">").append(i + 1)
          .append("</td><td><a href=\"#").append(anchor).append("\">")
          .append(HtmlBidi.label(a.id())).append("</a></td><td class=\"path\">")
          .append(HtmlBidi.label(a.path())).append("</td><td class=\"num\">").append(a.chars())
          .append("</td><td class=\"num\">").append(a.words()).append("</td><td>")
          .append(HtmlBidi.label(a.source())).append("</td><td>")
          .append(HtmlBidi.label(a.title())).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
    if (listed < list.size()) {
      b.append("<p class=\"muted\">").append(listed).append(" of ").append(list.size())
          .append(" articles listed: those in the pairs, clusters and templates shown.</p>\n");
    }
    internalRepeats(b, page);
    b.append("</section>\n");
  }

  /** The passages listed articles repeat inside themselves, each under its article. */
  private static void internalRepeats(StringBuilder b, Page page) {
    List<Report.ArticleEntry> list = page.report.articles();
    int shown = 0;
    for (int i = 0; i < list.size() && shown < page.limits.pairsInDetail(); i++) {
      Report.ArticleEntry a = list.get(i);
      if (a.internalRepeats().isEmpty() || !page.listed(i)) {
        continue;
      }
      if (shown++ == 0) {
        b.append("<h3>Articles repeating themselves</h3>\n");
      }
      String text = page.text(a.id());
      b.append("<div class=\"cluster repeats\" id=\"").append(articleAnchor(i))
          .append("-repeats\">\n<p>").append(page.articleLink(a.id())).append(" <span class=\"muted\">")
          .append(a.internalRepeats().size()).append(a.internalRepeats().size() == 1
              ? " passage repeated" : " passages repeated").append("</span></p>\n");
      for (Report.PassageEntry x : a.internalRepeats()) {
        b.append("<div class=\"occ\"><div class=\"occ-head\">").append(badges(kinds(x)))
            .append(" <span class=\"muted\">similarity ").append(num2(x.similarity()))
            .append("</span></div>\n<div class=\"inline\">");
        if (x.diff().isEmpty() || text == null) {
          b.append(HtmlEscape.inline(x.a().text()));
        } else {
          inlineDiff(b, HtmlInlineDiff.pieces(x.diff(), text, text, start(x.a()), end(x.a())));
        }
        b.append("</div></div>\n");
      }
      b.append("</div>\n");
    }
  }

  // ---------------------------------------------------------------- matrix

  private static void matrix(StringBuilder b, Page page) {
    b.append("<section id=\"matrix\">\n<h2>Pair matrix</h2>\n");
    List<Integer> rows = page.matrixArticles();
    if (rows.isEmpty() || page.report.pairsBetweenArticles().isEmpty()) {
      b.append("<p class=\"muted\">No pair of articles shares a passage.</p>\n</section>\n");
      return;
    }
    b.append("<p class=\"legend\">Cell colour and number: the share of the <b>row</b> ")
        .append("article's words found in passages shared with the <b>column</b> article ")
        .append("(template text left out). <span class=\"swatch ").append(shade(0.1))
        .append("\"></span> little <span class=\"swatch ").append(shade(0.5))
        .append("\"></span> half <span class=\"swatch ").append(shade(1))
        .append("\"></span> all. Click a cell to see the pair.</p>\n");
    if (rows.size() < page.report.articles().size()) {
      b.append("<p class=\"muted\">Showing ").append(rows.size()).append(" of ")
          .append(page.report.articles().size())
          .append(" articles: those sharing passages, in article order.</p>\n");
    }
    b.append("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th></th>");
    for (int c : rows) {
      b.append("<th title=\"").append(HtmlBidi.shown(page.id(c))).append("\"><a href=\"#")
          .append(articleAnchor(c)).append("\">").append(c + 1).append("</a></th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int r : rows) {
      matrixRow(b, page, r, rows);
    }
    b.append("</tbody>\n</table></div>\n</section>\n");
  }

  private static void matrixRow(StringBuilder b, Page page, int r, List<Integer> columns) {
    b.append("<tr><th class=\"rowh\"><a href=\"#").append(articleAnchor(r)).append("\">")
        .append(r + 1).append("</a> ").append(HtmlBidi.label(page.id(r))).append("</th>");
    for (int c : columns) {
      int pair = page.pairIndex(r, c);
      if (pair < 0) {
        b.append(r == c ? "<td class=\"diag\"></td>" : "<td></td>");
        continue;
      }
      Report.PairEntry p = page.report.pairsBetweenArticles().get(pair);
      double share = page.id(r).equals(p.a()) ? p.containmentA() : p.containmentB();
      String title = page.id(r) + " → " + page.id(c) + ": " + pct(share);
      b.append("<td class=\"cell ").append(shade(share)).append(share > 0.55 ? " dark" : "")
          .append("\"><a href=\"#").append(pairAnchor(pair))
          .append("\" title=\"").append(HtmlBidi.shown(title)).append("\">")
          .append(pct(share)).append("</a></td>");
    }
    b.append("</tr>\n");
  }

  /**
   * The class shading a matrix cell by containment: {@code s0} to {@code s20}, one step per 5%
   * (classes, not style attributes, which the page's Content-Security-Policy forbids).
   */
  static String shade(double share) {
    return "s" + Math.round(20 * Math.max(0, Math.min(1, share)));
  }

  // ---------------------------------------------------------------- ranked pairs

  private static void rankedPairs(StringBuilder b, Page page) {
    b.append("<section id=\"pairs\">\n<h2>Pairs, most shared first</h2>\n");
    List<Report.PairEntry> pairs = page.report.pairsBetweenArticles();
    if (pairs.isEmpty()) {
      b.append("<p class=\"muted\">No pair of articles shares a passage.</p>\n</section>\n");
      return;
    }
    b.append("<p class=\"legend\"><b>a → b</b>: share of a's words in passages shared with b; ")
        .append("<b>b → a</b> likewise for b. Template text (site footers) is in no passage: ")
        .append("see <a href=\"#templates\">Templates</a>.</p>\n");
    b.append("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th class=\"num\">#</th>")
        .append("<th>a</th><th>b</th><th class=\"num\">a → b</th><th class=\"num\">b → a</th>")
        .append("<th class=\"num\">jaccard</th><th class=\"num\">longest</th>")
        .append("<th class=\"num\">passages</th><th></th></tr></thead>\n<tbody>\n");
    int listed = Math.min(pairs.size(), page.limits.pairsListed());
    for (int i = 0; i < listed; i++) {
      Report.PairEntry p = pairs.get(i);
      b.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>")
          .append(page.articleLink(p.a())).append("</td><td>").append(page.articleLink(p.b()))
          .append("</td><td class=\"num\">").append(bar(p.containmentA()))
          .append("</td><td class=\"num\">").append(bar(p.containmentB()))
          .append("</td><td class=\"num\">").append(num2(p.jaccard()))
          .append("</td><td class=\"num\">").append(p.longestPassageWords())
          .append(" words</td><td class=\"num\">").append(p.passages().size())
          .append("</td><td>")
          .append(i < page.limits.pairsInDetail()
              ? "<a href=\"#" + pairAnchor(i) + "\">view</a>" : "")
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
    note(b, ReportLimits.more(pairs.size(), listed, "pair"));
    b.append("</section>\n");
  }

  private static String bar(double share) {
    return String.format(
        Locale.ROOT,
        "<meter class=\"bar\" min=\"0\" max=\"1\" value=\"%.4f\"></meter> %s",
        Math.max(0, Math.min(1, share)),
        pct(share));
  }

  private static void note(StringBuilder b, String note) {
    if (!note.isEmpty()) {
      b.append("<p class=\"muted\">").append(HtmlEscape.text(note)).append(".</p>\n");
    }
  }

  // ---------------------------------------------------------------- one pair

  private static void pair(StringBuilder b, Page page, int index) {
    Report.PairEntry p = page.report.pairsBetweenArticles().get(index);
    String anchor = pairAnchor(index);
    b.append("<section class=\"pair\" id=\"").append(anchor).append("\">\n<h3><a href=\"#")
        .append(anchor).append("\">").append(index + 1).append(".</a> ")
        .append(page.articleLink(p.a())).append(" <span class=\"muted\">↔</span> ")
        .append(page.articleLink(p.b())).append("</h3>\n");
    b.append("<p class=\"meta\">a → b <b>").append(pct(p.containmentA()))
        .append("</b> · b → a <b>").append(pct(p.containmentB())).append("</b> · jaccard ")
        .append(num2(p.jaccard())).append(" · longest passage ").append(p.longestPassageWords())
        .append(" words · ").append(p.passages().size())
        .append(p.passages().size() == 1 ? " passage" : " passages").append("</p>\n");
    directionLine(b, p.direction());
    passageRows(b, page, anchor, p);
    b.append("<details class=\"full\"><summary>Both articles in full, passages highlighted")
        .append("</summary>\n<div class=\"sides\">\n");
    side(b, page, anchor, p, true);
    side(b, page, anchor, p, false);
    b.append("</div>\n</details>\n");
    b.append("</section>\n");
  }

  private static void side(
      StringBuilder b, Page page, String anchor, Report.PairEntry p, boolean sideA) {
    String id = sideA ? p.a() : p.b();
    Report.ArticleEntry article = page.article(id);
    b.append("<div class=\"side\">\n<div class=\"side-head\"><span class=\"tag\">")
        .append(sideA ? "a" : "b").append("</span> ").append(page.articleLink(id));
    if (article != null) {
      String sub = joinPresent(article.title(), article.source());
      if (!sub.isEmpty()) {
        b.append(" <span class=\"muted\">").append(HtmlBidi.label(sub)).append("</span>");
      }
    }
    b.append("</div>\n<div class=\"text\" dir=\"auto\">");
    String text = page.text(id);
    if (text == null) {
      b.append("<span class=\"muted\">(text not in the report)</span> ");
    }
    HtmlSideText.append(b, text, anchor, p.passages(), sideA);
    b.append("</div>\n</div>\n");
  }

  /**
   * The passages of a pair, one row each, side a beside side b (stacked on a narrow screen): the
   * two renderings of a passage are always level, however far apart they are in the two
   * articles. Each row carries its kinds in {@code data-kinds} and its similarity in {@code
   * data-similarity}, which the filters read.
   */
  private static void passageRows(
      StringBuilder b, Page page, String anchor, Report.PairEntry p) {
    if (p.passages().isEmpty()) {
      return;
    }
    b.append("<div class=\"rows\">\n<div class=\"row-head\"><div><span class=\"tag\">a</span> ")
        .append(page.articleLink(p.a())).append("</div><div><span class=\"tag\">b</span> ")
        .append(page.articleLink(p.b())).append("</div></div>\n");
    String aText = page.text(p.a());
    String bText = page.text(p.b());
    for (int j = 0; j < p.passages().size(); j++) {
      Report.PassageEntry x = p.passages().get(j);
      String id = anchor + "-p" + (j + 1);
      b.append("<div class=\"row\" id=\"").append(id).append("\" data-kinds=\"")
          .append(HtmlEscape.text(String.join(" ", kinds(x)))).append("\" data-similarity=\"")
          .append(num2(x.similarity())).append("\">\n<div class=\"row-meta\"><a href=\"#")
          .append(id).append("\">P").append(j + 1).append("</a> ");
      for (String kind : kinds(x)) {
        b.append(kindBadge(kind)).append(' ');
      }
      b.append("similarity ").append(num2(x.similarity())).append(" · ").append(x.wordsA())
          .append(" / ").append(x.wordsB()).append(" words");
      if (x.cluster() != null) {
        b.append(" · cluster ").append(clusterLink(x.cluster()));
      }
      b.append(" · in the full texts: <a href=\"#")
          .append(HtmlSideText.passageAnchor(anchor, j, true)).append("\">a</a>, <a href=\"#")
          .append(HtmlSideText.passageAnchor(anchor, j, false)).append("\">b</a></div>\n");
      rowCell(b, aText, x.a(), x.diff(), true);
      rowCell(b, bText, x.b(), x.diff(), false);
      if (!x.diff().isEmpty() && !isVerbatim(x)) {
        b.append("<div class=\"inline\" dir=\"auto\">");
        inlineDiff(b, HtmlInlineDiff.pieces(x.diff(), aText, bText, start(x.a()), end(x.a())));
        b.append("</div>\n");
      }
      b.append("</div>\n");
    }
    b.append("</div>\n");
  }

  /** One small badge per kind of change, classed {@code k-<kind>} for styles and filters. */
  private static String badges(List<String> kinds) {
    StringBuilder b = new StringBuilder();
    for (String kind : kinds) {
      b.append(b.length() == 0 ? "" : " ").append(kindBadge(kind));
    }
    return b.toString();
  }


  private static void directionLine(StringBuilder b, Report.DirectionEntry d) {
    if (d != null) {
      b.append("<p class=\"meta direction\">").append(HtmlEscape.text(ReportPhrases.direction(d)))
          .append("</p>\n");
    }
  }

  /** One side of a passage row: its words, this side's own words marked. */
  private static void rowCell(
      StringBuilder b, String text, Report.Span span, List<Report.DiffOp> diff, boolean sideA) {
    b.append("<div class=\"cell\" dir=\"auto\"><span class=\"tag\" dir=\"ltr\">")
        .append(sideA ? "a" : "b").append("</span> <mark class=\"passage\">");
    if (span == null) {
      b.append("</mark></div>\n");
      return;
    }
    if (text == null || span.start() < 0 || span.end() > text.length()
        || span.start() > span.end()) {
      b.append(HtmlEscape.text(span.text()));
    } else {
      HtmlSideText.appendWords(b, text, span.start(), span.end(), diff, sideA);
    }
    b.append("</mark></div>\n");
  }

  /** The kinds of change a passage carries, as its {@code kind} names them. */
  static List<String> kinds(Report.PassageEntry x) {
    return x.kinds().isEmpty() ? List.of(x.kind() != null ? x.kind() : "variant") : x.kinds();
  }

  private static boolean isVerbatim(Report.PassageEntry x) {
    return kinds(x).equals(List.of("verbatim"));
  }

  /**
   * The filter bar over the passages of the pairs below. Without JavaScript it says that every
   * passage is shown; the script fills it with a checkbox per kind found in the rows' {@code
   * data-kinds} (whatever kinds the report carries) and a lowest-similarity slider, and hides the
   * rows and pairs they leave out.
   */
  private static void filters(StringBuilder b) {
    b.append("<div class=\"filters\" id=\"filters\" role=\"group\" aria-label=\"Filter ")
        .append("passages\"><span class=\"muted\">Every passage is shown below (the filters need ")
        .append("JavaScript).</span></div>\n");
  }

  private static String kindBadge(String kind) {
    return "<span class=\"badge k-" + HtmlEscape.token(kind) + "\">" + HtmlEscape.text(kind)
        + "</span>";
  }

  private static String clusterLink(String cluster) {
    if (cluster == null) {
      return "";
    }
    return "<a href=\"#" + clusterAnchor(cluster) + "\">" + HtmlBidi.label(cluster) + "</a>";
  }

  /**
   * Writes the pieces as {@code same <del>a only</del> <ins>b only</ins> ...}: a replacement's
   * two sides are set apart by a space, so "including" and "in a responsible manner" do not read
   * as one word.
   */
  private static void inlineDiff(StringBuilder b, List<HtmlInlineDiff.Piece> pieces) {
    HtmlInlineDiff.Kind previous = null;
    for (HtmlInlineDiff.Piece piece : pieces) {
      String text = HtmlEscape.inline(piece.text());
      if (previous == HtmlInlineDiff.Kind.DELETED && piece.kind() == HtmlInlineDiff.Kind.INSERTED) {
        b.append(' ');
      }
      switch (piece.kind()) {
        case DELETED -> b.append("<del>").append(text).append("</del>");
        case INSERTED -> b.append("<ins>").append(text).append("</ins>");
        default -> b.append(text);
      }
      previous = piece.kind();
    }
  }

  // ---------------------------------------------------------------- clusters

  private static void clusters(StringBuilder b, Page page) {
    b.append("<section id=\"clusters\">\n<h2>Clusters</h2>\n");
    List<Report.ClusterEntry> clusters = page.report.clusters();
    if (clusters.isEmpty()) {
      b.append("<p class=\"muted\">No passage recurs in three or more articles.</p>\n");
    } else {
      b.append("<p class=\"legend\">Passages recurring in three or more articles: the ")
          .append("canonical form, then each other occurrence as a word diff against it ")
          .append("(<del>only in the canonical form</del> <ins>only in this occurrence</ins>).")
          .append("</p>\n");
    }
    int shown = Math.min(clusters.size(), page.limits.clusters());
    for (Report.ClusterEntry c : clusters.subList(0, shown)) {
      cluster(b, page, c);
    }
    note(b, ReportLimits.more(clusters.size(), shown, "cluster"));
    b.append("</section>\n");
  }

  // ---------------------------------------------------------------- quote families

  /**
   * The quote families: per family its speaker, the canonical rendering, and each other
   * article's rendering as a word diff against it, with how that article attributes it.
   */
  private static void quoteFamilies(StringBuilder b, Page page) {
    b.append("<section id=\"quotes\">\n<h2>Quote families</h2>\n");
    List<Report.QuoteFamilyEntry> families = page.report.quoteFamilies();
    if (families.isEmpty()) {
      b.append("<p class=\"muted\">").append(HtmlEscape.text(ReportPhrases.NO_QUOTE_FAMILIES))
          .append("</p>\n</section>\n");
      return;
    }
    b.append("<p class=\"legend\">").append(HtmlEscape.text(ReportPhrases.QUOTE_FAMILIES_LEGEND))
        .append(" (<del>only in the canonical rendering</del> <ins>only in this one</ins>).</p>\n");
    int shown = Math.min(families.size(), page.limits.clusters());
    for (Report.QuoteFamilyEntry f : families.subList(0, shown)) {
      b.append("<div class=\"cluster quote-family\" id=\"quote-").append(HtmlEscape.token(f.id()))
          .append("\">\n<h3>").append(HtmlEscape.text(f.id())).append(" ")
          .append(HtmlEscape.text(ReportPhrases.speakerOf(f)))
          .append(" <span class=\"muted\">").append(f.articleCount()).append(" articles · ")
          .append(f.renderings().size()).append(" renderings</span></h3>\n");
      Report.QuoteRenderingEntry canonical = f.renderings().get(0);
      String canonicalText = page.text(canonical.article());
      for (Report.QuoteRenderingEntry r : f.renderings()) {
        b.append("<div class=\"occ").append(r.canonical() ? " canonical" : "")
            .append("\"><div class=\"occ-head\">")
            .append(r.canonical() ? "<span class=\"badge\">canonical</span> " : "")
            .append(page.articleLink(r.article()))
            .append(" <span class=\"badge\">").append(HtmlEscape.text(ReportPhrases.attribution(r)))
            .append("</span>");
        if (!r.kinds().isEmpty()) {
          b.append(' ').append(badges(r.kinds()));
        }
        if (!r.canonical()) {
          b.append(" <span class=\"muted\">similarity ").append(num2(r.similarity()))
              .append("</span>");
        }
        b.append("</div>\n");
        if (r.canonical() || r.diff().isEmpty()) {
          b.append("<div class=\"text\">").append(HtmlEscape.text(r.text())).append("</div>");
        } else {
          b.append("<div class=\"inline\">");
          inlineDiff(
              b,
              HtmlInlineDiff.pieces(
                  r.diff(), canonicalText, page.text(r.article()), canonical.start(),
                  canonical.end()));
          b.append("</div>");
        }
        b.append("</div>\n");
      }
      b.append("</div>\n");
    }
    note(b, ReportPhrases.moreQuoteFamilies(families.size(), shown));
    b.append("</section>\n");
  }

  // ---------------------------------------------------------------- templates

  private static void templates(StringBuilder b, Page page) {
    b.append("<section id=\"templates\">\n<h2>Templates</h2>\n");
    List<Report.TemplateEntry> templates = page.report.templates();
    if (templates.isEmpty()) {
      b.append("<p class=\"muted\">").append(HtmlEscape.text(ReportPhrases.NO_TEMPLATES))
          .append("</p>\n</section>\n");
      return;
    }
    b.append("<p class=\"legend\">").append(HtmlEscape.text(ReportPhrases.TEMPLATES_LEGEND))
        .append("</p>\n");
    int shown = Math.min(templates.size(), page.limits.templates());
    for (Report.TemplateEntry t : templates.subList(0, shown)) {
      b.append("<div class=\"cluster\" id=\"template-").append(HtmlEscape.token(t.id()))
          .append("\">\n<h3>").append(HtmlEscape.text(t.id()))
          .append(" <span class=\"muted\">").append(t.articleCount()).append(" articles · ")
          .append(t.words()).append(" words · ")
          .append(HtmlBidi.shown(ReportPhrases.templateSources(t)))
          .append("</span></h3>\n<div class=\"occ canonical\"><div class=\"text\" dir=\"auto\">")
          .append(HtmlEscape.text(t.text())).append("</div></div>\n<p class=\"muted\">")
          .append("For example in ");
      for (int i = 0; i < t.examples().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(page.articleLink(t.examples().get(i)));
      }
      b.append(".</p>\n</div>\n");
    }
    note(b, ReportLimits.more(templates.size(), shown, "template"));
    b.append("</section>\n");
  }

  private static void cluster(StringBuilder b, Page page, Report.ClusterEntry c) {
    b.append("<div class=\"cluster\" id=\"").append(clusterAnchor(c.id())).append("\">\n<h3>")
        .append(HtmlEscape.text(c.id()))
        .append(" <span class=\"muted\">").append(c.articleCount()).append(" articles · ")
        .append(c.occurrences().size()).append(" occurrences</span></h3>\n");
    directionLine(b, c.earliest());
    occurrences(b, page, c.occurrences());
    b.append("</div>\n");
  }

  /**
   * Renderings of one text in several articles: the canonical one in full, each other one as a
   * word diff against it (a cluster's occurrences; a quote family's renderings likewise).
   */
  private static void occurrences(StringBuilder b, Page page, List<Report.Occurrence> list) {
    Report.Occurrence canonical = canonical(list);
    String canonicalText = canonical == null ? null : page.text(canonical.article());
    for (Report.Occurrence o : list) {
      boolean isCanonical = o == canonical;
      b.append("<div class=\"occ").append(isCanonical ? " canonical" : "")
          .append("\"><div class=\"occ-head\">")
          .append(isCanonical ? "<span class=\"badge\">canonical</span> " : "")
          .append(page.articleLink(o.article()));
      if (!isCanonical) {
        b.append(" <span class=\"muted\">similarity ").append(num2(o.similarity()))
            .append("</span> ").append(badges(o.kinds()));
      }
      b.append("</div>\n");
      if (isCanonical || o.diff().isEmpty()) {
        b.append("<div class=\"text\" dir=\"auto\">").append(HtmlEscape.text(o.text()))
            .append("</div>");
      } else {
        b.append("<div class=\"inline\" dir=\"auto\">");
        inlineDiff(
            b,
            HtmlInlineDiff.pieces(
                o.diff(), canonicalText, page.text(o.article()), canonical.start(),
                canonical.end()));
        b.append("</div>");
      }
      b.append("</div>\n");
    }
  }

  private static Report.Occurrence canonical(List<Report.Occurrence> list) {
    for (Report.Occurrence o : list) {
      if (o.canonical()) {
        return o;
      }
    }
    return list.isEmpty() ? null : list.get(0);
  }

  // ---------------------------------------------------------------- small helpers

  static int start(Report.Span span) {
    return span == null ? -1 : span.start();
  }

  static int end(Report.Span span) {
    return span == null ? -1 : span.end();
  }

  static String articleAnchor(int index) {
    return "article-" + (index + 1);
  }

  static String pairAnchor(int index) {
    return "pair-" + (index + 1);
  }

  static String clusterAnchor(String id) {
    return "cluster-" + HtmlEscape.token(id);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  static String num2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  private static String joinPresent(String first, String second) {
    boolean f = first != null && !first.isBlank();
    boolean s = second != null && !second.isBlank();
    if (f && s) {
      return first + " · " + second;
    }
    return f ? first : s ? second : "";
  }

  /** Look-ups over one report; iteration is only ever over the report's lists. */
  private static final class Page {
    final Report report;
    final ReportLimits limits;
    private final Map<String, Integer> articleIndex = new HashMap<>();
    private final Map<String, Integer> pairIndex = new HashMap<>();
    private final Set<String> shownIds = new HashSet<>();

    Page(Report report, ReportLimits limits) {
      this.report = report;
      this.limits = limits;
      if (report.articles().size() > limits.articles()) {
        List<Report.PairEntry> pairs = report.pairsBetweenArticles();
        for (Report.PairEntry p : pairs.subList(0, Math.min(pairs.size(), limits.pairsListed()))) {
          shownIds.add(p.a());
          shownIds.add(p.b());
        }
        List<Report.ClusterEntry> clusters = report.clusters();
        for (Report.ClusterEntry c : clusters.subList(0, Math.min(clusters.size(), limits.clusters()))) {
          c.occurrences().forEach(o -> shownIds.add(o.article()));
        }
        List<Report.QuoteFamilyEntry> quotes = report.quoteFamilies();
        for (Report.QuoteFamilyEntry f : quotes.subList(0, Math.min(quotes.size(), limits.clusters()))) {
          f.renderings().forEach(r -> shownIds.add(r.article()));
        }
        List<Report.TemplateEntry> templates = report.templates();
        for (Report.TemplateEntry t : templates.subList(0, Math.min(templates.size(), limits.templates()))) {
          shownIds.addAll(t.examples());
        }
      }
      for (int i = 0; i < report.articles().size(); i++) {
        articleIndex.putIfAbsent(report.articles().get(i).id(), i);
      }
      // Only the pairs the page lists: a large report's others are not mapped at all.
      int listed = Math.min(report.pairsBetweenArticles().size(), limits.pairsListed());
      for (int i = 0; i < listed; i++) {
        Report.PairEntry p = report.pairsBetweenArticles().get(i);
        pairIndex.putIfAbsent(key(p.a(), p.b()), i);
        pairIndex.putIfAbsent(key(p.b(), p.a()), i);
      }
    }

    private static String key(String a, String b) {
      return a + '\u0000' + b;
    }

    String id(int index) {
      return report.articles().get(index).id();
    }

    /** Whether article {@code index} is in the articles table. */
    boolean listed(int index) {
      return report.articles().size() <= limits.articles() || shownIds.contains(id(index));
    }

    Report.ArticleEntry article(String id) {
      Integer i = articleIndex.get(id);
      return i == null ? null : report.articles().get(i);
    }

    String text(String id) {
      return report.texts().get(id);
    }

    /** The index of the pair of articles {@code r} and {@code c}, or -1. */
    int pairIndex(int r, int c) {
      Integer i = pairIndex.get(key(id(r), id(c)));
      return i == null ? -1 : i;
    }

    /** The article's id, linked to its row in the articles table when it has one. */
    String articleLink(String id) {
      Integer i = articleIndex.get(id);
      if (i == null || !listed(i)) {
        return "<span class=\"aid\">" + HtmlBidi.label(id) + "</span>";
      }
      return "<a class=\"aid\" href=\"#" + articleAnchor(i) + "\">" + HtmlBidi.label(id) + "</a>";
    }

    int passageCount() {
      int n = 0;
      for (Report.PairEntry p : report.pairsBetweenArticles()) {
        n += p.passages().size();
      }
      return n;
    }

    /** Article indexes for the matrix: all, or when too many those in some pair, capped. */
    List<Integer> matrixArticles() {
      List<Integer> rows = new ArrayList<>();
      int n = report.articles().size();
      if (n <= MATRIX_MAX) {
        for (int i = 0; i < n; i++) {
          rows.add(i);
        }
        return rows;
      }
      Set<String> inPairs = new HashSet<>();
      List<Report.PairEntry> pairs = report.pairsBetweenArticles();
      for (Report.PairEntry p : pairs.subList(0, Math.min(pairs.size(), limits.pairsListed()))) {
        inPairs.add(p.a());
        inPairs.add(p.b());
      }
      for (int i = 0; i < n && rows.size() < MATRIX_MAX; i++) {
        if (inPairs.contains(id(i))) {
          rows.add(i);
        }
      }
      return rows;
    }
  }
}
