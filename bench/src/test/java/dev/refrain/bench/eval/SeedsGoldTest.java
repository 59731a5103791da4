package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seeds gold file: well formed, and every passage located exactly once. */
class SeedsGoldTest {

  @Test
  void everyGoldPassageLocatesExactlyOnceInTheSeeds() {
    List<Article> articles = new ArticleLoader().load(List.of("seeds")).articles();
    assertEquals(5, articles.size());
    Map<String, String> texts = new HashMap<>();
    articles.forEach(a -> texts.put(a.id(), a.text()));
    SeedsGold gold = SeedsGold.load();
    List<SeedsGold.Located> located = gold.locate(texts);
    assertEquals(gold.passages().size(), located.size());
    Set<String> keys = new HashSet<>();
    for (SeedsGold.Located l : located) {
      SeedsGold.Passage p = l.gold();
      assertTrue(keys.add(p.id() + " " + p.a() + " " + p.b()), "duplicate gold " + p.id());
      assertEquals(p.inA(), texts.get(p.a()).substring(l.aStart(), l.aEnd()));
      assertEquals(p.inB(), texts.get(p.b()).substring(l.bStart(), l.bEnd()));
    }
    long verbatim =
        gold.passages().stream()
            .filter(p -> !p.optional() && p.kindValue() == SeedsGold.Kind.VERBATIM)
            .count();
    long boilerplate =
        gold.passages().stream().filter(p -> p.kindValue() == SeedsGold.Kind.BOILERPLATE).count();
    assertTrue(verbatim >= 4, "near-verbatim gold passages: " + verbatim);
    assertEquals(3, boilerplate, "the footer shared by 002, 003 and 004");
  }

  @Test
  void rejectsBadPassages() {
    assertThrows(IllegalArgumentException.class,
        () -> new SeedsGold.Passage("x", "b", "a", "p", "q", "variant", false, null));
    assertThrows(IllegalArgumentException.class,
        () -> new SeedsGold.Passage("x", "a", "b", "p", "q", "reworded", false, null));
    SeedsGold twice =
        new SeedsGold(List.of(new SeedsGold.Passage("x", "a", "b", "ab", "c", "variant", false, null)));
    assertThrows(IllegalArgumentException.class, () -> twice.locate(Map.of("a", "ab ab", "b", "c")));
    assertThrows(IllegalArgumentException.class, () -> twice.locate(Map.of("a", "ab", "b", "d")));
  }
}
