package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five check renderers together: registry, determinism and golden files; and the sample
 * report the other check renderer tests share.
 */
class CheckRenderersTest {

  // ---------------------------------------------------------------- sample report

  static final String ARCHIVED_X =
      "Archive lead paragraph.\n"
          + "Officials said the \"old\" bridge would reopen Monday after repairs & checks | finally.\n"
          + "Subscribe to our newsletter for more.\n";
  static final String ARTICLE_A1 =
      "Breaking: \"news\" & more | update\n"
          + "Officials said the bridge will reopen on Monday after <script>alert(1)</script>"
          + " repairs & checks | finally.\n"
          + "Subscribe to our newsletter for more.\n";
  static final String ARCHIVED_Y =
      "Markets rose today as traders cheered.\nThe central bank held rates steady for a third month.\n";
  static final String ARTICLE_B2 =
      "Markets rose \u001b[31mtoday\u0007 as \"traders\" cheered.\n"
          + "The central bank held rates steady for a third month.\n";

  static final String A1_ID = "wire/a1 \"Q&A\" <x>";
  static final String A1_PATH = "new/a1 \"Q&A\" <x>.txt";
  static final String B2_ID = "wire/b2";
  static final String B2_PATH = "/srv/feeds/b2 final.txt";

  /**
   * Two checked articles: {@code wire/a1 "Q&A" <x>} over the limit, with a counted variant
   * passage (a word diff, a script tag, {@code &}, {@code |}, quotes) and a boilerplate one;
   * {@code wire/b2} within the limit, with a counted verbatim passage and an allowed variant
   * (terminal control characters in its text). One skipped input file.
   */
  static CheckReport sampleReport() {
    String variantA = "Officials said the \"old\" bridge would reopen Monday after repairs & checks | finally.";
    String variantB =
        "Officials said the bridge will reopen on Monday after <script>alert(1)</script> repairs"
            + " & checks | finally.";
    CheckReport.Passage variant =
        passage(ARCHIVED_X, variantA, ARTICLE_A1, variantB, 0.84, "variant", "counted", 14,
            "equal", "Officials said the", "Officials said the",
            "delete", "\"old\"", "",
            "equal", "bridge", "bridge",
            "replace", "would", "will",
            "equal", "reopen", "reopen",
            "insert", "", "on",
            "equal", "Monday after", "Monday after",
            "insert", "", "<script>alert(1)</script>",
            "equal", "repairs & checks | finally", "repairs & checks | finally");
    String subscribe = "Subscribe to our newsletter for more.";
    CheckReport.Passage boilerplate =
        passage(ARCHIVED_X, subscribe, ARTICLE_A1, subscribe, 1.0, "boilerplate", "boilerplate", 6,
            "equal", "Subscribe to our newsletter for more", "Subscribe to our newsletter for more");
    CheckReport.ArticleResult a1 =
        new CheckReport.ArticleResult(A1_ID, A1_PATH, ARTICLE_A1.length(), 33, 0, 0.4242, true,
            List.of(new CheckReport.Match("archive/x", "archive/x.txt", "Reuters & Co", 0.3512,
                0.25, List.of(variant, boilerplate))));

    String bank = "The central bank held rates steady for a third month.";
    CheckReport.Passage verbatim =
        passage(ARCHIVED_Y, bank, ARTICLE_B2, bank, 1.0, "verbatim", "counted", 10,
            "equal", "The central bank held rates steady for a third month",
            "The central bank held rates steady for a third month");
    CheckReport.Passage allowed =
        passage(ARCHIVED_Y, "Markets rose today as traders cheered.", ARTICLE_B2,
            "Markets rose \u001b[31mtoday\u0007 as \"traders\" cheered.", 0.9, "variant", "allowed", 6,
            "equal", "Markets rose", "Markets rose",
            "replace", "today", "\u001b[31mtoday\u0007",
            "equal", "as", "as",
            "replace", "traders", "\"traders\"",
            "equal", "cheered", "cheered");
    CheckReport.ArticleResult b2 =
        new CheckReport.ArticleResult(B2_ID, B2_PATH, ARTICLE_B2.length(), 16, 0, 0.1, false,
            List.of(new CheckReport.Match("archive/y", "archive/y.jsonl#3", null, 0.1, 0.0909,
                List.of(verbatim, allowed))));

    CheckReport.Settings settings =
        new CheckReport.Settings(0.3, 8, "archive/", 1200, List.of("ap", "afp | wire"),
            "baseline.json");
    return new CheckReport(CheckReport.SCHEMA_VERSION, settings, List.of(a1, b2),
        List.of(new Report.ProblemEntry("new/bad\u0001<1>.html", "skipped",
            "not UTF-8 & \"empty\"")));
  }

  /**
   * A passage of {@code archivedText} and {@code articleText}, with its location and a diff
   * given as (op, archived words, article words) triples, found in order in the two passages.
   */
  static CheckReport.Passage passage(
      String archivedText,
      String archivedPassage,
      String articleText,
      String articlePassage,
      double similarity,
      String kind,
      String status,
      int words,
      String... steps) {
    int aStart = archivedText.indexOf(archivedPassage);
    int bStart = articleText.indexOf(articlePassage);
    assertTrue(aStart >= 0 && bStart >= 0, "passage not in its text");
    Report.Span archived =
        new Report.Span(aStart, aStart + archivedPassage.length(), archivedPassage);
    Report.Span article = new Report.Span(bStart, bStart + articlePassage.length(), articlePassage);
    List<Report.DiffOp> diff = new ArrayList<>();
    int a = aStart;
    int b = bStart;
    for (int i = 0; i < steps.length; i += 3) {
      int[] as = find(archivedText, a, steps[i + 1]);
      int[] bs = find(articleText, b, steps[i + 2]);
      diff.add(new Report.DiffOp(steps[i], as[0], as[1], bs[0], bs[1], steps[i + 1], steps[i + 2]));
      a = as[1];
      b = bs[1];
    }
    return new CheckReport.Passage(
        article, CheckReportMapper.location(articleText, article.start(), article.end()), archived,
        similarity, kind, status, words, diff);
  }

  /** Where {@code words} are in {@code text} from {@code from}; for "" the next word's start. */
  private static int[] find(String text, int from, String words) {
    if (words.isEmpty()) {
      int at = from;
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      return new int[] {at, at};
    }
    int at = text.indexOf(words, from);
    assertTrue(at >= 0, () -> "'" + words + "' not in text after " + from);
    return new int[] {at, at + words.length()};
  }

  static String render(CheckRenderer renderer, CheckReport report) {
    StringWriter out = new StringWriter();
    try {
      renderer.render(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- tests

  @Test
  void registryListsTheFiveFormats() {
    assertEquals(
        List.of("text", "json", "jsonl", "sarif", "junit", "markdown"), CheckRenderers.formats());
    assertEquals(
        List.of("check.txt", "check.json", "check.jsonl", "check.sarif", "check.xml", "check.md"),
        CheckRenderers.all().stream().map(CheckRenderer::fileName).toList());
    assertSame(CheckRenderers.all().get(3), CheckRenderers.forFormat("SARIF"));
    assertEquals("markdown", CheckRenderers.forFormat("md").format());
    assertEquals("junit", CheckRenderers.forFormat("xml").format());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CheckRenderers.forFormat("pdf"));
    assertTrue(e.getMessage().contains("text, json, jsonl, sarif, junit, markdown"), e.getMessage());
  }

  @Test
  void everyRendererIsDeterministicWithUnixLineEnds() {
    for (CheckRenderer r : CheckRenderers.all()) {
      String first = render(r, sampleReport());
      String second = render(r, sampleReport());
      assertEquals(first, second, r.format());
      assertFalse(first.contains("\r"), r.format() + " has a carriage return");
      assertTrue(first.endsWith("\n") && !first.endsWith("\n\n"), r.format() + " ending");
    }
  }

  @Test
  void everyRendererHandlesAnEmptyReport() {
    CheckReport empty =
        new CheckReport(CheckReport.SCHEMA_VERSION,
            new CheckReport.Settings(0.3, 8, "archive/", 0, List.of(), null), List.of(), List.of());
    for (CheckRenderer r : CheckRenderers.all()) {
      assertFalse(render(r, empty).isBlank(), r.format());
    }
    assertEquals("0 articles checked, 0 over the limit\n", render(new CheckTextRenderer(), empty));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "jsonl", "sarif", "junit", "markdown"})
  void outputMatchesGoldenFile(String format) {
    CheckRenderer r = CheckRenderers.forFormat(format);
    Golden.assertMatchesGolden("check/" + r.fileName(), render(r, sampleReport()));
  }
}
