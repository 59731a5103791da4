package dev.refrain.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Computes the evaluation metrics of binary classification and ranking: accuracy, precision,
 * recall and F1, Spearman rank correlation (ties get their average rank), ROC AUC (ties count
 * one half), the threshold that maximises accuracy or F1, and seeded stratified folds.
 *
 * <p>A prediction is positive when its score is at or above the threshold. All functions are
 * pure; inputs are never modified.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * Counts of a binary classification.
   *
   * @param tp positives predicted positive
   * @param fp negatives predicted positive
   * @param tn negatives predicted negative
   * @param fn positives predicted negative
   */
  public record Confusion(int tp, int fp, int tn, int fn) {
    public Confusion {
      if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
    }

    /** Pairs counted. */
    public int total() {
      return tp + fp + tn + fn;
    }

    /** Share of predictions that are right; 0 when nothing was counted. */
    public double accuracy() {
      return total() == 0 ? 0 : (double) (tp + tn) / total();
    }

    /** Share of positive predictions that are right; 0 when nothing was predicted positive. */
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    /** Share of positives predicted positive; 0 when there are no positives. */
    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    /** Harmonic mean of precision and recall: {@code 2tp / (2tp + fp + fn)}; 0 when undefined. */
    public double f1() {
      return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
  }

  /** The confusion counts of predicting {@code score >= threshold} for each labelled item. */
  public static Confusion confusion(double[] scores, boolean[] labels, double threshold) {
    checkSameLength(scores.length, labels.length);
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (predicted && labels[i]) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (labels[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    return new Confusion(tp, fp, tn, fn);
  }

  /**
   * The ranks of the values, 1 for the smallest; tied values all get the mean of the ranks they
   * span (so {@code [10, 20, 20, 30]} ranks {@code [1, 2.5, 2.5, 4]}).
   */
  public static double[] ranks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

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
    return pearson(ranks(x), ranks(y));
  }

  /**
   * Area under the ROC curve: the probability that a random positive scores above a random
   * negative, a tie counting one half (the Mann-Whitney U statistic over {@code P * N}). Throws
   * when there are no positives or no negatives.
   */
  public static double rocAuc(double[] scores, boolean[] labels) {
    checkSameLength(scores.length, labels.length);
    double[] ranks = ranks(scores);
    long positives = 0;
    double rankSum = 0;
    for (int i = 0; i < scores.length; i++) {
      if (labels[i]) {
        positives++;
        rankSum += ranks[i];
      }
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("ROC AUC needs positives and negatives");
    }
    double u = rankSum - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
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
      Confusion c = confusion(scores, labels, t);
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
  public static Confusion confusion(boolean[] predicted, boolean[] labels) {
    checkSameLength(predicted.length, labels.length);
    double[] scores = new double[predicted.length];
    for (int i = 0; i < predicted.length; i++) {
      scores[i] = predicted[i] ? 1 : 0;
    }
    return confusion(scores, labels, 0.5);
  }

  private static void checkSameLength(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("lengths differ: " + a + " and " + b);
    }
  }
}
