package dev.refrain.calibrate;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Computes the measures of scores against binary labels that calibration reports: the confusion
 * counts at a threshold (accuracy, precision, recall, F1), average ranks, and ROC AUC (ties count
 * one half).
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

  private static void checkSameLength(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("lengths differ: " + a + " and " + b);
    }
  }
}
