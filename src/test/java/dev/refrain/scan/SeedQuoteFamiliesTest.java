package dev.refrain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoadResult;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every quotation two or more seed articles share is one quote family with the right speaker:
 * read from the seeds by hand (seeds/*.txt), not from the detector's output.
 */
class SeedQuoteFamiliesTest {
  static Report report;

  @BeforeAll
  static void scanSeeds() {
    LoadResult loaded = new ArticleLoader().load(List.of("seeds"));
    ScanResult result =
        new Scanner(DetectorOptions.defaults()).scan(loaded.articles(), ProgressListener.NONE);
    report = ReportMapper.toReport(result, loaded.problems());
  }

  /**
   * Each shared quotation: a phrase of it in each of two articles, its speaker's surname (or
   * organisation), and how the second article attributes it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Kritenbrink, 000 and 001 | 000 | We are not going to Beijing | 001 | making breakthroughs or transformation | Kritenbrink | speaker",
        "State Department, 001 and 003 | 001 | open lines of communication in order to responsibly | 003 | responsibly manage Sino-American relations | State Department | speaker",
        "Blinken, open direct lines, 003 and 004 | 003 | bad perceptions | 004 | bad visions | Blinken | speaker",
        "Blinken, intense competition, 003 and 004 | 003 | continuous diplomacy | 004 | requires intense diplomacy | Blinken | speaker",
        "Balakrishnan, 003 and 004 (no 5-word run shared) | 003 | The rest of the world will watch you | 004 | The rest of the world will be watching | Balakrishnan | unnamed",
      })
  void sharedQuotationIsOneFamilyWithItsSpeaker(
      String name, String a, String inA, String b, String inB, String speaker, String attributionInB) {
    Report.QuoteFamilyEntry family = familyHolding(a, inA);
    assertNotNull(family, "no quote family holds \"" + inA + "\" of " + a);
    assertTrue(
        family.renderings().stream().anyMatch(r -> r.article().startsWith(b) && r.text().contains(inB)),
        "family " + family.id() + " lacks \"" + inB + "\" of " + b + ": " + texts(family));
    assertNotNull(family.speaker(), "family " + family.id() + " has no speaker");
    assertTrue(family.speaker().endsWith(speaker), "speaker " + family.speaker() + ", expected " + speaker);
    Report.QuoteRenderingEntry inBRendering =
        family.renderings().stream().filter(r -> r.article().startsWith(b)).findFirst().orElseThrow();
    assertEquals(attributionInB, inBRendering.attribution());
    Set<String> articles =
        family.renderings().stream().map(r -> r.article().substring(0, 3)).collect(Collectors.toSet());
    assertEquals(Set.of(a, b), articles, "family " + family.id() + " renders in other articles too");
  }

  private static Report.QuoteFamilyEntry familyHolding(String article, String phrase) {
    for (Report.QuoteFamilyEntry f : report.quoteFamilies()) {
      for (Report.QuoteRenderingEntry r : f.renderings()) {
        if (r.article().startsWith(article) && r.text().contains(phrase)) {
          return f;
        }
      }
    }
    return null;
  }

  private static List<String> texts(Report.QuoteFamilyEntry f) {
    return f.renderings().stream().map(r -> r.article().substring(0, 3) + ": " + r.text()).toList();
  }
}
