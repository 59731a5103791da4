package dev.refrain.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link TokenizeSpeed} measures both readers side by side. Speeds are printed, never asserted:
 * the machine is shared. {@code mvn test -Dtest=TokenizeSpeedTest -Drefrain.tokenizeSpeed=10}
 * also measures the Reuters-21578 stories over 10 rounds.
 */
class TokenizeSpeedTest {

  static void print(String what, List<TokenizeSpeed.Measure> measures) {
    for (TokenizeSpeed.Measure m : measures) {
      System.out.printf(
          Locale.ROOT, "%s, %s: min %.1f, median %.1f, max %.1f MB/s (%d words)%n",
          what, m.reader(), m.min(), m.median(), m.max(), m.words());
    }
  }

  @Test
  void bothReadersAreMeasuredOnTheSameTextsAndFindTheSameWords() throws IOException {
    List<TokenizeSpeed.Measure> measures =
        TokenizeSpeed.compare(TokenizerEquivalenceTest.seeds(), 3);
    print("seeds, 3 rounds", measures);
    assertEquals(List.of("tokenize", "tokenizeWithLucene"),
        measures.stream().map(TokenizeSpeed.Measure::reader).toList());
    assertEquals(measures.get(0).words(), measures.get(1).words());
    for (TokenizeSpeed.Measure m : measures) {
      assertTrue(0 < m.min() && m.min() <= m.median() && m.median() <= m.max(), m.toString());
    }
  }

  @Test
  void aMeasureNeedsARound() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TokenizeSpeed.compare(List.of("a"), 0));
    assertEquals("rounds must be at least 1, not 0", e.getMessage());
  }

  @Test
  @EnabledIfSystemProperty(named = "refrain.tokenizeSpeed", matches = "[1-9][0-9]*")
  void reutersSpeedsArePrinted() throws IOException {
    List<String> texts =
        ReutersStories.read(Path.of("..", "shared", "corpora", "reuters21578")).stream()
            .map(Article::text)
            .toList();
    int rounds = Integer.parseInt(System.getProperty("refrain.tokenizeSpeed"));
    print("Reuters-21578, " + texts.size() + " stories, " + rounds + " rounds",
        TokenizeSpeed.compare(texts, rounds));
  }
}
