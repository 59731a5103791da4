package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
  static final String SCRIPT = "<script>alert(\"x\")</script>";
  static final String A1 =
      "Officials said the bridge will reopen on Monday after repairs.\n"
          + "Residents & commuters welcomed the news | finally.\n"
          + SCRIPT + "\n"
          + "Subscribe to our newsletter for more.\n";
  static final String B2 =
      "Officials said the old bridge would reopen Monday after repairs.\n"
          + "Traffic was light.\n"
          + "Subscribe to our newsletter for more.\n";
  static final String C3 =
      "Residents & commuters welcomed the news | finally.\n"
          + SCRIPT + "\n"
          + "Subscribe to our free newsletter for more.\n";

  private final HtmlReportRenderer renderer = new HtmlReportRenderer();

  // ------------------------------------------------------------------ the sample report

  /**
   * Three articles: {@code feeds/c|3} and {@code wire/a1} share a verbatim passage holding a
   * script tag; {@code local/b2} and {@code wire/a1} a reworded sentence (delete, replace,
   * insert) and a newsletter line, which recurs in all three (cluster C1). One template, T1, and
   * one skipped file.
   */
  static Report sampleReport() {
    Report.Settings settings =
        new Report.Settings(5, 8, 8, 4, 0.6, 3, 200, "words", "nfkc-fold-lower/1");
    List<Report.ArticleEntry> articles =
        List.of(
            article("feeds/c|3", "feeds/c|3.txt", C3, null, null),
            article("local/b2", "local/b2.html", B2, "Local News", null),
            article("wire/a1", "wire/a1.txt", A1, "Wire", "Bridge <b>reopens</b> & more"));
    int[][] wb = words(B2);
    int[][] wa = words(A1);
    List<Report.DiffOp> variant =
        List.of(
            op("equal", B2, wb, 0, 3, A1, wa, 0, 3),
            op("delete", B2, wb, 3, 4, A1, wa, 3, 3),
            op("equal", B2, wb, 4, 5, A1, wa, 3, 4),
            op("replace", B2, wb, 5, 6, A1, wa, 4, 5),
            op("equal", B2, wb, 6, 7, A1, wa, 5, 6),
            op("insert", B2, wb, 7, 7, A1, wa, 6, 7),
            op("equal", B2, wb, 7, 10, A1, wa, 7, 10));
    Report.PassageEntry reworded =
        new Report.PassageEntry(
            span(B2, wb[0][0], wb[9][1]), span(A1, wa[0][0], wa[9][1]), 0.8, "variant",
            10, 10, null, variant);
    Report.PassageEntry boilerplate =
        new Report.PassageEntry(
            sentence(B2, "Subscribe"), sentence(A1, "Subscribe"), 1.0, "verbatim", 6, 6,
            "C1", List.of(equalOp(B2, A1, "Subscribe", "more")));
    String quote = "Residents";
    Report.PassageEntry verbatim =
        new Report.PassageEntry(
            span(C3, C3.indexOf(quote), C3.indexOf(SCRIPT) + SCRIPT.length()),
            span(A1, A1.indexOf(quote), A1.indexOf(SCRIPT) + SCRIPT.length()),
            1.0, "verbatim", 11, 11, null,
            List.of(equalOp(C3, A1, quote, "script>\n")));
    List<Report.PairEntry> pairs =
        List.of(
            new Report.PairEntry("feeds/c|3", "wire/a1", 0.6875, 0.4583, 0.4211, 11,
                List.of(verbatim)),
            new Report.PairEntry("local/b2", "wire/a1", 0.4545, 0.4167, 0.1852, 10,
                List.of(reworded, boilerplate)));
    int[][] wc = words(C3);
    int subC = wordAt(wc, C3.indexOf("Subscribe"));
    int subB = wordAt(wb, B2.indexOf("Subscribe"));
    Report.ClusterEntry cluster =
        new Report.ClusterEntry(
            "C1", 3,
            List.of(
                occurrence("local/b2", B2, true, 1.0, List.of()),
                occurrence("feeds/c|3", C3, false, 0.92,
                    List.of(
                        op("equal", B2, wb, subB, subB + 3, C3, wc, subC, subC + 3),
                        op("insert", B2, wb, subB + 3, subB + 3, C3, wc, subC + 3, subC + 4),
                        op("equal", B2, wb, subB + 3, subB + 6, C3, wc, subC + 4, subC + 7))),
                occurrence("wire/a1", A1, false, 1.0,
                    List.of(equalOp(B2, A1, "Subscribe", "more")))));
    List<Report.ProblemEntry> problems =
        List.of(new Report.ProblemEntry("broken/<bad>.html", "skipped", "not UTF-8 & empty"));
    List<Report.TemplateEntry> templates =
        List.of(
            new Report.TemplateEntry(
                "T1", "Back to <top> & share this story", 7, List.of("Local News", "Wire"), 12,
                List.of("local/b2", "wire/a1"), false));
    return new Report(
        Report.SCHEMA_VERSION, settings, articles, pairs, List.of(cluster), templates, problems,
        new Report.Stats(3, 3, 2, 3, 1, 1, 2, 0, 1),
        texts("feeds/c|3", C3, "local/b2", B2, "wire/a1", A1));
  }

  static Report.ArticleEntry article(
      String id, String path, String text, String source, String title) {
    return new Report.ArticleEntry(
        id, path, text.length(), words(text).length, 0, source, title, null, 0);
  }

  /** The texts the report's renderers show, by id. */
  static java.util.Map<String, String> texts(String... idAndText) {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    for (int i = 0; i < idAndText.length; i += 2) {
      m.put(idAndText[i], idAndText[i + 1]);
    }
    return m;
  }

  /** Words as {@code [start, end)} offsets: runs of letters and digits. */
  static int[][] words(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out.toArray(new int[0][]);
  }

  static int wordAt(int[][] words, int offset) {
    for (int i = 0; i < words.length; i++) {
      if (words[i][0] == offset) {
        return i;
      }
    }
    throw new IllegalArgumentException("no word at " + offset);
  }

  static Report.Span span(String text, int start, int end) {
    return new Report.Span(start, end, text.substring(start, end));
  }

  /** The sentence starting with {@code first}, up to and including its full stop. */
  static Report.Span sentence(String text, String first) {
    int start = text.indexOf(first);
    return span(text, start, text.indexOf('.', start) + 1);
  }

  /** An {@code equal} step from word {@code first} to the word before {@code after}'s end. */
  static Report.DiffOp equalOp(String a, String b, String first, String last) {
    int as = a.indexOf(first);
    int bs = b.indexOf(first);
    int ae = a.indexOf(last, as) + last.replaceAll("[^\\p{L}]+$", "").length();
    int be = b.indexOf(last, bs) + last.replaceAll("[^\\p{L}]+$", "").length();
    return new Report.DiffOp("equal", as, ae, bs, be, a.substring(as, ae), b.substring(bs, be));
  }

  /** A diff step over word ranges, placed like ReportMapper places empty sides. */
  static Report.DiffOp op(
      String kind, String a, int[][] wa, int aFrom, int aTo, String b, int[][] wb, int bFrom,
      int bTo) {
    int[] sa = range(wa, aFrom, aTo);
    int[] sb = range(wb, bFrom, bTo);
    return new Report.DiffOp(
        kind, sa[0], sa[1], sb[0], sb[1], a.substring(sa[0], sa[1]), b.substring(sb[0], sb[1]));
  }

  private static int[] range(int[][] w, int from, int to) {
    if (from < to) {
      return new int[] {w[from][0], w[to - 1][1]};
    }
    int at = from > 0 ? w[from - 1][1] : w[0][0];
    return new int[] {at, at};
  }

  static Report.Occurrence occurrence(
      String article, String text, boolean canonical, double similarity,
      List<Report.DiffOp> diff) {
    Report.Span s = sentence(text, "Subscribe");
    return new Report.Occurrence(article, s.start(), s.end(), s.text(), canonical, similarity, diff);
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  // ------------------------------------------------------------------ tests

  @Test
  void formatAndFileName() {
    assertEquals("html", renderer.format());
    assertEquals("report.html", renderer.fileName());
  }

  @Test
  void articleTextIdsAndPathsAreEscaped() {
    String html = renderer.toHtml(sampleReport());
    assertFalse(html.contains("<script>alert"), "raw script from article text");
    assertFalse(html.contains("<b>reopens"), "raw tag from a title");
    assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assertTrue(html.contains("Residents &amp; commuters welcomed the news | finally."));
    assertTrue(html.contains("Bridge &lt;b&gt;reopens&lt;/b&gt; &amp; more"));
    assertTrue(html.contains("<code>broken/&lt;bad&gt;.html</code> not UTF-8 &amp; empty"));
    assertTrue(html.contains("title=\"feeds/c|3 → wire/a1: 68.8%\""), "attribute escaped");
    // The page's own script is the only one.
    assertEquals(1, count(html, "<script>"));
  }

  @Test
  void sharedPassagesAreHighlightedWithTheirVariantWords() {
    String html = renderer.toHtml(sampleReport());
    assertTrue(html.contains(
        "<mark class=\"passage\" id=\"pair-2-p1-a\" data-peer=\"pair-2-p1-b\"><sup class=\"pn\">"
            + "<a href=\"#pair-2-p1-b\">P1</a></sup>Officials said the <del>old</del> bridge "
            + "<del>would</del> reopen Monday after repairs</mark>."), html);
    assertTrue(html.contains(
        "<mark class=\"passage\" id=\"pair-2-p1-b\" data-peer=\"pair-2-p1-a\"><sup class=\"pn\">"
            + "<a href=\"#pair-2-p1-a\">P1</a></sup>Officials said the bridge <ins>will</ins> "
            + "reopen <ins>on</ins> Monday after repairs</mark>."));
    assertTrue(html.contains(
        "<mark class=\"passage\" id=\"pair-2-p2-a\" data-peer=\"pair-2-p2-b\">"
            + "<sup class=\"pn\"><a href=\"#pair-2-p2-b\">P2</a></sup>"
            + "Subscribe to our newsletter for more.</mark>"));
    assertTrue(html.contains(
        "<a href=\"#pair-1-p1-a\">P1</a></sup>Residents &amp; commuters welcomed the news | "
            + "finally.\n&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</mark>"));
  }

  @Test
  void passageListAndClustersShowInlineWordDiffs() {
    String html = renderer.toHtml(sampleReport());
    assertTrue(html.contains(
        "<td class=\"inline\">Officials said the <del>old</del> bridge <del>would</del> "
            + "<ins>will</ins> reopen <ins>on</ins> Monday after repairs</td>"));
    assertTrue(html.contains("<a href=\"#cluster-C1\">C1</a>"));
    assertTrue(html.contains("<div class=\"cluster\" id=\"cluster-C1\">"));
    assertTrue(html.contains(
        "<div class=\"inline\">Subscribe to our <ins>free</ins> newsletter for more.</div>"));
    assertTrue(html.contains(
        "<span class=\"badge\">canonical</span> <a class=\"aid\" href=\"#article-2\">local/b2</a>"
            + "</div>\n<div class=\"text\">Subscribe to our newsletter for more.</div>"));
  }

  @Test
  void matrixAndTablesLinkToPairsAndArticles() {
    String html = renderer.toHtml(sampleReport());
    assertTrue(html.contains("<section class=\"pair\" id=\"pair-1\">"));
    assertTrue(html.contains("<section class=\"pair\" id=\"pair-2\">"));
    assertTrue(html.contains("<tr id=\"article-3\"><td class=\"num\">3</td>"));
    // Row wire/a1, column feeds/c|3: the share of wire/a1 found in feeds/c|3 (containmentB).
    assertTrue(html.contains(
        "<a href=\"#pair-1\" title=\"wire/a1 → feeds/c|3: 45.8%\">45.8%</a>"));
    assertTrue(html.contains("<td class=\"diag\"></td>"));
    assertTrue(html.contains("<h1>refrain report</h1>"));
    assertTrue(html.contains("<tr><th>normalization</th><td>nfkc-fold-lower/1</td></tr>"));
  }

  @Test
  void outputIsDeterministicAndTheWriterGetsTheSame() throws IOException {
    Report report = sampleReport();
    String first = renderer.toHtml(report);
    assertEquals(first, new HtmlReportRenderer().toHtml(sampleReport()));
    StringWriter out = new StringWriter();
    renderer.render(report, out);
    assertEquals(first, out.toString());
    assertFalse(first.contains("\r"));
  }

  @Test
  void pageIsSelfContained() {
    String html = renderer.toHtml(sampleReport());
    for (String ref : List.of("src=\"http", "href=\"http", "src=\"//", "href=\"//", "<link",
        "@import", "url(", "<img")) {
      assertFalse(html.contains(ref), "external reference: " + ref);
    }
    assertTrue(html.startsWith("<!DOCTYPE html>\n"));
    assertTrue(html.endsWith("</html>\n"));
  }

  @Test
  void highlightTagsAreBalanced() {
    assertBalanced(renderer.toHtml(sampleReport()));
  }

  static void assertBalanced(String html) {
    for (String tag : List.of("mark", "del", "ins", "section", "table", "div", "sup", "a")) {
      int open = count(html, "<" + tag + ">") + count(html, "<" + tag + " ");
      assertEquals(open, count(html, "</" + tag + ">"), "<" + tag + "> open vs close");
    }
    // Properly nested: a stack over the highlight tags never closes the wrong one.
    Matcher m = Pattern.compile("<(/?)(mark|del|ins|sup)[ >]").matcher(html);
    List<String> stack = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).isEmpty()) {
        stack.add(m.group(2));
      } else {
        assertFalse(stack.isEmpty(), "close without open at " + m.start());
        assertEquals(stack.remove(stack.size() - 1), m.group(2), "misnested at " + m.start());
      }
    }
    assertTrue(stack.isEmpty());
  }

  @Test
  void overlappingPassagesAndOddOffsetsStillNestAndKeepTheText() {
    String text = "one two three four five six seven eight nine ten <&> eleven twelve";
    Report.DiffOp wild = new Report.DiffOp("replace", -5, 500, 3, 2, "x", "y");
    List<Report.PassageEntry> passages =
        List.of(
            new Report.PassageEntry(span(text, 4, 30), span(text, 0, 10), 0.9, "variant",
                5, 2, null, List.of(new Report.DiffOp("delete", 8, 18, 3, 3, "three four", ""),
                    wild)),
            new Report.PassageEntry(span(text, 14, 40), span(text, 5, 20), 0.9, "verbatim", 5, 3, null, List.of(wild)),
            new Report.PassageEntry(span(text, 18, 25), span(text, 60, text.length()), 0.9, "verbatim", 2, 1, null, List.of()),
            new Report.PassageEntry(new Report.Span(-3, 900, "?"), new Report.Span(50, 40, "?"),
                0.5, "variant", 1, 1, null, List.of()));
    Report report =
        new Report(
            1, null, List.of(article("x", "x.txt", text, null, null)),
            List.of(new Report.PairEntry("x", "x", 1, 1, 1, 5, passages)), List.of(), List.of(), List.of(),
            null, texts("x", text));
    String html = renderer.toHtml(report);
    assertBalanced(html);
    for (String side : sideTexts(html)) {
      String plain = side.replaceAll("<sup class=\"pn\">.*?</sup>", "").replaceAll("<[^>]+>", "");
      assertEquals(HtmlEscape.text(text), plain);
    }
    // Each passage keeps its anchor on both sides, even when wholly covered by another.
    for (int j = 1; j <= passages.size(); j++) {
      assertEquals(1, count(html, "id=\"pair-1-p" + j + "-a\""));
      assertEquals(1, count(html, "id=\"pair-1-p" + j + "-b\""));
    }
  }

  private static List<String> sideTexts(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<div class=\"side\">\n.*?\n<div class=\"text\">(.*?)</div>\n</div>",
        Pattern.DOTALL).matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    assertEquals(2, out.size());
    return out;
  }

  @Test
  void templatesAreListedOnceWithTheirSourcesAndExamplesEscaped() {
    String html = renderer.toHtml(sampleReport());
    assertTrue(html.contains("<a href=\"#templates\">Templates</a>"), html);
    assertTrue(html.contains("<h3>T1 <span class=\"muted\">12 articles · 7 words · sources: Local"
        + " News, Wire</span></h3>"), html);
    assertTrue(html.contains("Back to &lt;top&gt; &amp; share this story"), html);
    assertTrue(html.contains("For example in <a class=\"aid\" href=\"#article-2\">local/b2</a>"),
        html);
  }

  @Test
  void aLargeReportShowsItsTopPairsAndSaysHowManyItLeftOut() {
    Report big = sampleReport();
    String html = new HtmlReportRenderer(new ReportLimits(1, 1, 0, 0, 1)).toHtml(big);
    assertTrue(html.contains("1 more pair not shown here"), html);
    assertTrue(html.contains("1 more cluster not shown here"), html);
    assertTrue(html.contains("1 more template not shown here"), html);
    assertTrue(html.contains("2 of 3 articles listed"), html);
    assertFalse(html.contains("id=\"pair-2\""), "only the first pair in detail");
    assertTrue(html.contains("articles listed: those in the pairs, clusters and templates shown"));
    assertBalanced(html);
  }

  @Test
  void emptyReportRenders() {
    Report empty =
        new Report(1, null, List.of(), List.of(), List.of(), List.of(), List.of(),
            new Report.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0), java.util.Map.of());
    String html = renderer.toHtml(empty);
    assertTrue(html.contains("No articles."));
    assertTrue(html.contains("No passage recurs in three or more articles."));
    assertBalanced(html);
  }

  @Test
  void matchesGoldenFile() {
    Golden.assertMatchesGolden("report.html", renderer.toHtml(sampleReport()));
  }
}
