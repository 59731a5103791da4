package dev.refrain.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteGrouperTest {
  private final TextNormalizer normalizer = new TextNormalizer(42L);
  private final QuoteFinder finder = new QuoteFinder();

  private List<QuoteFamily> families(String... texts) {
    List<Rendering> all = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      all.addAll(Rendering.of(i, texts[i], normalizer.tokenize(texts[i]), finder.find(texts[i])));
    }
    return new QuoteGrouper().group(all);
  }

  @Test
  void twoTranslationsSharingNoFiveWordRunAreOneFamily() {
    List<QuoteFamily> f =
        families(
            "Vivian Balakrishnan spoke. “The rest of the world will watch you. We hope you will"
                + " manage your differences,” Balakrishnan said.",
            "“The rest of the world will be watching, and we hope that you can manage the"
                + " differences,” said Vivian Balakrishnan.");
    assertEquals(1, f.size());
    assertEquals("Vivian Balakrishnan", f.get(0).speaker());
    assertEquals(2, f.get(0).articleCount());
  }

  @Test
  void spellingVariantsOfANameAreOneSpeaker() {
    List<QuoteFamily> f =
        families(
            "“Intense competition requires continuous diplomacy,” said Antony Blinken.",
            "“Intense competition requires intense diplomacy,” said Anthony Blinken.",
            "“Intense competition requires more diplomacy,” said Antony Blinken.");
    assertEquals(1, f.size());
    assertEquals("Antony Blinken", f.get(0).speaker());
    for (QuoteFamily.Member m : f.get(0).members()) {
      assertEquals(QuoteFamily.Attribution.SPEAKER, m.attribution());
    }
  }

  @Test
  void anotherSpeakerOrNoneIsReportedPerRendering() {
    List<QuoteFamily> f =
        families(
            "“Sanctions against the regime will stay until the border reopens,” said Kaja Kallas.",
            "“Sanctions against the regime will stay until the border reopens,” said Kaja Kallas.",
            "“Sanctions against the regime will stay until the border reopens,” said Olaf Scholz.",
            "Posters read “sanctions against the regime will stay until the border reopens” today.");
    assertEquals(1, f.size());
    List<QuoteFamily.Attribution> got =
        f.get(0).members().stream().map(QuoteFamily.Member::attribution).toList();
    assertEquals(
        List.of(
            QuoteFamily.Attribution.SPEAKER, QuoteFamily.Attribution.SPEAKER,
            QuoteFamily.Attribution.OTHER, QuoteFamily.Attribution.NONE),
        got);
  }

  @Test
  void quotesOnDifferentTopicsStayApart() {
    List<QuoteFamily> f =
        families(
            "“The harvest was the worst in a decade,” said Maria Lopez.",
            "“Our team will win the final on Sunday,” said Maria Lopez.");
    assertEquals(List.of(), f);
  }

  @Test
  void theCanonicalRenderingIsDiffedAgainstEachOther() {
    List<QuoteFamily> f =
        families(
            "“We are not going to Beijing with the intention of making progress,” said Daniel Kritenbrink.",
            "“We are not going to Beijing with the intention of making breakthroughs,” Kritenbrink said.");
    assertEquals(1, f.size());
    QuoteFamily family = f.get(0);
    QuoteFamily.Member other = family.members().get(1 - family.canonical());
    assertTrue(other.diff().stream().anyMatch(e -> e.kind() == dev.refrain.diff.Edit.Kind.REPLACE), other.diff().toString());
    assertEquals("Daniel Kritenbrink", family.speaker());
  }

  @Test
  void similarityCountsSpellingVariants() {
    assertEquals(1.0, QuoteGrouper.similarityOfTexts("Antony met relations", "Anthony met relationship"), 1e-9);
  }

  @Test
  void aQuotationManyArticlesRepeatIsOneFamilyAtBoundedCost() {
    for (int n : new int[] {1_000, 4_000}) {
      List<Rendering> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // Every article repeats one quotation (all its stems held by every quote) and has one
        // quote of its own.
        String text =
            "“Markets rally strongly after central bankers signal cautious patience,” said Lena"
                + " Ortiz. Separately “harvest w" + i + " yields x" + i + " grew,” said Ana Bel.";
        all.addAll(Rendering.of(i, text, normalizer.tokenize(text), finder.find(text)));
      }
      long[] compared = {0};
      List<QuoteFamily> f = new QuoteGrouper().group(all, () -> compared[0]++);
      assertTrue(
          compared[0] <= (long) all.size() * QuoteGrouper.BLOCKING_STEMS * QuoteGrouper.MAX_POSTINGS,
          all.size() + " quotes: " + compared[0] + " comparisons");
      assertEquals(1, f.size(), "one quotation, one family");
      assertEquals(n, f.get(0).articleCount());
      assertEquals("Lena Ortiz", f.get(0).speaker());
    }
  }

  @Test
  void aSpeakerIsNamedByTheFormMostArticlesUseNotMostQuotes() {
    String q1 = "Intense competition requires continuous diplomacy to avoid conflict";
    String q2 = "The world expects the cooperation of both countries on climate";
    String[] texts = {
      "Anthony Blinken spoke. “" + q1 + ",” Anthony Blinken said. “" + q2 + ",” he said.",
      "Antony Blinken spoke on Friday. “" + q1 + ",” Blinken said.",
      "Antony Blinken spoke on Monday. “" + q2 + ",” Blinken said.",
    };
    List<Rendering> all = new ArrayList<>();
    List<List<String>> people = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      QuoteFinder.Found found = finder.findWithPeople(texts[i]);
      all.addAll(Rendering.of(i, texts[i], normalizer.tokenize(texts[i]), found));
      people.add(found.people());
    }
    List<QuoteFamily> byArticles = new QuoteGrouper().group(all, people);
    assertEquals(2, byArticles.size());
    for (QuoteFamily f : byArticles) {
      assertEquals("Antony Blinken", f.speaker(), "two articles say Antony, one Anthony");
    }
  }
}
