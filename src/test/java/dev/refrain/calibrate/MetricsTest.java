package dev.refrain.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
