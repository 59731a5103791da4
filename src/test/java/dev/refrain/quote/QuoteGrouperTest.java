package dev.refrain.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  /**
   * Articles quoting a few of many quotations, each rendered with changes (a word dropped, a word
   * spelt otherwise, a word replaced), attributed to a speaker under one of two spellings, to
   * "he", to someone else or to no one; with each article's people.
   */
  private void generated(int articles, long seed, List<Rendering> all, List<List<String>> people) {
    Random random = new Random(seed);
    String[] syllables = {"ka", "lo", "mer", "tis", "van", "dre", "pol", "su", "gan", "rie", "thu", "bex"};
    String[] vocabulary = new String[400];
    for (int w = 0; w < vocabulary.length; w++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0, n = 2 + random.nextInt(2); k < n; k++) {
        b.append(syllables[random.nextInt(syllables.length)]);
      }
      vocabulary[w] = b.toString();
    }
    String[][] quotations = new String[120][];
    for (int q = 0; q < quotations.length; q++) {
      quotations[q] = new String[6 + random.nextInt(10)];
      for (int k = 0; k < quotations[q].length; k++) {
        quotations[q][k] = vocabulary[random.nextInt(vocabulary.length)];
      }
    }
    String[][] speakers = {
      {"Antony Blinken", "Anthony Blinken"}, {"Vivian Balakrishnan", "Vivian Balakrishnan"},
      {"Kaja Kallas", "Kaya Kallas"}, {"Olaf Scholz", "Olaf Scholz"}, {"Maria Lopez", "Mario Lopez"}
    };
    for (int a = 0; a < articles; a++) {
      StringBuilder text = new StringBuilder("Reporters met on Monday.");
      for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
        String[] words = quotations[random.nextInt(quotations.length)].clone();
        List<String> said = new ArrayList<>();
        for (String w : words) {
          int change = random.nextInt(20);
          if (change == 0) {
            continue; // dropped
          }
          said.add(change == 1 ? w + "s" : change == 2 ? vocabulary[random.nextInt(vocabulary.length)] : w);
        }
        if (said.isEmpty()) {
          said.add(words[0]);
        }
        String quote = String.join(" ", said);
        quote = Character.toUpperCase(quote.charAt(0)) + quote.substring(1);
        String[] speaker = speakers[random.nextInt(speakers.length)];
        String name = speaker[random.nextInt(2)];
        switch (random.nextInt(4)) {
          case 0 -> text.append(" “").append(quote).append(",” said ").append(name).append('.');
          case 1 -> text.append(' ').append(name).append(" spoke. “").append(quote).append(",” he said.");
          case 2 -> text.append(" “").append(quote).append(",” ").append(name.substring(name.indexOf(' ') + 1)).append(" said.");
          default -> text.append(" Posters read “").append(quote).append("” today.");
        }
      }
      String t = text.toString();
      QuoteFinder.Found found = finder.findWithPeople(t);
      all.addAll(Rendering.of(a, t, normalizer.tokenize(t), found));
      people.add(found.people());
    }
  }

  @Test
  void theFamiliesAreTheSameOnOneThreadAndOnTwo() throws Exception {
    List<Rendering> all = new ArrayList<>();
    List<List<String>> people = new ArrayList<>();
    generated(1_500, 8L, all, people);
    List<QuoteFamily> alone = new QuoteGrouper().group(all, people);
    assertTrue(alone.size() > 50, alone.size() + " families");
    assertTrue(alone.get(0).articleCount() > 20, "a quotation many articles repeat");
    ExecutorService one = Executors.newFixedThreadPool(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      assertEquals(alone, new QuoteGrouper().group(all, people, one, 1));
      assertEquals(alone, new QuoteGrouper().group(all, people, two, 2));
      // Small blocks: parts compare quotes whose matches other parts found and did not merge yet.
      assertEquals(alone, new QuoteGrouper().group(all, people, two, 2, 64));
      assertEquals(alone, new QuoteGrouper().group(all, people, two, 3, 17));
    } finally {
      one.shutdownNow();
      two.shutdownNow();
    }
  }

  @Test
  void aRenderingWithoutWordsHasTheQuoteAndTextOfTheFullOne() {
    String text = "“The rest of the world will watch you,” said Vivian Balakrishnan on Monday.";
    List<Quote> quotes = finder.find(text);
    List<Rendering> full = Rendering.of(3, text, normalizer.tokenize(text), quotes);
    List<Rendering> light = Rendering.withoutWords(3, text, quotes);
    assertEquals(full.size(), light.size());
    for (int i = 0; i < full.size(); i++) {
      assertEquals(full.get(i).article(), light.get(i).article());
      assertEquals(full.get(i).quote(), light.get(i).quote());
      assertEquals(full.get(i).text(), light.get(i).text());
      assertTrue(full.get(i).words().size() > 0);
      assertEquals(0, light.get(i).words().size());
    }
  }

  @Test
  void renderingsGroupedWithoutWordsMakeTheSameFamiliesAskingWordsOfMembersOnly() throws Exception {
    List<Rendering> all = new ArrayList<>();
    List<List<String>> people = new ArrayList<>();
    generated(1_500, 11L, all, people);
    List<Rendering> light = new ArrayList<>();
    for (Rendering r : all) {
      light.add(new Rendering(r.article(), r.quote(), r.text(), new Tokens(new long[0], new int[0], new int[0])));
    }
    assertTrue(light.stream().allMatch(r -> r.words().size() == 0));
    int[] asked = {0};
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<QuoteFamily> full = new QuoteGrouper().group(all, people, two, 2);
      List<QuoteFamily> completed =
          new QuoteGrouper()
              .group(
                  light, people, two, 2,
                  members -> {
                    asked[0] += members.length;
                    List<Rendering> out = new ArrayList<>();
                    for (int m : members) {
                      out.add(all.get(m));
                    }
                    return out;
                  });
      assertEquals(described(full), described(completed));
      int inFamilies = full.stream().mapToInt(f -> f.members().size()).sum();
      assertEquals(inFamilies, asked[0], "words asked of the families' members, once each");
      assertTrue(asked[0] < all.size(), asked[0] + " of " + all.size() + " renderings");
    } finally {
      two.shutdownNow();
    }
  }

  /** The families as text: speaker, and each member's article, quote, words, attribution, diff. */
  private static List<String> described(List<QuoteFamily> families) {
    List<String> out = new ArrayList<>();
    for (QuoteFamily f : families) {
      StringBuilder b = new StringBuilder(f.speaker() + "/" + f.speakerType() + "/" + f.canonical());
      for (QuoteFamily.Member m : f.members()) {
        Rendering r = m.rendering();
        b.append(" | ").append(r.article()).append(' ').append(r.quote()).append(' ')
            .append(r.words().size()).append(' ').append(m.speaker()).append(' ')
            .append(m.attribution()).append(' ').append(m.similarity()).append(' ').append(m.diff());
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void stemsAreEachWordsFoldedStemFirstFormFirst() {
    String text = "Watching the watchers, Müller WATCHED; e-mail 2024 a i Überlegung überlegungen";
    String[][] got = QuoteGrouper.stems(text, new dev.refrain.normalize.WordStemmer());
    java.util.TreeMap<String, String> expected = new java.util.TreeMap<>();
    dev.refrain.normalize.WordStemmer stemmer = new dev.refrain.normalize.WordStemmer();
    for (String w : text.split("[^\\p{L}\\p{Nd}]+")) {
      if (w.length() >= 2 || (w.length() == 1 && Character.isDigit(w.charAt(0)))) {
        String form = SpeakerNames.fold(w);
        expected.putIfAbsent(stemmer.stem(form), form);
      }
    }
    assertEquals(List.copyOf(expected.keySet()), List.of(got[0]));
    assertEquals(List.copyOf(expected.values()), List.of(got[1]));
    assertEquals("watching", got[1][List.of(got[0]).indexOf("watch")], "the first form of a stem");
  }
}
