package dev.refrain.report;

import static dev.refrain.report.CheckRenderersTest.sampleReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckMarkdownRendererTest {
  private final CheckMarkdownRenderer renderer = new CheckMarkdownRenderer();

  @Test
  void formatAndFileName() {
    assertEquals("markdown", renderer.format());
    assertEquals("check.md", renderer.fileName());
  }

  @Test
  void headingCountsAndTable() {
    String md = renderer.toMarkdown(sampleReport());
    assertTrue(md.startsWith("## refrain check · ❌ 1 over the limit · ✅ 1 within\n\n"), md);
    assertTrue(md.contains("Checked **2** articles against **1200** archived articles (archive/)"
        + " · limit 30.0% of words · passages of 8+ words · allowed sources: ap, afp \\| wire"
        + " · baseline baseline.json\n"), md);
    assertTrue(md.contains("| article | reused | limit | status | top match |\n"
        + "|---|---:|---:|---|---|\n"
        + "| wire/a1 \"Q&A\" \\<x\\> | 42.4% | 30.0% | ❌ over | archive/x (Reuters & Co) · 35.1% |\n"
        + "| wire/b2 | 10.0% | 30.0% | ✅ ok | archive/y · 10.0% |\n"), md);
    // A control character from the input is shown, not passed on.
    assertTrue(md.contains("- **skipped** new/bad\\u0001\\<1\\>.html: not UTF-8 & \"empty\"\n"), md);
  }

  @Test
  void exceededArticlesListTheirCountedPassagesInDetails() {
    String md = renderer.toMarkdown(sampleReport());
    assertTrue(md.contains("### Over the limit\n\n<details>\n<summary>❌ wire/a1 &quot;Q&amp;A&quot;"
        + " &lt;x&gt;: 42.4% reused (limit 30.0%), 1 counted passage</summary>\n\n"), md);
    assertTrue(md.contains("**1.** shared with **archive/x** (Reuters & Co) · line 2 · variant ·"
        + " similarity 0.84 · 14 words\n\n"
        + "> Officials said the bridge will reopen on Monday after \\<script\\>alert(1)"
        + "\\</script\\> repairs & checks \\| finally.\n\n"), md);
    assertTrue(md.contains("Diff: Officials said the ~~\"old\"~~ bridge ~~would~~ **will** reopen"
        + " **on** Monday after **\\<script\\>alert(1)\\</script\\>** repairs & checks \\| finally.\n"),
        md);
    assertTrue(md.contains("Not counted: 1 passage (1 boilerplate).\n\n</details>\n"), md);
    assertEquals(1, md.split("<details>", -1).length - 1, "only the exceeded article");
    assertFalse(md.contains("central bank"), "passing articles are not detailed");
  }

  @Test
  void articleTextCannotInjectMarkupOrHtml() {
    String md = renderer.toMarkdown(sampleReport());
    assertFalse(md.contains("<script>"), "raw script tag");
    assertFalse(md.contains("<x>"), "raw tag from an id");
    for (String line : md.lines().toList()) {
      if (line.startsWith("<") ) {
        assertTrue(List.of("<details>", "</details>").contains(line)
            || line.startsWith("<summary>"), line);
      }
    }
  }

  @Test
  void excerptsAreAtMost200Characters() {
    CheckReport r = sampleReport();
    String longText = "word ".repeat(100).strip();
    CheckReport.Passage p = r.articles().get(0).matches().get(0).passages().get(0);
    CheckReport.Passage longPassage =
        new CheckReport.Passage(new Report.Span(0, longText.length(), longText), p.location(),
            p.archived(), p.similarity(), p.kind(), p.status(), 100, List.of());
    CheckReport.ArticleResult a = r.articles().get(0);
    CheckReport.Match m = a.matches().get(0);
    CheckReport report =
        new CheckReport(r.schemaVersion(), r.settings(),
            List.of(new CheckReport.ArticleResult(a.id(), a.path(), a.chars(), a.words(), 0,
                a.containment(), true,
                List.of(new CheckReport.Match(m.archivedId(), m.archivedPath(), m.archivedSource(),
                    m.containment(), m.containmentArchived(), List.of(longPassage))))),
            List.of());
    String md = renderer.toMarkdown(report);
    String quote = md.lines().filter(l -> l.startsWith("> ")).findFirst().orElseThrow();
    assertEquals(CheckMarkdownRenderer.EXCERPT_CHARS, quote.length() - 2);
    assertTrue(quote.endsWith("…"));
    assertFalse(md.contains("Diff:"), "no diff steps, no diff line");
  }

  @Test
  void staysWithinAPullRequestCommentWhenManyArticlesFail() {
    CheckReport one = sampleReport();
    CheckReport.ArticleResult failing =
        one.articles().stream().filter(CheckReport.ArticleResult::exceeded).findFirst().orElseThrow();
    List<CheckReport.ArticleResult> many = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      many.add(new CheckReport.ArticleResult(
          String.format(java.util.Locale.ROOT, "a%04d", i), failing.path(), failing.chars(),
          failing.words(), 0, failing.containment(), true, failing.matches()));
    }
    String md = renderer.toMarkdown(new CheckReport(one.schemaVersion(), one.settings(), many, List.of()));
    assertTrue(md.length() < 65_536, "length " + md.length());
    assertTrue(md.contains("more articles over the limit left out"), md.substring(md.length() - 300));
  }
}
