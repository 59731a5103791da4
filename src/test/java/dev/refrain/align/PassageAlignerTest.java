package dev.refrain.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import dev.refrain.shingle.Shingler;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PassageAlignerTest {
  static final TextNormalizer NORMALIZER = new TextNormalizer();
  static final Shingler SHINGLER = new Shingler(5);
  static final PassageAligner ALIGNER = new PassageAligner(AlignOptions.DEFAULTS);

  static final String QUOTE =
      "We are not going to Beijing with the intention of making progress or bringing about"
          + " transformations, the official told reporters on Friday.";

  static AlignedText prepare(String text) {
    Tokens t = NORMALIZER.tokenize(text);
    return new AlignedText(text, t, SHINGLER.shingles(t), 5);
  }

  /** Random words from a large vocabulary: no 5-word run repeats by chance. */
  static String filler(long seed, int words) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append("w").append(r.nextInt(50_000)).append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString();
  }

  @Test
  void findsAQuoteInsideLongUnrelatedArticles() {
    String a = filler(1, 400) + QUOTE + " " + filler(2, 400);
    String b = filler(3, 300) + QUOTE + " " + filler(4, 500);
    List<Passage> passages = ALIGNER.align(prepare(a), prepare(b));
    assertEquals(1, passages.size(), passages.toString());
    Passage p = passages.get(0);
    assertEquals(QUOTE.substring(0, QUOTE.length() - 1), a.substring(p.aStart(), p.aEnd()));
    assertEquals(QUOTE.substring(0, QUOTE.length() - 1), b.substring(p.bStart(), p.bEnd()));
    assertTrue(p.verbatim());
    assertEquals(1.0, p.similarity());
  }

  @Test
  void keepsAQuoteRewordedInTwoPlacesAsOnePassage() {
    String a =
        filler(5, 100)
            + " Blinken said the visit should open direct lines of communication so that our two"
            + " countries can responsibly manage our relationship, including by addressing some"
            + " challenges and bad perceptions and in order to avoid miscalculations. "
            + filler(6, 100);
    String b =
        filler(7, 80)
            + " Blinken told reporters the visit would open direct lines of communication so that"
            + " our two countries can manage our relationship in a responsible manner by"
            + " addressing some challenges and bad visions, and avoiding miscalculations. "
            + filler(8, 120);
    List<Passage> passages = ALIGNER.align(prepare(a), prepare(b));
    assertEquals(1, passages.size(), passages.toString());
    String shared = a.substring(passages.get(0).aStart(), passages.get(0).aEnd());
    assertTrue(shared.startsWith("open direct lines") || shared.contains("open direct lines"), shared);
    assertTrue(shared.contains("by addressing some challenges and bad"), shared);
    assertTrue(passages.get(0).similarity() < 1.0);
  }

  @Test
  void verifiesWordByWordSoHashCollisionsFindNothing() {
    // Every shingle of both texts gets the same hash: a worst case of false candidates.
    String a = filler(9, 200);
    String b = filler(10, 200);
    Tokens ta = NORMALIZER.tokenize(a);
    Tokens tb = NORMALIZER.tokenize(b);
    long[] sa = new long[ta.size() - 4];
    long[] sb = new long[tb.size() - 4];
    Arrays.fill(sa, 42L);
    Arrays.fill(sb, 42L);
    // More than MAX_OCCURRENCES copies are skipped anyway; use few enough to be compared.
    long[] fewA = Arrays.copyOf(sa, 10);
    long[] fewB = Arrays.copyOf(sb, 10);
    assertTrue(ALIGNER.align(new AlignedText(a, ta, fewA, 5), new AlignedText(b, tb, fewB, 5)).isEmpty());
    assertTrue(ALIGNER.align(new AlignedText(a, ta, sa, 5), new AlignedText(b, tb, sb, 5)).isEmpty());
  }

  @Test
  void dropsSharedPhrasesShorterThanMinWords() {
    String a = filler(11, 100) + " in the South China Sea " + filler(12, 100);
    String b = filler(13, 100) + " in the South China Sea " + filler(14, 100);
    assertTrue(ALIGNER.align(prepare(a), prepare(b)).isEmpty());
  }

  @Test
  void findsAPassageRepeatedInsideOneArticle() {
    String text = filler(15, 100) + QUOTE + " " + filler(16, 100) + QUOTE + " " + filler(17, 50);
    AlignedText t = prepare(text);
    List<Passage> passages = ALIGNER.align(t, t);
    assertEquals(1, passages.size(), passages.toString());
    Passage p = passages.get(0);
    assertTrue(p.aEnd() <= p.bStart(), "the two sides do not overlap");
    assertEquals(text.substring(p.aStart(), p.aEnd()), text.substring(p.bStart(), p.bEnd()));
  }

  @Test
  void alignsTextRepeatedInOneArticleOnceWithItsFullestCopy() {
    String a = filler(20, 200) + QUOTE + " " + filler(21, 200);
    String shortened = QUOTE.substring(0, QUOTE.indexOf(", the official"));
    String b = filler(22, 100) + shortened + ". " + filler(23, 100) + QUOTE + " " + filler(24, 100);
    List<Passage> passages = ALIGNER.align(prepare(a), prepare(b));
    assertEquals(1, passages.size(), passages.toString());
    Passage p = passages.get(0);
    assertEquals(b.indexOf(QUOTE), p.bStart(), "the whole copy, not the shortened one");
    assertTrue(p.verbatim());
  }

  @Test
  void keepsADistinctPassageThatOnlyTouchesAnother() {
    String second =
        "Officials said the talks would resume in Geneva next month after a short pause for"
            + " consultations with allies.";
    String a = filler(25, 150) + QUOTE + " " + second + " " + filler(26, 150);
    String b = filler(27, 150) + QUOTE + " " + filler(28, 150) + second + " " + filler(29, 50);
    List<Passage> passages = ALIGNER.align(prepare(a), prepare(b));
    assertEquals(2, passages.size(), passages.toString());
  }

  @Test
  void findsNothingBetweenUnrelatedTexts() {
    assertTrue(ALIGNER.align(prepare(filler(18, 500)), prepare(filler(19, 500))).isEmpty());
  }

  @Test
  void countsMatchedWordsInsideGapsByLongestCommonSubsequence() {
    Tokens a = NORMALIZER.tokenize("x a y b z c");
    Tokens b = NORMALIZER.tokenize("a q b r c");
    assertEquals(3, PassageAligner.lcs(a.hashes(), 0, a.size(), b.hashes(), 0, b.size()));
  }

  @Test
  void rejectsOptionsOutOfRange() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> new AlignOptions(5, 8, 101, 0.5));
    assertEquals("maxGap must be 0 to 100, was 101", e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new AlignOptions(5, 8, 8, 1.01));
  }
}
