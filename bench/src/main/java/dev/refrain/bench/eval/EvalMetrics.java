package dev.refrain.bench.eval;

import dev.refrain.calibrate.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Computes the measures the corpus evaluations add to {@link Metrics}: Pearson and Spearman
 * correlation (ties get their average rank), the threshold that maximises accuracy or F1, seeded
 * stratified folds, and predictions whose thresholds are chosen by cross-validation.
 *
 * <p>A prediction is positive when its score is at or above the threshold. All functions are
 * pure; inputs are never modified.
 */
public final class EvalMetrics {
  private EvalMetrics() {}

  /** Pearson correlation of two samples; 0 when either is constant. */
  public static double pearson(double[] x, double[] y) {
    checkSameLength(x.length, y.length);
    int n = x.length;
    if (n == 0) {
      return 0;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  /**
   * Spearman's rank correlation: the Pearson correlation of the average ranks (the tie-corrected
   * form, exact with ties, unlike {@code 1 - 6 sum d^2 / (n(n^2 - 1))}).
   */
  public static double spearman(double[] x, double[] y) {
    return pearson(Metrics.ranks(x), Metrics.ranks(y));
  }

  /** What a threshold is chosen to maximise. */
  public enum Objective {
    ACCURACY,
    F1
  }

  /**
   * The threshold maximising the objective on these items: the candidates are midpoints between
   * consecutive distinct scores plus one below the lowest and one above the highest; of equally
   * good ones the lowest is chosen. Ties are broken the same way every time.
   */
  public static double bestThreshold(double[] scores, boolean[] labels, Objective objective) {
    checkSameLength(scores.length, labels.length);
    if (scores.length == 0) {
      throw new IllegalArgumentException("no items to choose a threshold on");
    }
    double[] candidates = candidateThresholds(scores);
    double best = candidates[0];
    double bestValue = Double.NEGATIVE_INFINITY;
    for (double t : candidates) {
      Metrics.Confusion c = Metrics.confusion(scores, labels, t);
      double value = objective == Objective.ACCURACY ? c.accuracy() : c.f1();
      if (value > bestValue + 1e-12) {
        bestValue = value;
        best = t;
      }
    }
    return best;
  }

  /**
   * Candidate thresholds over the distinct scores, ascending: below the lowest, the midpoint of
   * each two consecutive, above the highest.
   */
  public static double[] candidateThresholds(double[] scores) {
    double[] distinct = Arrays.stream(scores).sorted().distinct().toArray();
    double[] out = new double[distinct.length + 1];
    out[0] = distinct.length == 0 ? 0 : distinct[0] - 1;
    for (int i = 1; i < distinct.length; i++) {
      out[i] = (distinct[i - 1] + distinct[i]) / 2;
    }
    if (distinct.length > 0) {
      out[distinct.length] = distinct[distinct.length - 1] + 1;
    }
    return out;
  }

  /**
   * Splits item indexes into {@code k} stratified folds with a seeded shuffle: positives and
   * negatives are each shuffled and dealt round robin, so every fold has nearly the same share
   * of each. The same labels, k and seed give the same folds.
   */
  public static List<int[]> stratifiedFolds(boolean[] labels, int k, long seed) {
    if (k < 2 || k > labels.length) {
      throw new IllegalArgumentException("folds must be 2 to " + labels.length + ", was " + k);
    }
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    Random random = new Random(seed);
    int next = 0;
    for (boolean cls : new boolean[] {true, false}) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == cls) {
          members.add(i);
        }
      }
      Collections.shuffle(members, random);
      for (int i : members) {
        folds.get(next % k).add(i);
        next++;
      }
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> f : folds) {
      out.add(f.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
    return out;
  }

  /**
   * Cross-validated predictions: for each fold, the threshold maximising {@code objective} is
   * chosen on the other folds only and applied to the fold's items. Returns each item's
   * prediction.
   */
  public static boolean[] crossValidatedPredictions(
      double[] scores, boolean[] labels, List<int[]> folds, Objective objective) {
    boolean[] predicted = new boolean[scores.length];
    boolean[] seen = new boolean[scores.length];
    for (int[] fold : folds) {
      boolean[] inFold = new boolean[scores.length];
      for (int i : fold) {
        inFold[i] = true;
      }
      int n = scores.length - fold.length;
      double[] trainScores = new double[n];
      boolean[] trainLabels = new boolean[n];
      int j = 0;
      for (int i = 0; i < scores.length; i++) {
        if (!inFold[i]) {
          trainScores[j] = scores[i];
          trainLabels[j] = labels[i];
          j++;
        }
      }
      double t = bestThreshold(trainScores, trainLabels, objective);
      for (int i : fold) {
        predicted[i] = scores[i] >= t;
        seen[i] = true;
      }
    }
    for (boolean s : seen) {
      if (!s) {
        throw new IllegalArgumentException("the folds do not cover every item");
      }
    }
    return predicted;
  }

  /** The confusion counts of predictions against labels. */
  public static Metrics.Confusion confusion(boolean[] predicted, boolean[] labels) {
    checkSameLength(predicted.length, labels.length);
    double[] scores = new double[predicted.length];
    for (int i = 0; i < predicted.length; i++) {
      scores[i] = predicted[i] ? 1 : 0;
    }
    return Metrics.confusion(scores, labels, 0.5);
  }

  private static void checkSameLength(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("lengths differ: " + a + " and " + b);
    }
  }
}
