package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  private static double[][] x;
  private static boolean[] y;

  static {
    Random r = new Random(3);
    x = new double[400][];
    y = new boolean[400];
    for (int i = 0; i < 400; i++) {
      double a = r.nextGaussian();
      double noise = r.nextGaussian();
      x[i] = new double[] {a, noise, 7};
      y[i] = a + 0.5 * r.nextGaussian() > 0;
    }
  }

  @Test
  void learnsTheInformativeFeatureAndIgnoresConstantOnes() {
    LogisticRegression m = LogisticRegression.fit(x, y, 0.001);
    double[] w = m.weights();
    assertTrue(w[1] > 1, "informative weight " + w[1]);
    assertTrue(Math.abs(w[2]) < 0.5, "noise weight " + w[2]);
    assertEquals(0, w[3], 1e-6);
    assertTrue(m.probability(new double[] {2, 0, 7}) > 0.9);
    assertTrue(m.probability(new double[] {-2, 0, 7}) < 0.1);
  }

  @Test
  void isDeterministicAndPenaltyShrinksWeights() {
    assertEquals(LogisticRegression.fit(x, y, 0.01), LogisticRegression.fit(x, y, 0.01));
    double loose = LogisticRegression.fit(x, y, 0).weights()[1];
    double tight = LogisticRegression.fit(x, y, 0.5).weights()[1];
    assertTrue(tight < loose, tight + " < " + loose);
  }

  @Test
  void rejectsMismatchedInput() {
    assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.fit(new double[][] {{1}}, new boolean[] {true, false}, 0));
    LogisticRegression m = LogisticRegression.fit(x, y, 0);
    assertThrows(IllegalArgumentException.class, () -> m.probability(new double[] {1}));
  }
}
