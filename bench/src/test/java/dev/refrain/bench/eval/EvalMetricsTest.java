package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.calibrate.Metrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The correlation, threshold and fold functions against small cases computed by hand. */
class EvalMetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void spearmanWithoutTiesMatchesTheClassicFormula() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 1, 4, 3, 5};
    // d = -1, 1, -1, 1, 0; sum d^2 = 4; 1 - 6*4 / (5*24) = 0.8
    assertEquals(0.8, EvalMetrics.spearman(x, y), EPS);
    assertEquals(1.0, EvalMetrics.spearman(x, x), EPS);
    assertEquals(-1.0, EvalMetrics.spearman(x, new double[] {50, 40, 30, 20, 10}), EPS);
  }

  @Test
  void spearmanWithTiesIsPearsonOfAverageRanks() {
    // x ranks: 1, 2.5, 2.5, 4; y ranks: 1, 2, 3, 4; both means 2.5.
    // sxy = 2.25 + 0 + 0 + 2.25 = 4.5; sxx = 2.25 + 0 + 0 + 2.25 = 4.5;
    // syy = 2.25 + 0.25 + 0.25 + 2.25 = 5
    // rho = 4.5 / sqrt(4.5 * 5) = 0.9486832980505138
    double rho = EvalMetrics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4});
    assertEquals(4.5 / Math.sqrt(4.5 * 5), rho, EPS);
  }

  @Test
  void spearmanOfAConstantIsZero() {
    assertEquals(0, EvalMetrics.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}), EPS);
  }

  @Test
  void bestThresholdSeparatesAndPrefersTheLowestOfEqualOnes() {
    double[] scores = {0.1, 0.2, 0.6, 0.9};
    boolean[] labels = {false, false, true, true};
    double t = EvalMetrics.bestThreshold(scores, labels, EvalMetrics.Objective.ACCURACY);
    assertEquals(0.4, t, EPS); // midpoint of 0.2 and 0.6
    assertEquals(1.0, Metrics.confusion(scores, labels, t).accuracy(), EPS);
    // F1 is best when everything is positive here: 2 positives of 3, none missed.
    double f = EvalMetrics.bestThreshold(new double[] {0.1, 0.2, 0.3}, new boolean[] {true, false, true},
        EvalMetrics.Objective.F1);
    assertEquals(0.1 - 1, f, EPS);
  }

  @Test
  void stratifiedFoldsAreDeterministicCoverEveryItemOnceAndBalanceLabels() {
    boolean[] labels = new boolean[50];
    for (int i = 0; i < 20; i++) {
      labels[i] = true;
    }
    List<int[]> a = EvalMetrics.stratifiedFolds(labels, 5, 7);
    List<int[]> b = EvalMetrics.stratifiedFolds(labels, 5, 7);
    List<int[]> c = EvalMetrics.stratifiedFolds(labels, 5, 8);
    boolean sameAsOtherSeed = true;
    int[] seen = new int[50];
    for (int f = 0; f < 5; f++) {
      assertArrayEquals(a.get(f), b.get(f));
      sameAsOtherSeed &= java.util.Arrays.equals(a.get(f), c.get(f));
      assertEquals(10, a.get(f).length);
      int positives = 0;
      for (int i : a.get(f)) {
        seen[i]++;
        positives += labels[i] ? 1 : 0;
      }
      assertEquals(4, positives, "each fold has its share of positives");
    }
    for (int s : seen) {
      assertEquals(1, s);
    }
    assertTrue(!sameAsOtherSeed, "another seed deals other folds");
  }

  @Test
  void crossValidationNeverChoosesTheThresholdOnTheItemsItScores() {
    // Two folds. Fold A's own best threshold would be high; fold B's data says low.
    // Items 0-3 (fold A): positives score 0.5, 0.6; negatives 0.45, 0.1.
    // Items 4-7 (fold B): positives 0.3, 0.35; negatives 0.05, 0.1.
    double[] scores = {0.5, 0.6, 0.45, 0.1, 0.3, 0.35, 0.05, 0.1};
    boolean[] labels = {true, true, false, false, true, true, false, false};
    List<int[]> folds = new ArrayList<>();
    folds.add(new int[] {0, 1, 2, 3});
    folds.add(new int[] {4, 5, 6, 7});
    boolean[] p = EvalMetrics.crossValidatedPredictions(scores, labels, folds, EvalMetrics.Objective.ACCURACY);
    // Fold A is scored with fold B's threshold (between 0.1 and 0.3 -> 0.2): 0.45 is a false positive.
    assertTrue(p[2], "fold A gets fold B's low threshold");
    // Fold B is scored with fold A's threshold (between 0.45 and 0.5 -> 0.475): all of B negative.
    assertTrue(!p[4] && !p[5], "fold B gets fold A's high threshold");
  }
}
