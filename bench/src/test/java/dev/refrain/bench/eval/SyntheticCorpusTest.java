package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator: deterministic for a seed, exact ground truth offsets. */
class SyntheticCorpusTest {
  private static final SentencePool POOL = SentencePool.generated(2000, 11);

  private static SyntheticCorpus.Generated generate(long seed) {
    return SyntheticCorpus.generate(SyntheticCorpus.Settings.of(20, seed), POOL);
  }

  @Test
  void sameSeedSameCorpusOtherSeedOtherCorpus() {
    SyntheticCorpus.Generated a = generate(5);
    SyntheticCorpus.Generated b = generate(5);
    assertEquals(a.articles(), b.articles());
    assertEquals(a.planted(), b.planted());
    assertEquals(a.footers(), b.footers());
    assertNotEquals(a.articles(), generate(6).articles());
  }

  @Test
  void plantedOffsetsAreExact() {
    SyntheticCorpus.Generated g = generate(5);
    assertTrue(g.planted().size() >= 20);
    for (SyntheticCorpus.Planted p : g.planted()) {
      String source = g.article(p.source()).text();
      String copy = g.article(p.copy()).text();
      assertEquals(p.sourceText(), source.substring(p.sourceStart(), p.sourceEnd()));
      assertEquals(p.copyText(), copy.substring(p.copyStart(), p.copyEnd()));
      if (p.edit() == SyntheticCorpus.Edit.VERBATIM || p.edit() == SyntheticCorpus.Edit.REORDERED) {
        assertEquals(
            p.sourceText().replaceAll("\\s+", " "), p.copyText().replaceAll("\\s+", " "),
            "copied unchanged but for paragraph breaks");
      } else {
        assertNotEquals(
            p.sourceText().replaceAll("\\s+", " "), p.copyText().replaceAll("\\s+", " "),
            "edited: " + p.sourceText());
      }
    }
    for (SyntheticCorpus.Footer f : g.footers()) {
      String text = g.article(f.article()).text();
      assertEquals(text.length(), f.end(), "the footer ends the article");
      assertTrue(text.substring(f.start(), f.end()).contains(f.outlet()));
    }
  }

  @Test
  void everyEditTypeIsPlantedAndReorderedCopiesAreOutOfOrder() {
    SyntheticCorpus.Generated g = generate(9);
    Set<SyntheticCorpus.Edit> seen = EnumSet.noneOf(SyntheticCorpus.Edit.class);
    g.planted().forEach(p -> seen.add(p.edit()));
    assertEquals(EnumSet.allOf(SyntheticCorpus.Edit.class), seen);
    // Reordered sentences of one copy: in the copy they are not in source order.
    List<SyntheticCorpus.Planted> reordered =
        g.planted().stream().filter(p -> p.edit() == SyntheticCorpus.Edit.REORDERED).toList();
    String copy = reordered.get(0).copy();
    List<SyntheticCorpus.Planted> one = reordered.stream().filter(p -> p.copy().equals(copy)).toList();
    boolean inOrder = true;
    for (int i = 1; i < one.size(); i++) {
      inOrder &= one.get(i).copyStart() > one.get(i - 1).copyStart();
    }
    assertTrue(!inOrder, "a reordered copy keeps the source order");
  }

  @Test
  void articlesHaveUniqueIdsAndSortedOrder() {
    List<Article> articles = generate(5).articles();
    for (int i = 1; i < articles.size(); i++) {
      assertTrue(articles.get(i - 1).id().compareTo(articles.get(i).id()) < 0);
    }
  }

  @Test
  void editsChangeWordsAndQuotes() {
    Random r = new Random(1);
    String s = "The company said \"sales rose\" in the quarter and it's expected to buy more shares now.";
    assertEquals(
        "The company said \u201Csales rose\u201D in the quarter and it\u2019s expected to buy more shares now.",
        SyntheticCorpus.swapQuotes(s));
    assertEquals(s, SyntheticCorpus.swapQuotes(SyntheticCorpus.swapQuotes(s)));
    String heavy = SyntheticCorpus.paraphrase(s, 1.0, r);
    assertNotEquals(s, heavy);
    assertTrue(heavy.startsWith("The "), "the first word stays: " + heavy);
  }

  @Test
  void settingsAreValidated() {
    assertThrows(IllegalArgumentException.class,
        () -> new SyntheticCorpus.Settings(0, 6, 3, 0, 0.1, 0.2, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SyntheticCorpus.Settings(5, 3, 3, 0, 0.1, 0.2, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SyntheticCorpus.Settings(5, 6, 3, 0, 1.5, 0.2, 1));
    assertThrows(IllegalStateException.class,
        () -> SyntheticCorpus.generate(SyntheticCorpus.Settings.of(50, 1), SentencePool.generated(30, 1)));
  }
}
