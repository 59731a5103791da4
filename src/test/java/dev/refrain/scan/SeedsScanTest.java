package dev.refrain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.ArticleLoader;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.document.LoadResult;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end on the five seed articles: what an editor must see in the report. */
class SeedsScanTest {
  static final String A000 = "000_c36cad3b898c0f9e";
  static final String A001 = "001_3bf4201df3802dec";
  static final String A002 = "002_00bb0b47ee1a1f3c";
  static final String A003 = "003_1db7f69e6dbc993b";
  static final String A004 = "004_e532a696cc3e8e02";

  static Report report;

  @BeforeAll
  static void scanSeeds() {
    LoadResult loaded = new ArticleLoader().load(List.of("seeds"));
    assertEquals(5, loaded.articles().size(), "the five seed articles load");
    ScanResult result = new Scanner(DetectorOptions.defaults()).scan(loaded.articles(), ProgressListener.NONE);
    report = ReportMapper.toReport(result, loaded.problems());
  }

  @Test
  void findsTheKritenbrinkQuoteWithItsRewordedEnding() {
    Report.PassageEntry p =
        passage(A000, A001, "We are not going to Beijing with the intention of making").orElseThrow();
    assertTrue(p.b().text().contains("making breakthroughs or transformation"), p.b().text());
    assertEquals("variant", p.kind());
    assertTrue(
        p.diff().stream().anyMatch(d -> d.op().equals("replace") && d.aText().contains("progress")),
        "the reworded words are diffed: " + p.diff());
  }

  @Test
  void findsTheBalakrishnanQuoteAsOnePassage() {
    List<Report.PassageEntry> parts =
        passages(A003, A004).stream()
            .filter(p -> p.a().text().contains("manage your differences")
                || p.a().text().contains("rest of the world"))
            .toList();
    assertEquals(1, parts.size(), "one passage, not fragments: " + parts);
    Report.PassageEntry p = parts.get(0);
    assertTrue(p.a().text().contains("challenge of the century"), p.a().text());
    assertTrue(p.a().text().contains("The rest of the world will watch you"), p.a().text());
    assertTrue(p.b().text().contains("The rest of the world will be watching"), p.b().text());
    assertEquals("variant", p.kind());
  }

  @Test
  void findsBothBlinkenQuotes() {
    Report.PassageEntry open =
        passage(A003, A004, "open direct lines of communication so that our two countries").orElseThrow();
    assertTrue(open.b().text().contains("in a responsible manner"), open.b().text());
    Report.PassageEntry intense =
        passage(A003, A004, "intense competition requires continuous diplomacy").orElseThrow();
    assertTrue(intense.b().text().contains("intense competition requires intense diplomacy"));
    assertTrue(intense.a().text().contains("does not turn into a confrontation"));
  }

  @Test
  void clustersTheG20SentenceAcrossThreeArticles() {
    Report.ClusterEntry g20 =
        report.clusters().stream()
            .filter(c -> c.occurrences().stream().allMatch(o -> o.text().contains("G20 summit in Indonesia")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no G20 cluster in " + report.clusters()));
    Set<String> articles =
        g20.occurrences().stream().map(Report.Occurrence::article).collect(Collectors.toSet());
    assertEquals(Set.of(A000, A001, A004), articles);
    assertEquals(1, g20.occurrences().stream().filter(Report.Occurrence::canonical).count());
    assertTrue(
        g20.occurrences().stream().filter(o -> !o.canonical()).allMatch(o -> !o.diff().isEmpty()),
        "every variant is diffed against the canonical form");
    for (String[] pair : new String[][] {{A000, A001}, {A000, A004}, {A001, A004}}) {
      Report.PassageEntry p = passage(pair[0], pair[1], "G20 summit").orElseThrow();
      assertEquals(g20.id(), p.cluster());
    }
  }

  @Test
  void reportsTheFooterOnceAsATemplateAndInNoPair() {
    assertEquals(1, report.templates().size(), report.templates().toString());
    Report.TemplateEntry footer = report.templates().get(0);
    assertTrue(footer.text().startsWith("Leave a Reply"), footer.text());
    assertTrue(footer.text().endsWith("Back to top button"), footer.text());
    assertEquals(3, footer.articleCount());
    assertEquals(List.of(A002, A003, A004), footer.examples());
    for (Report.PairEntry p : report.pairs()) {
      for (Report.PassageEntry x : p.passages()) {
        assertFalse(x.a().text().contains("Your email address"), "the footer is in a pair: " + x);
      }
    }
    assertTrue(pair(A002, A003).isEmpty(), "002 and 003 share only the footer");
    for (String id : List.of(A002, A003, A004)) {
      assertTrue(article(id).templateWords() >= 18, id + ": " + article(id).templateWords());
    }
    assertEquals(0, article(A000).templateWords());
  }

  @Test
  void findsTheRewordedBalloonSentenceOf001And003() {
    List<Report.PassageEntry> shared = passages(A001, A003);
    assertEquals(2, shared.size(), shared.toString());
    // The balloon sentence (the aligner's), and beside it the State Department's "open lines
    // of communication" reworded with no 5-word run in common (sentence alignment).
    Report.PassageEntry balloon = shared.get(1);
    assertTrue(balloon.a().text().contains("meteorological craft"), shared.toString());
    assertTrue(balloon.b().text().contains("meteorological vehicle"), shared.toString());
    assertEquals("variant", balloon.kind());
    Report.PassageEntry lines = shared.get(0);
    assertTrue(lines.a().text().startsWith("open lines of communication"), lines.toString());
    assertTrue(lines.b().text().startsWith("open direct lines of communication"), lines.toString());
    assertTrue(lines.kinds().contains("reworded"), lines.toString());
  }

  @Test
  void doesNotPairUnrelatedSentences() {
    assertTrue(pair(A000, A003).isEmpty(), "000 and 003 share no passage");
    for (Report.PairEntry p : report.pairs()) {
      for (Report.PassageEntry x : p.passages()) {
        assertFalse(x.a().text().contains("AUKUS"), "an unrelated sentence was paired: " + x);
        assertFalse(x.a().text().contains("Multiple points of contention"), x.toString());
        assertTrue(x.wordsA() >= 8 && x.wordsB() >= 8, "passage under --min-words: " + x);
      }
    }
  }

  @Test
  void passageTextsAreExactlyTheirOffsets() {
    for (Report.PairEntry p : report.pairs()) {
      String a = text(p.a());
      String b = text(p.b());
      for (Report.PassageEntry x : p.passages()) {
        assertEquals(a.substring(x.a().start(), x.a().end()), x.a().text());
        assertEquals(b.substring(x.b().start(), x.b().end()), x.b().text());
        for (Report.DiffOp d : x.diff()) {
          assertEquals(a.substring(d.aStart(), d.aEnd()), d.aText());
          assertEquals(b.substring(d.bStart(), d.bEnd()), d.bText());
        }
      }
    }
  }

  @Test
  void givesTheSameResultWithOneThreadOrMany() {
    LoadResult loaded = new ArticleLoader().load(List.of("seeds"));
    ScanResult one =
        new Scanner(DetectorOptions.defaults().withThreads(1)).scan(loaded.articles(), ProgressListener.NONE);
    ScanResult four =
        new Scanner(DetectorOptions.defaults().withThreads(4)).scan(loaded.articles(), ProgressListener.NONE);
    assertEquals(ReportMapper.toReport(one, List.of()), ReportMapper.toReport(four, List.of()));
  }

  static String text(String id) {
    return report.texts().get(id);
  }

  static Report.ArticleEntry article(String id) {
    return report.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  static Optional<Report.PairEntry> pair(String a, String b) {
    return report.pairs().stream().filter(p -> p.a().equals(a) && p.b().equals(b)).findFirst();
  }

  static List<Report.PassageEntry> passages(String a, String b) {
    Report.PairEntry p = pair(a, b).orElseThrow(() -> new AssertionError("no pair " + a + " " + b));
    assertNotNull(p);
    return p.passages();
  }

  static Optional<Report.PassageEntry> passage(String a, String b, String inA) {
    return passages(a, b).stream().filter(p -> p.a().text().contains(inA)).findFirst();
  }
}
