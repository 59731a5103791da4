package dev.refrain.report;

import static dev.refrain.report.HtmlReportRendererTest.article;
import static dev.refrain.report.HtmlReportRendererTest.sampleReport;
import static dev.refrain.report.HtmlReportRendererTest.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {
  private final MarkdownReportRenderer renderer = new MarkdownReportRenderer();

  @Test
  void formatAndFileName() {
    assertEquals("md", renderer.format());
    assertEquals("report.md", renderer.fileName());
  }

  @Test
  void articleTextCannotInjectMarkupOrHtml() {
    String md = renderer.toMarkdown(sampleReport());
    assertFalse(md.contains("<script>"), "raw script tag");
    assertFalse(md.contains("</script>"), "raw script tag");
    assertTrue(md.contains("\\<script\\>alert(\"x\")\\</script\\>"));
    assertTrue(md.contains("Residents & commuters welcomed the news \\| finally."));
    assertTrue(md.contains("- **skipped** broken/\\<bad\\>.html: not UTF-8 & empty"));
  }

  @Test
  void escapesMarkdownSyntax() {
    assertEquals("\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\# f \\| g \\~\\~h\\~\\~ \\\\",
        MarkdownEscape.text("*a* _b_ [c](d) `e` # f | g ~~h~~ \\"));
    assertEquals("AT&T &amp;amp; &amp;\\#60; & x", MarkdownEscape.text("AT&T &amp; &#60; & x"));
    assertEquals("a b c", MarkdownEscape.inline("  a\n\n b\tc \r\n"));
  }

  @Test
  void pairsTableIsRankedAndEscaped() {
    String md = renderer.toMarkdown(sampleReport());
    assertTrue(md.contains("| # | a | b | a→b | b→a | jaccard | longest | passages |\n"
        + "|---:|---|---|---:|---:|---:|---:|---:|\n"
        + "| 1 | feeds/c\\|3 | wire/a1 | 68.8% | 45.8% | 0.42 | 11 words | 1 |\n"
        + "| 2 | local/b2 | wire/a1 | 45.5% | 41.7% | 0.19 | 10 words | 2 |\n"),
        md);
    assertTrue(md.contains("**3** articles · **2** pairs · **3** passages · **1** cluster · **1**"
        + " template in 2 articles · 3 candidate"), md);
  }

  @Test
  void passagesShowExcerptsAndTheWordDiff() {
    String md = renderer.toMarkdown(sampleReport());
    assertTrue(md.contains("## 2. local/b2 ↔ wire/a1\n"));
    assertTrue(md.contains("**P1** · variant · similarity 0.80 · 10 / 10 words\n\n"
        + "> **a** local/b2: Officials said the old bridge would reopen Monday after repairs\n"
        + ">\n"
        + "> **b** wire/a1: Officials said the bridge will reopen on Monday after repairs\n\n"
        + "Diff: Officials said the ~~old~~ bridge ~~would~~ **will** reopen **on** Monday after"
        + " repairs\n"), md);
    assertTrue(md.contains("**P2** · verbatim · similarity 1.00 · 6 / 6 words · cluster C1\n"), md);
    // A verbatim passage has no diff line: the excerpts say it all.
    assertFalse(md.contains("Diff: Residents"));
  }

  @Test
  void clustersShowCanonicalTextAndVariants() {
    String md = renderer.toMarkdown(sampleReport());
    assertTrue(md.contains("### C1 · 3 articles\n\n"
        + "Canonical, in local/b2:\n\n> Subscribe to our newsletter for more.\n\n"
        + "- feeds/c\\|3 (similarity 0.92): Subscribe to our **free** newsletter for more.\n"
        + "- wire/a1 (similarity 1.00): Subscribe to our newsletter for more.\n"), md);
  }

  @Test
  void templatesAreListedOnceWithTheirSourcesAndExamples() {
    String md = renderer.toMarkdown(sampleReport());
    assertTrue(md.contains("## Templates\n\n"), md);
    assertTrue(md.contains("### T1 · 12 articles · 7 words · sources: Local News, Wire\n\n"
        + "> Back to \\<top\\> & share this story\n\nFor example in local/b2, wire/a1.\n"), md);
  }

  @Test
  void longExcerptsAreTruncated() {
    String text = "word ".repeat(100) + "<end>";
    Report.PassageEntry p =
        new Report.PassageEntry(span(text, 0, text.length()), span(text, 0, text.length()), 1, "verbatim", 101, 101, null, List.of());
    Report report =
        new Report(1, null, List.of(article("x", "x", text, null, null), article("y", "y", text, null, null)),
            List.of(new Report.PairEntry("x", "y", 1, 1, 1, 101, List.of(p))), List.of(), List.of(),
            List.of(), null, java.util.Map.of("x", text, "y", text));
    String md = renderer.toMarkdown(report);
    String excerpt = "word ".repeat(39) + "word…\n";
    assertTrue(md.contains("> **a** x: " + excerpt), md);
    assertFalse(md.contains("end"));
  }

  @Test
  void outputIsDeterministicAndTheWriterGetsTheSame() throws IOException {
    String first = renderer.toMarkdown(sampleReport());
    assertEquals(first, new MarkdownReportRenderer().toMarkdown(sampleReport()));
    StringWriter out = new StringWriter();
    renderer.render(sampleReport(), out);
    assertEquals(first, out.toString());
    assertFalse(first.contains("\r"));
    assertTrue(first.endsWith("For example in local/b2, wire/a1.\n"), first);
  }

  @Test
  void matchesGoldenFile() {
    Golden.assertMatchesGolden("report.md", renderer.toMarkdown(sampleReport()));
  }
}
