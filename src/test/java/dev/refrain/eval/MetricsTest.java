package dev.refrain.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric functions against small cases computed by hand. */
class MetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void confusionCountsAndDerivedMeasures() {
    double[] scores = {0.9, 0.8, 0.7, 0.4, 0.3, 0.1};
    boolean[] labels = {true, true, false, true, false, false};
    Metrics.Confusion c = Metrics.confusion(scores, labels, 0.5);
    // predicted positive: 0.9 (T), 0.8 (T), 0.7 (F); negative: 0.4 (T), 0.3 (F), 0.1 (F)
    assertEquals(new Metrics.Confusion(2, 1, 2, 1), c);
    assertEquals(4.0 / 6, c.accuracy(), EPS);
    assertEquals(2.0 / 3, c.precision(), EPS);
    assertEquals(2.0 / 3, c.recall(), EPS);
    assertEquals(2.0 / 3, c.f1(), EPS); // 2*2 / (2*2 + 1 + 1)
  }

  @Test
  void f1IsZeroWithoutTruePositivesAndAtThresholdCountsAsPositive() {
    assertEquals(0, new Metrics.Confusion(0, 3, 2, 1).f1(), EPS);
    assertEquals(0, new Metrics.Confusion(0, 0, 5, 0).precision(), EPS);
    Metrics.Confusion c = Metrics.confusion(new double[] {0.5}, new boolean[] {true}, 0.5);
    assertEquals(1, c.tp());
  }

  @Test
  void ranksAverageTies() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Metrics.ranks(new double[] {10, 20, 20, 30}), EPS);
    assertArrayEquals(new double[] {2, 2, 2}, Metrics.ranks(new double[] {5, 5, 5}), EPS);
    assertArrayEquals(new double[] {3, 1, 2}, Metrics.ranks(new double[] {0.9, -1, 0}), EPS);
  }

  @Test
  void spearmanWithoutTiesMatchesTheClassicFormula() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 1, 4, 3, 5};
    // d = -1, 1, -1, 1, 0; sum d^2 = 4; 1 - 6*4 / (5*24) = 0.8
    assertEquals(0.8, Metrics.spearman(x, y), EPS);
    assertEquals(1.0, Metrics.spearman(x, x), EPS);
    assertEquals(-1.0, Metrics.spearman(x, new double[] {50, 40, 30, 20, 10}), EPS);
  }

  @Test
  void spearmanWithTiesIsPearsonOfAverageRanks() {
    // x ranks: 1, 2.5, 2.5, 4; y ranks: 1, 2, 3, 4; both means 2.5.
    // sxy = 2.25 + 0 + 0 + 2.25 = 4.5; sxx = 2.25 + 0 + 0 + 2.25 = 4.5;
    // syy = 2.25 + 0.25 + 0.25 + 2.25 = 5
    // rho = 4.5 / sqrt(4.5 * 5) = 0.9486832980505138
    double rho = Metrics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4});
    assertEquals(4.5 / Math.sqrt(4.5 * 5), rho, EPS);
  }

  @Test
  void spearmanOfAConstantIsZero() {
    assertEquals(0, Metrics.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}), EPS);
  }

  @Test
  void rocAucCountsTiesAsHalf() {
    // positives 0.8, 0.4; negatives 0.6, 0.4, 0.2.
    // pairs: 0.8 beats all 3 (3); 0.4 beats 0.2 (1), ties 0.4 (0.5), loses to 0.6 (0) -> 4.5 / 6
    double auc =
        Metrics.rocAuc(
            new double[] {0.8, 0.6, 0.4, 0.4, 0.2},
            new boolean[] {true, false, true, false, false});
    assertEquals(0.75, auc, EPS);
    assertEquals(1.0, Metrics.rocAuc(new double[] {1, 0}, new boolean[] {true, false}), EPS);
    assertEquals(0.0, Metrics.rocAuc(new double[] {0, 1}, new boolean[] {true, false}), EPS);
    assertEquals(0.5, Metrics.rocAuc(new double[] {3, 3}, new boolean[] {true, false}), EPS);
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.rocAuc(new double[] {1, 2}, new boolean[] {true, true}));
  }

  @Test
  void bestThresholdSeparatesAndPrefersTheLowestOfEqualOnes() {
    double[] scores = {0.1, 0.2, 0.6, 0.9};
    boolean[] labels = {false, false, true, true};
    double t = Metrics.bestThreshold(scores, labels, Metrics.Objective.ACCURACY);
    assertEquals(0.4, t, EPS); // midpoint of 0.2 and 0.6
    assertEquals(1.0, Metrics.confusion(scores, labels, t).accuracy(), EPS);
    // F1 is best when everything is positive here: 2 positives of 3, none missed.
    double f = Metrics.bestThreshold(new double[] {0.1, 0.2, 0.3}, new boolean[] {true, false, true},
        Metrics.Objective.F1);
    assertEquals(0.1 - 1, f, EPS);
  }

  @Test
  void stratifiedFoldsAreDeterministicCoverEveryItemOnceAndBalanceLabels() {
    boolean[] labels = new boolean[50];
    for (int i = 0; i < 20; i++) {
      labels[i] = true;
    }
    List<int[]> a = Metrics.stratifiedFolds(labels, 5, 7);
    List<int[]> b = Metrics.stratifiedFolds(labels, 5, 7);
    List<int[]> c = Metrics.stratifiedFolds(labels, 5, 8);
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
    boolean[] p = Metrics.crossValidatedPredictions(scores, labels, folds, Metrics.Objective.ACCURACY);
    // Fold A is scored with fold B's threshold (between 0.1 and 0.3 -> 0.2): 0.45 is a false positive.
    assertTrue(p[2], "fold A gets fold B's low threshold");
    // Fold B is scored with fold A's threshold (between 0.45 and 0.5 -> 0.475): all of B negative.
    assertTrue(!p[4] && !p[5], "fold B gets fold A's high threshold");
  }
}
