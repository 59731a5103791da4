package dev.refrain.align;

import static dev.refrain.align.PassageAlignerTest.prepare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceAlignerTest {
  static final PassageAligner ALIGNER = new PassageAligner(AlignOptions.DEFAULTS);
  static final SentenceAligner SENTENCES = new SentenceAligner(AlignOptions.DEFAULTS.minWords());

  static final String SHARED =
      "Antony Blinken's visit follows a meeting last November between President Joe Biden and"
          + " his counterpart Xi Jinping on the sidelines of a summit in Indonesia.";

  /** Two renderings of one sentence with no run of five words in common. */
  static final String REWORDED_A =
      "The minister stressed the urgent importance of maintaining better lines of trade"
          + " communication with the neighbours.";

  static final String REWORDED_B =
      "The minister underlined the great importance of maintaining open lines of direct"
          + " communication with the neighbours.";

  static final String OTHER_A = "The weather in the capital was cold and grey all weekend long.";
  static final String OTHER_B = "Markets in Tokyo closed higher on Monday after a quiet session.";

  @Test
  void findsARewordedSentenceBesideAPassageFoundBefore() {
    AlignedText a = prepare(SHARED + " " + OTHER_A + " " + REWORDED_A);
    AlignedText b = prepare(REWORDED_B + " " + OTHER_B + " " + SHARED);
    List<Passage> found = ALIGNER.align(a, b);
    assertEquals(1, found.size(), found.toString());
    List<Passage> reworded = SENTENCES.reworded(a, new int[0], b, new int[0], found);
    assertEquals(1, reworded.size(), reworded.toString());
    Passage p = reworded.get(0);
    String inA = a.text().substring(p.aStart(), p.aEnd());
    String inB = b.text().substring(p.bStart(), p.bEnd());
    assertEquals(REWORDED_A.substring(0, REWORDED_A.length() - 1), inA);
    assertEquals(REWORDED_B.substring(0, REWORDED_B.length() - 1), inB);
    assertTrue(p.similarity() > 0.5 && p.similarity() < 1, p.toString());
    assertEquals(p.matchedWords(), SentenceAligner.commonWords(
        a.tokens(), p.aFromWord(), p.aToWord(), b.tokens(), p.bFromWord(), p.bToWord()));
  }

  @Test
  void findsARewordedSentenceOfAPairWithoutAPassage() {
    // Which pairs get here is the kernel's rule (RewordEvidence); the aligner reads any pair.
    AlignedText a = prepare(OTHER_A + " " + REWORDED_A);
    AlignedText b = prepare(REWORDED_B + " " + OTHER_B);
    assertTrue(ALIGNER.align(a, b).isEmpty());
    List<Passage> reworded = SENTENCES.reworded(a, new int[0], b, new int[0], List.of());
    assertEquals(1, reworded.size(), reworded.toString());
    assertTrue(a.text().substring(reworded.get(0).aStart()).startsWith("The minister stressed"));
  }

  @Test
  void leavesTemplateTextMasked() {
    AlignedText a = prepare(SHARED + " " + REWORDED_A);
    AlignedText b = prepare(REWORDED_B + " " + SHARED);
    List<Passage> found = ALIGNER.align(a, b);
    int from = a.tokens().wordAtOrAfter(a.text().indexOf("urgent"));
    int[] maskA = {from, from + 1};
    assertTrue(SENTENCES.reworded(a, maskA, b, new int[0], found).isEmpty());
  }

  @Test
  void unrelatedSentencesDoNotMatch() {
    AlignedText a = prepare(SHARED + " " + OTHER_A);
    AlignedText b = prepare(OTHER_B + " " + SHARED);
    List<Passage> found = ALIGNER.align(a, b);
    assertEquals(1, found.size());
    assertTrue(SENTENCES.reworded(a, new int[0], b, new int[0], found).isEmpty());
  }

  /** One report with its clauses in another order: no region of 8 words lines up. */
  static final String REORDERED_A =
      "The talks were held in Vienna on Tuesday between Jake Sullivan and Wang Yi.";

  static final String REORDERED_B = "Jake Sullivan and Wang Yi met for talks in Vienna on Tuesday.";

  @Test
  void takesTheShortRegionsOfReorderedClausesTogether() {
    AlignedText a = prepare(REORDERED_A);
    AlignedText b = prepare(REORDERED_B);
    List<Passage> reworded = SENTENCES.reworded(a, new int[0], b, new int[0], List.of());
    assertEquals(1, reworded.size(), reworded.toString());
    Passage p = reworded.get(0);
    assertEquals("talks were held in Vienna on Tuesday between Jake Sullivan and Wang Yi",
        a.text().substring(p.aStart(), p.aEnd()));
    assertEquals("Jake Sullivan and Wang Yi met for talks in Vienna on Tuesday",
        b.text().substring(p.bStart(), p.bEnd()));
  }

  @Test
  void oneShortRegionAloneIsNoPassage() {
    AlignedText a = prepare(REORDERED_A);
    AlignedText b = prepare("Jake Sullivan and Wang Yi met for dinner at a hotel near the river.");
    assertTrue(SENTENCES.reworded(a, new int[0], b, new int[0], List.of()).isEmpty());
  }

  @Test
  void reorderedPiecesOfSentencesThatShareLittleElseAreNoPassage() {
    // The same two pieces, in a sentence most of whose words the other lacks: overlap under 0.3.
    AlignedText a =
        prepare(
            "Officials from both governments, tired after weeks of disputes over chips, tariffs,"
                + " sanctions, visas, fentanyl, journalists, student exchanges, satellite launches,"
                + " fishing rights, airline routes, farm exports and patents, said the talks were"
                + " held in Vienna on Tuesday between Jake Sullivan and Wang Yi.");
    AlignedText b = prepare(REORDERED_B);
    assertTrue(SENTENCES.reworded(a, new int[0], b, new int[0], List.of()).isEmpty());
  }
}
