package dev.refrain.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private static final List<Set<String>> SETS =
      List.of(
          Lexicon.SPEECH_VERBS, Lexicon.REPORTING_VERBS, Lexicon.TITLES, Lexicon.NATIONALITIES,
          Lexicon.ORGANISATION_HEADS, Lexicon.ROLES, Lexicon.NOT_NAMES, Lexicon.PRONOUNS,
          Lexicon.ABBREVIATIONS);

  /** The bits of a lower-case word, as the sets say. */
  private static int expected(String lower) {
    int bits = 0;
    for (int k = 0; k < SETS.size(); k++) {
      if (SETS.get(k).contains(lower)) {
        bits |= 1 << k;
      }
    }
    return bits;
  }

  @Test
  void aWordHasTheBitsOfEverySetHoldingItWhateverItsCase() {
    for (Set<String> set : SETS) {
      for (String w : set) {
        int bits = expected(w);
        assertEquals(bits, Lexicon.kind(w) & bits, w);
        String upper = w.toUpperCase(Locale.ROOT);
        String text = "x " + upper + " y";
        assertEquals(Lexicon.kind(w), Lexicon.kind(text, 2, 2 + upper.length(), true), upper);
      }
    }
  }

  @Test
  void otherWordsHaveNone() {
    for (String w : List.of("blinken", "saidx", "sai", "", "kritenbrink", "u.s.a.", "mr.x")) {
      assertEquals(0, Lexicon.kind(w), w);
      assertEquals(expected(w), 0);
    }
    assertEquals(0, Lexicon.kind("Xinhuas", 0, 7, true));
  }

  @Test
  void singleWordsTheFinderReadsHaveTheirBits() {
    assertTrue((Lexicon.kind("according") & Lexicon.ACCORDING) != 0);
    assertTrue((Lexicon.kind("to") & Lexicon.TO) != 0);
    assertTrue((Lexicon.kind("The", 0, 3, true) & (Lexicon.THE | Lexicon.DETERMINER)) == (Lexicon.THE | Lexicon.DETERMINER));
    assertTrue((Lexicon.kind("counterpart") & Lexicon.COUNTERPART) != 0);
    assertEquals(0, Lexicon.kind("Told", 0, 4, false)); // not lower-cased: not the word
  }
}
