package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PAN's character measures against small hand-computed cases. */
class PanMeasuresTest {
  private static final double EPS = 1e-12;
  private static final String P = "susp1 src1";

  private static PanCase c(int ts, int te, int ss, int se) {
    return new PanCase(P, ts, te, ss, se);
  }

  @Test
  void aPerfectDetectionScoresOne() {
    PanMeasures.Score s = PanMeasures.score(List.of(c(100, 200, 0, 100)), List.of(c(100, 200, 0, 100)), 0);
    assertEquals(1, s.precision(), EPS);
    assertEquals(1, s.recall(), EPS);
    assertEquals(1, s.granularity(), EPS);
    assertEquals(1, s.plagdet(), EPS);
  }

  @Test
  void halfADetectionHalvesRecallButKeepsPrecision() {
    // Case: 100 + 100 chars. Detection covers 50 + 50 of it, all inside.
    PanMeasures.Score s = PanMeasures.score(List.of(c(0, 100, 0, 100)), List.of(c(0, 50, 50, 100)), 0);
    assertEquals(0.5, s.recall(), EPS);
    assertEquals(1, s.precision(), EPS);
    assertEquals(2 * 0.5 / 1.5, s.plagdet(), EPS);
  }

  @Test
  void aDetectionSpillingOutLosesPrecision() {
    // Detection 0..200 (this) and 0..100 (source) against case 0..100 / 0..100:
    // recall 1; precision (100 + 100) / (200 + 100) = 2/3.
    PanMeasures.Score s = PanMeasures.score(List.of(c(0, 100, 0, 100)), List.of(c(0, 200, 0, 100)), 0);
    assertEquals(1, s.recall(), EPS);
    assertEquals(2.0 / 3, s.precision(), EPS);
    assertEquals(0.8, s.plagdet(), EPS); // F1 of 1 and 2/3
  }

  @Test
  void twoDetectionsOfOneCaseDoubleGranularity() {
    PanMeasures.Score s =
        PanMeasures.score(
            List.of(c(0, 100, 0, 100)), List.of(c(0, 50, 0, 50), c(50, 100, 50, 100)), 0);
    assertEquals(1, s.recall(), EPS);
    assertEquals(1, s.precision(), EPS);
    assertEquals(2, s.granularity(), EPS);
    assertEquals(1 / (Math.log(3) / Math.log(2)), s.plagdet(), EPS);
  }

  @Test
  void macroAveragingWeighsCasesAndDetectionsEqually() {
    // Case 1 (20 chars) fully found, case 2 (200 chars) missed: recall (1 + 0) / 2.
    // Detections: the hit, and a false one elsewhere: precision (1 + 0) / 2.
    PanMeasures.Score s =
        PanMeasures.score(
            List.of(c(0, 10, 0, 10), c(1000, 1100, 1000, 1100)),
            List.of(c(0, 10, 0, 10), c(500, 600, 500, 600)),
            0);
    assertEquals(0.5, s.recall(), EPS);
    assertEquals(0.5, s.precision(), EPS);
    assertEquals(1, s.granularity(), EPS);
    assertEquals(1, s.detectedCases());
  }

  @Test
  void overlapMustHoldOnBothSidesAndInTheSamePair() {
    PanCase truth = c(0, 100, 0, 100);
    PanMeasures.Score wrongSource = PanMeasures.score(List.of(truth), List.of(c(0, 100, 500, 600)), 0);
    assertEquals(0, wrongSource.recall(), EPS);
    assertEquals(0, wrongSource.plagdet(), EPS);
    PanMeasures.Score wrongPair =
        PanMeasures.score(List.of(truth), List.of(new PanCase("susp2 src1", 0, 100, 0, 100)), 0);
    assertEquals(0, wrongPair.recall(), EPS);
  }

  @Test
  void toleranceAbsorbsShiftedOffsets() {
    // The detection is the case shifted by 10 chars on both sides.
    List<PanCase> cases = List.of(c(100, 200, 100, 200));
    List<PanCase> dets = List.of(c(110, 210, 90, 190));
    PanMeasures.Score strict = PanMeasures.score(cases, dets, 0);
    assertEquals(0.9, strict.recall(), EPS);
    assertEquals(0.9, strict.precision(), EPS);
    PanMeasures.Score tolerant = PanMeasures.score(cases, dets, 10);
    assertEquals(1, tolerant.recall(), EPS);
    assertEquals(1, tolerant.precision(), EPS);
    assertEquals(1, tolerant.plagdet(), EPS);
  }

  @Test
  void emptyInputs() {
    assertEquals(1, PanMeasures.macroRecall(List.of(), List.of()), EPS);
    PanMeasures.Score none = PanMeasures.score(List.of(c(0, 10, 0, 10)), List.of(), 0);
    assertEquals(0, none.recall(), EPS);
    assertEquals(0, none.precision(), EPS);
    assertEquals(1, none.granularity(), EPS);
    assertEquals(0, none.plagdet(), EPS);
  }
}
