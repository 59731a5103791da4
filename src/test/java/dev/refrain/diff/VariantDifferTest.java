package dev.refrain.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.diff.Edit.Kind;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VariantDifferTest {

  /** The edits without their character ranges, to compare with edits written out by hand. */
  static List<Edit> words(List<Edit> edits) {
    return edits.stream().map(Edit::words).toList();
  }

  @Test
  void eachEditSaysWhichCharactersItsWordsAre() {
    String a = "Officials said the old bridge would reopen";
    String b = "Officials said the bridge will reopen on Monday";
    Tokens ta = NORMALIZER.tokenize(a);
    Tokens tb = NORMALIZER.tokenize(b);
    for (Edit e : DIFFER.diff(ta, 0, ta.size(), tb, 0, tb.size())) {
      assertEquals(
          e.aFromWord() < e.aToWord() ? ta.start(e.aFromWord()) : e.aStart(), e.aStart(), e.toString());
      if (e.aFromWord() < e.aToWord()) {
        assertEquals(ta.end(e.aToWord() - 1), e.aEnd());
      } else {
        assertEquals(e.aStart(), e.aEnd(), "an empty side is a point: " + e);
      }
      if (e.bFromWord() < e.bToWord()) {
        assertEquals(tb.start(e.bFromWord()), e.bStart());
        assertEquals(tb.end(e.bToWord() - 1), e.bEnd());
      } else {
        assertEquals(e.bStart(), e.bEnd(), "an empty side is a point: " + e);
      }
    }
  }
  private static final TextNormalizer NORMALIZER = new TextNormalizer();
  private static final VariantDiffer DIFFER = new VariantDiffer();

  private static final String PROGRESS =
      "we are not going to beijing with the intention of making progress";
  private static final String BREAKTHROUGHS =
      "we are not going to beijing with the intention of making breakthroughs";

  private static List<Edit> diff(String a, String b) {
    Tokens ta = NORMALIZER.tokenize(a);
    Tokens tb = NORMALIZER.tokenize(b);
    return words(DIFFER.diff(ta, 0, ta.size(), tb, 0, tb.size()));
  }

  /** Edits must tile both ranges: contiguous, in order, from the start to the end of each. */
  private static void assertCovers(
      List<Edit> edits, int aFrom, int aTo, int bFrom, int bTo, Tokens a, Tokens b) {
    int x = aFrom;
    int y = bFrom;
    for (Edit e : edits) {
      assertEquals(x, e.aFromWord(), "gap or overlap in a before " + e);
      assertEquals(y, e.bFromWord(), "gap or overlap in b before " + e);
      assertTrue(e.aToWord() >= e.aFromWord() && e.bToWord() >= e.bFromWord(), e.toString());
      int aLength = e.aToWord() - e.aFromWord();
      int bLength = e.bToWord() - e.bFromWord();
      switch (e.kind()) {
        case EQUAL -> {
          assertEquals(aLength, bLength, e.toString());
          assertTrue(aLength > 0, e.toString());
          assertArrayEquals(
              a.hashes(e.aFromWord(), e.aToWord()),
              b.hashes(e.bFromWord(), e.bToWord()),
              e.toString());
        }
        case INSERT -> {
          assertEquals(0, aLength, e.toString());
          assertTrue(bLength > 0, e.toString());
        }
        case DELETE -> {
          assertTrue(aLength > 0, e.toString());
          assertEquals(0, bLength, e.toString());
        }
        case REPLACE -> assertTrue(aLength > 0 && bLength > 0, e.toString());
      }
      x = e.aToWord();
      y = e.bToWord();
    }
    assertEquals(aTo, x, "a not covered to its end");
    assertEquals(bTo, y, "b not covered to its end");
  }

  @Test
  void aChangedLastWordIsEqualThenReplace() {
    List<Edit> edits = diff(PROGRESS, BREAKTHROUGHS);
    assertEquals(
        List.of(new Edit(Kind.EQUAL, 0, 11, 0, 11), new Edit(Kind.REPLACE, 11, 12, 11, 12)),
        edits);
    assertEquals(11, VariantDiffer.sharedWords(edits));
  }

  @Test
  void rangesInsideLongerTextsAreReportedAsArticleWordIndexes() {
    Tokens a = NORMALIZER.tokenize("Officials said: “" + PROGRESS + "” on Friday.");
    Tokens b = NORMALIZER.tokenize("A U.S. official told reporters " + BREAKTHROUGHS + ".");
    // a: officials said | 12 words | on friday; b: a u.s official told reporters | 12 words
    List<Edit> edits = words(DIFFER.diff(a, 2, 14, b, 5, 17));
    assertEquals(
        List.of(new Edit(Kind.EQUAL, 2, 13, 5, 16), new Edit(Kind.REPLACE, 13, 14, 16, 17)),
        edits);
    assertCovers(edits, 2, 14, 5, 17, a, b);
  }

  @Test
  void anInsertedWordIsAnInsertWithAnEmptyARange() {
    List<Edit> edits =
        diff(
            "we are going to beijing with the intention",
            "we are not going to beijing with the intention");
    assertEquals(
        List.of(
            new Edit(Kind.EQUAL, 0, 2, 0, 2),
            new Edit(Kind.INSERT, 2, 2, 2, 3),
            new Edit(Kind.EQUAL, 2, 8, 3, 9)),
        edits);
    assertEquals(8, VariantDiffer.sharedWords(edits));
  }

  @Test
  void aDeletedWordIsADeleteWithAnEmptyBRange() {
    List<Edit> edits =
        diff(
            "we are not going to beijing with the intention",
            "we are going to beijing with the intention");
    assertEquals(
        List.of(
            new Edit(Kind.EQUAL, 0, 2, 0, 2),
            new Edit(Kind.DELETE, 2, 3, 2, 2),
            new Edit(Kind.EQUAL, 3, 9, 2, 8)),
        edits);
    assertEquals(8, VariantDiffer.sharedWords(edits));
  }

  @Test
  void wordsAddedAtTheEndAreATrailingInsert() {
    List<Edit> edits = diff("making progress", "making progress or bringing about transformations");
    assertEquals(
        List.of(new Edit(Kind.EQUAL, 0, 2, 0, 2), new Edit(Kind.INSERT, 2, 2, 2, 6)), edits);
  }

  @Test
  void wordsDroppedAtTheStartAreALeadingDelete() {
    List<Edit> edits = diff("the official said we are not going", "we are not going");
    assertEquals(
        List.of(new Edit(Kind.DELETE, 0, 3, 0, 0), new Edit(Kind.EQUAL, 3, 7, 0, 4)), edits);
    assertEquals(4, VariantDiffer.sharedWords(edits));
  }

  @Test
  void identicalSpansAreOneEqualRun() {
    List<Edit> edits = diff(PROGRESS, PROGRESS);
    assertEquals(List.of(new Edit(Kind.EQUAL, 0, 12, 0, 12)), edits);
    assertEquals(12, VariantDiffer.sharedWords(edits));
  }

  @Test
  void typographicVariantsAndCaseAreEqualWords() {
    List<Edit> edits =
        diff("Blinken’s “visit” — a long‐term plan", "blinken's \"visit\" - A LONG-TERM plan");
    assertEquals(List.of(new Edit(Kind.EQUAL, 0, 6, 0, 6)), edits);
  }

  @Test
  void completelyDifferentSpansAreOneReplace() {
    List<Edit> edits = diff("alpha beta gamma", "delta epsilon");
    assertEquals(List.of(new Edit(Kind.REPLACE, 0, 3, 0, 2)), edits);
    assertEquals(0, VariantDiffer.sharedWords(edits));
  }

  @Test
  void emptySpansGiveNoEditsAndOneEmptySideIsAllInsertOrDelete() {
    Tokens a = NORMALIZER.tokenize("one two three");
    Tokens b = NORMALIZER.tokenize("four five");
    assertEquals(List.of(), words(DIFFER.diff(a, 1, 1, b, 2, 2)));
    assertEquals(List.of(new Edit(Kind.INSERT, 1, 1, 0, 2)), words(DIFFER.diff(a, 1, 1, b, 0, 2)));
    assertEquals(List.of(new Edit(Kind.DELETE, 0, 3, 2, 2)), words(DIFFER.diff(a, 0, 3, b, 2, 2)));
  }

  @Test
  void severalChangesComeInOrder() {
    List<Edit> edits =
        diff(
            "the minister said on monday that talks were constructive and frank",
            "the minister told reporters on monday that talks were frank");
    assertEquals(
        List.of(
            new Edit(Kind.EQUAL, 0, 2, 0, 2),
            new Edit(Kind.REPLACE, 2, 3, 2, 4),
            new Edit(Kind.EQUAL, 3, 8, 4, 9),
            new Edit(Kind.DELETE, 8, 10, 9, 9),
            new Edit(Kind.EQUAL, 10, 11, 9, 10)),
        edits);
    assertEquals(8, VariantDiffer.sharedWords(edits));
  }

  static Stream<Arguments> editScripts() {
    return Stream.of(
        Arguments.of(1L, 30, 0.1),
        Arguments.of(2L, 60, 0.3),
        Arguments.of(3L, 100, 0.5),
        Arguments.of(4L, 5, 0.9),
        Arguments.of(5L, 200, 0.05));
  }

  @ParameterizedTest(name = "seed {0}, {1} words, change rate {2}")
  @MethodSource("editScripts")
  void editsCoverBothSpansCompletelyOnRandomVariants(long seed, int words, double rate) {
    Random random = new Random(seed);
    List<String> a = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      a.add("w" + random.nextInt(words));
    }
    List<String> b = new ArrayList<>();
    for (String w : a) {
      double r = random.nextDouble();
      if (r < rate / 3) {
        continue; // dropped
      } else if (r < 2 * rate / 3) {
        b.add("x" + random.nextInt(1000)); // replaced
      } else if (r < rate) {
        b.add(w);
        b.add("y" + random.nextInt(1000)); // inserted after
      } else {
        b.add(w);
      }
    }
    String prefixA = "lead in words ";
    String prefixB = "other lead ";
    Tokens ta = NORMALIZER.tokenize(prefixA + String.join(" ", a) + " tail");
    Tokens tb = NORMALIZER.tokenize(prefixB + String.join(" ", b) + " end words");
    int aFrom = 3;
    int aTo = 3 + a.size();
    int bFrom = 2;
    int bTo = 2 + b.size();
    List<Edit> edits = words(DIFFER.diff(ta, aFrom, aTo, tb, bFrom, bTo));
    assertCovers(edits, aFrom, aTo, bFrom, bTo, ta, tb);

    // Applying the edits to a's words gives b's words.
    List<Long> rebuilt = new ArrayList<>();
    for (Edit e : edits) {
      long[] part =
          e.kind() == Kind.EQUAL
              ? ta.hashes(e.aFromWord(), e.aToWord())
              : tb.hashes(e.bFromWord(), e.bToWord());
      for (long w : part) {
        rebuilt.add(w);
      }
    }
    List<Long> expected = new ArrayList<>();
    for (long w : NORMALIZER.tokenize(String.join(" ", b)).hashes()) {
      expected.add(w);
    }
    assertEquals(expected, rebuilt);

    // No two neighbouring edits are both equal runs.
    for (int i = 1; i < edits.size(); i++) {
      assertTrue(
          edits.get(i - 1).kind() != Kind.EQUAL || edits.get(i).kind() != Kind.EQUAL,
          "adjacent equal runs at " + i);
    }
  }

  @ParameterizedTest(name = "{0} times \"and more\" appended")
  @ValueSource(ints = {1, 2, 40})
  void wordsAppendedToOneSideLeaveEveryWordOfTheOtherShared(int extra) {
    String a = PROGRESS;
    String b = PROGRESS + " " + "and more".repeat(extra).replace("moreand", "more and");
    List<Edit> edits = diff(a, b);
    assertEquals(12, VariantDiffer.sharedWords(edits));
    assertEquals(
        List.of(new Edit(Kind.EQUAL, 0, 12, 0, 12), new Edit(Kind.INSERT, 12, 12, 12, 12 + 2 * extra)),
        edits);
  }

  @Test
  void sharedWordsCountsOnlyEqualRuns() {
    List<Edit> edits =
        List.of(
            new Edit(Kind.EQUAL, 0, 3, 0, 3),
            new Edit(Kind.REPLACE, 3, 5, 3, 4),
            new Edit(Kind.INSERT, 5, 5, 4, 9),
            new Edit(Kind.DELETE, 5, 7, 9, 9),
            new Edit(Kind.EQUAL, 7, 11, 9, 13));
    assertEquals(7, VariantDiffer.sharedWords(edits));
    assertEquals(0, VariantDiffer.sharedWords(List.of()));
  }

  /** {@code n} random words from a large vocabulary, each tenth changed when {@code edited}. */
  private static String longText(long seed, int n, int everyChanged, boolean reversed) {
    Random r = new Random(seed);
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = "w" + r.nextInt(1 << 20);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = reversed ? n - 1 - i : i;
      sb.append(everyChanged > 0 && k % everyChanged == everyChanged - 1 ? "x" + k : w[k]).append(' ');
    }
    return sb.toString();
  }

  static Stream<Arguments> longRanges() {
    return Stream.of(
        Arguments.of("every tenth word changed", longText(1, 50_000, 0, false), longText(1, 50_000, 10, false)),
        Arguments.of("words in reverse order", longText(2, 20_000, 0, false), longText(2, 20_000, 0, true)),
        Arguments.of(
            "two words in random order",
            String.join(" ", new Random(3).ints(30_000, 0, 2).mapToObj(i -> "w" + i).toList()),
            String.join(" ", new Random(4).ints(30_000, 0, 2).mapToObj(i -> "w" + i).toList())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("longRanges")
  void aLongRangeIsDiffedInMyersCallsOfBoundedSizeAndStillTiled(String name, String a, String b) {
    Tokens ta = NORMALIZER.tokenize(a);
    Tokens tb = NORMALIZER.tokenize(b);
    int[] calls = {0};
    long[] cells = {0};
    List<Edit> edits =
        DIFFER.diff(
            ta, 0, ta.size(), tb, 0, tb.size(),
            words -> {
              assertTrue(words <= VariantDiffer.MYERS_MAX_WORDS, name + ": " + words + " words");
              calls[0]++;
              cells[0] += (long) words * words;
            });
    assertCovers(edits, 0, ta.size(), 0, tb.size(), ta, tb);
    // Myers on n words with d edits takes about n * d steps; pieces of at most MYERS_MAX_WORDS
    // words bound the whole diff by (total words) * MYERS_MAX_WORDS.
    long words = ta.size() + tb.size();
    assertTrue(cells[0] <= words * VariantDiffer.MYERS_MAX_WORDS, name + ": " + cells[0]);
  }

  @Test
  void aLongCopyWithEveryTenthWordChangedSharesNineWordsInTen() {
    Tokens ta = NORMALIZER.tokenize(longText(1, 50_000, 0, false));
    Tokens tb = NORMALIZER.tokenize(longText(1, 50_000, 10, false));
    List<Edit> edits = DIFFER.diff(ta, 0, ta.size(), tb, 0, tb.size());
    assertEquals(45_000, VariantDiffer.sharedWords(edits));
    assertEquals(5_000, edits.stream().filter(e -> e.kind() == Kind.REPLACE).count());
  }
}
