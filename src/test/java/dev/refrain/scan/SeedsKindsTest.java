package dev.refrain.scan;

import static dev.refrain.scan.SeedsScanTest.A000;
import static dev.refrain.scan.SeedsScanTest.A001;
import static dev.refrain.scan.SeedsScanTest.A002;
import static dev.refrain.scan.SeedsScanTest.A003;
import static dev.refrain.scan.SeedsScanTest.A004;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoadResult;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.report.HtmlReportRenderer;
import dev.refrain.report.MarkdownReportRenderer;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kinds of change, direction and internal repeats, end to end on the seed articles. */
class SeedsKindsTest {
  static List<Article> seeds;
  static Report report;

  @BeforeAll
  static void scanSeeds() {
    LoadResult loaded = new ArticleLoader().load(List.of("seeds"));
    seeds = loaded.articles();
    report = scan(seeds);
  }

  static Report scan(List<Article> articles) {
    ScanResult result =
        new Scanner(DetectorOptions.defaults()).scan(articles, ProgressListener.NONE);
    return ReportMapper.toReport(result, List.of());
  }

  static Report.PairEntry pair(Report r, String a, String b) {
    return r.pairs().stream()
        .filter(p -> p.a().equals(a) && p.b().equals(b))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anArticleRepeatingItselfIsAnInternalRepeatAndItsContractPairOnly() {
    assertTrue(
        report.pairsBetweenArticles().stream().noneMatch(p -> p.a().equals(p.b())),
        "no self pair among the pairs people read");
    assertEquals(
        1, report.pairs().stream().filter(p -> p.a().equals(A002) && p.b().equals(A002)).count(),
        "the report contract's pair a == b kept in pairs[]");
    Report.ArticleEntry a002 =
        report.articles().stream().filter(a -> a.id().equals(A002)).findFirst().orElseThrow();
    assertEquals(1, a002.internalRepeats().size(), a002.internalRepeats().toString());
    Report.PassageEntry r = a002.internalRepeats().get(0);
    assertTrue(r.a().text().contains("highest-ranking American official"), r.a().text());
    assertTrue(r.b().start() > r.a().end(), "the repeat comes after its first occurrence");
    assertTrue(r.kinds().contains("reworded"), r.kinds().toString());
    assertEquals(
        report.pairsBetweenArticles().size(), report.stats().pairs(), "stats count pairs of two articles");
  }

  @Test
  void passagesCarryTheirKindsOfChange() {
    Report.PairEntry p = pair(report, A000, A001);
    Report.PassageEntry sea =
        p.passages().stream().filter(x -> x.a().text().equals("Chinese territorial claims in the South China Sea")).findFirst().orElseThrow();
    assertEquals(List.of("verbatim"), sea.kinds());
    Report.PassageEntry quote =
        p.passages().stream().filter(x -> x.a().text().startsWith("We are not going")).findFirst().orElseThrow();
    assertEquals(List.of("reworded"), quote.kinds());
    Report.PassageEntry visit =
        pair(report, A000, A004).passages().stream().filter(x -> x.a().text().startsWith("Antony Blinken’s visit")).findFirst().orElseThrow();
    assertEquals(List.of("reworded", "names-changed"), visit.kinds(), "Beijing against China");
  }

  @Test
  void clusterOccurrencesCarryKindsAndTheClusterItsEarliest() {
    Report.ClusterEntry g20 = report.clusters().get(0);
    assertEquals(List.of("verbatim"), g20.occurrences().get(0).kinds(), "the canonical form");
    assertTrue(g20.occurrences().stream().skip(1).allMatch(o -> !o.kinds().isEmpty()));
    assertEquals(A001, g20.earliest().first(), g20.earliest().reason());
    assertEquals("wire-credit", g20.earliest().basis(), "001 ends with Washington (AFP)");
  }

  @Test
  void theSeedsWithoutDatesOrCreditsAreUnknownOrByTheFullerForm() {
    Report.DirectionEntry d = pair(report, A003, A004).direction();
    assertNull(d.first(), d.reason());
    assertEquals("unknown", d.basis());
  }

  @Test
  void publishedDatesDecideBeforeTheText() {
    List<Article> dated = new ArrayList<>();
    for (Article a : seeds) {
      String published = a.id().equals(A000) ? "2023-06-14" : "2023-06-16T08:00:00Z";
      dated.add(new Article(a.id(), a.path(), a.text(), a.source(), a.title(), published));
    }
    Report r = scan(dated);
    Report.DirectionEntry d = pair(r, A000, A001).direction();
    assertEquals(A000, d.first(), d.reason());
    assertEquals("published 2023-06-14 before 2023-06-16T08:00:00Z", d.reason());
    assertEquals("published", pair(r, A000, A004).direction().basis());
    Report.DirectionEntry same = pair(r, A003, A004).direction();
    assertEquals("unknown", same.basis(), "one instant for both: " + same.reason());
  }

  @Test
  void htmlAndMarkdownLabelTheKindsAndShowTheRepeatOnItsArticle() {
    String html = new HtmlReportRenderer().toHtml(report);
    assertTrue(html.contains("<span class=\"badge k-names-changed\">names-changed</span>"));
    assertTrue(html.contains("<h3>Articles repeating themselves</h3>"));
    assertTrue(html.contains("ran first: 001_3bf4201df3802dec (it carries the wire credit (AFP)"));
    String md = new MarkdownReportRenderer().toMarkdown(report);
    assertTrue(md.contains("**P1** · reworded, names-changed"), md);
    assertTrue(md.contains("## Articles repeating themselves"), md);
    assertTrue(!md.contains("002\\_00bb0b47ee1a1f3c ↔ 002\\_00bb0b47ee1a1f3c"), "no pair of 002 with itself");
  }
}
