package dev.refrain.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.align.Passage;
import dev.refrain.document.Article;
import dev.refrain.normalize.Hash64;
import dev.refrain.template.Templates;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewordEvidenceTest {
  /** Every shingle a fingerprint (window 1), so which runs two texts share is plain to see. */
  static final Detector DETECTOR =
      new Detector(new DetectorOptions(5, 1, 8, 8, 0.5, 3, 200, 1, Hash64.DEFAULT_SEED));

  /** One sentence reworded: no run of five words in common. */
  static final String REWORDED_A =
      "The central bank raised its main interest rate by half a point on Thursday to fight"
          + " rising prices.";

  static final String REWORDED_B =
      "The central bank lifted its key interest rate by a half percentage point on Thursday to"
          + " curb rising prices.";

  /** Two 5-word runs b shares with a, in sentences of their own: no passage of 8 words. */
  static final String A =
      "Secretary of State Antony Blinken arrived on Sunday. " + REWORDED_A
          + " Talks on ships in the South China Sea went on for hours.";

  static final String B =
      REWORDED_B + " Officials said Secretary of State Antony Blinken left early."
          + " Patrols in the South China Sea continued.";

  /** B with one of the two runs changed. */
  static final String B_ONE_RUN =
      REWORDED_B + " Officials said Secretary of State Antony Blinken left early."
          + " Patrols off the coast continued.";

  static PreparedArticle prepare(String id, String text) {
    return DETECTOR.prepare(Article.of(id, text));
  }

  @Test
  void aPairSharingTwoFingerprintsAndNoPassageGetsItsRewordedSentence() {
    PreparedArticle a = prepare("a", A);
    PreparedArticle b = prepare("b", B);
    int[] none = Templates.EMPTY_MASK;
    assertTrue(DETECTOR.align(a, none, b, none).isEmpty());
    assertEquals(2, RewordEvidence.sharedFingerprints(a, none, b, none));
    assertTrue(RewordEvidence.alignsSentences(a, none, b, none, List.of()));
    List<Passage> found = DETECTOR.alignPair(a, none, b, none);
    assertEquals(1, found.size(), found.toString());
    assertTrue(A.substring(found.get(0).aStart()).startsWith("The central bank raised"));
    assertTrue(B.substring(found.get(0).bStart()).startsWith("The central bank lifted"));
  }

  @Test
  void oneSharedFingerprintIsAChancePhrase() {
    PreparedArticle a = prepare("a", A);
    PreparedArticle b = prepare("b", B_ONE_RUN);
    int[] none = Templates.EMPTY_MASK;
    assertEquals(1, RewordEvidence.sharedFingerprints(a, none, b, none));
    assertFalse(RewordEvidence.alignsSentences(a, none, b, none, List.of()));
    assertTrue(DETECTOR.alignPair(a, none, b, none).isEmpty());
  }

  @Test
  void fingerprintsInTemplateWordsAreNoEvidence() {
    PreparedArticle a = prepare("a", A);
    PreparedArticle b = prepare("b", B);
    int from = a.tokens().wordAtOrAfter(A.indexOf("in the South China Sea"));
    int[] maskA = {from, from + 5};
    assertEquals(1, RewordEvidence.sharedFingerprints(a, maskA, b, Templates.EMPTY_MASK));
    assertFalse(RewordEvidence.alignsSentences(a, maskA, b, Templates.EMPTY_MASK, List.of()));
  }

  @Test
  void anArticleWithItselfIsNeverAlignedSentenceBySentence() {
    PreparedArticle a = prepare("a", A);
    assertFalse(RewordEvidence.alignsSentences(a, Templates.EMPTY_MASK, a, Templates.EMPTY_MASK,
        List.of()));
  }
}
