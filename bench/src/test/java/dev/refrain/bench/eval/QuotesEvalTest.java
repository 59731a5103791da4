package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotesEvalTest {
  static QuoteCorpus.Generated small(long seed) {
    QuoteCorpus.Settings s = new QuoteCorpus.Settings(40, 20, 3, seed);
    return QuoteCorpus.generate(s, SentencePool.generated(s.sentencesNeeded(), seed));
  }

  @Test
  void theSameSeedGivesTheSameCorpus() {
    QuoteCorpus.Generated a = small(7);
    QuoteCorpus.Generated b = small(7);
    assertEquals(a.articles(), b.articles());
    assertEquals(a.planted(), b.planted());
    assertFalse(a.articles().equals(small(8).articles()));
  }

  @Test
  void everyPlantedRenderingIsWhereTheTruthSays() {
    QuoteCorpus.Generated g = small(11);
    Map<String, String> texts = new HashMap<>();
    for (Article a : g.articles()) {
      texts.put(a.id(), a.text());
    }
    Map<Integer, Integer> renderings = new HashMap<>();
    for (QuoteCorpus.Planted p : g.planted()) {
      String words = texts.get(p.article()).substring(p.start(), p.end());
      assertTrue(words.split(" ").length >= 3, words);
      assertFalse(words.matches(".*[“”\"].*"), words);
      renderings.merge(p.quote(), 1, Integer::sum);
    }
    assertTrue(renderings.values().stream().allMatch(n -> n >= 2), "every quote in two articles");
    assertEquals(g.quotes(), renderings.size());
  }

  @Test
  void quoteFamiliesReachTheirTargetsOnASmallCorpus() {
    CorpusResult r = QuotesEval.evaluate(small(3));
    List<Figure> f = r.figures();
    assertTrue(f.get(0).metric().startsWith("family recall"), f.get(0).metric());
    assertTrue(f.get(0).value() >= 0.85, "family recall " + f.get(0).value() + ": " + r.notes());
    assertTrue(f.get(1).metric().startsWith("speaker accuracy"), f.get(1).metric());
    assertTrue(f.get(1).value() >= 0.85, "speaker accuracy " + f.get(1).value() + ": " + r.notes());
    assertTrue(f.get(2).value() >= 0.85, "family precision " + f.get(2).value());
  }
}
