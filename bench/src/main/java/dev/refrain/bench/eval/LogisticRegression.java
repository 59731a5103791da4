package dev.refrain.bench.eval;

import java.util.Arrays;

/**
 * Fits and applies an L2-regularised logistic regression by Newton's method on standardised
 * features: deterministic (no random start, no sampling), so the same data gives the same
 * weights.
 *
 * @param means each feature's training mean
 * @param scales each feature's training standard deviation (1 for a constant feature)
 * @param weights the intercept, then one weight per standardised feature
 */
public record LogisticRegression(double[] means, double[] scales, double[] weights) {

  public LogisticRegression {
    if (means.length != scales.length || weights.length != means.length + 1) {
      throw new IllegalArgumentException("means, scales and weights do not fit together");
    }
    means = means.clone();
    scales = scales.clone();
    weights = weights.clone();
  }

  /**
   * Fits the model to rows {@code x} (same length each) and labels {@code y}, with penalty
   * {@code lambda} on the weights (not the intercept).
   */
  public static LogisticRegression fit(double[][] x, boolean[] y, double lambda) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("need as many labels as rows, and at least one row");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be >= 0, was " + lambda);
    }
    int d = x[0].length;
    double[] means = new double[d];
    double[] scales = new double[d];
    for (double[] row : x) {
      if (row.length != d) {
        throw new IllegalArgumentException("rows differ in length");
      }
      for (int j = 0; j < d; j++) {
        means[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      means[j] /= x.length;
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scales[j] += (row[j] - means[j]) * (row[j] - means[j]);
      }
    }
    for (int j = 0; j < d; j++) {
      double sd = Math.sqrt(scales[j] / x.length);
      scales[j] = sd > 1e-12 ? sd : 1;
    }
    double[][] z = new double[x.length][d + 1];
    for (int i = 0; i < x.length; i++) {
      z[i][0] = 1;
      for (int j = 0; j < d; j++) {
        z[i][j + 1] = (x[i][j] - means[j]) / scales[j];
      }
    }
    double[] w = new double[d + 1];
    for (int iter = 0; iter < 100; iter++) {
      double[] grad = new double[d + 1];
      double[][] hess = new double[d + 1][d + 1];
      for (int i = 0; i < z.length; i++) {
        double p = sigmoid(dot(w, z[i]));
        double r = (y[i] ? 1 : 0) - p;
        double v = Math.max(p * (1 - p), 1e-10);
        for (int a = 0; a <= d; a++) {
          grad[a] += r * z[i][a];
          for (int b = 0; b <= a; b++) {
            hess[a][b] += v * z[i][a] * z[i][b];
          }
        }
      }
      for (int a = 0; a <= d; a++) {
        for (int b = 0; b < a; b++) {
          hess[b][a] = hess[a][b];
        }
        if (a > 0) {
          grad[a] -= lambda * x.length * w[a];
          hess[a][a] += lambda * x.length;
        }
        hess[a][a] += 1e-9;
      }
      double[] step = solve(hess, grad);
      double change = 0;
      for (int a = 0; a <= d; a++) {
        w[a] += step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-10) {
        break;
      }
    }
    return new LogisticRegression(means, scales, w);
  }

  /** The modelled probability that {@code features} belong to the positive class. */
  public double probability(double[] features) {
    if (features.length != means.length) {
      throw new IllegalArgumentException(
          "expected " + means.length + " features, got " + features.length);
    }
    double s = weights[0];
    for (int j = 0; j < means.length; j++) {
      s += weights[j + 1] * (features[j] - means[j]) / scales[j];
    }
    return sigmoid(s);
  }

  /** A copy of the training means. */
  @Override
  public double[] means() {
    return means.clone();
  }

  /** A copy of the training standard deviations. */
  @Override
  public double[] scales() {
    return scales.clone();
  }

  /** A copy of the weights, intercept first. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogisticRegression m
        && Arrays.equals(means, m.means)
        && Arrays.equals(scales, m.scales)
        && Arrays.equals(weights, m.weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(means) + Arrays.hashCode(scales)) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "LogisticRegression" + Arrays.toString(weights);
  }

  private static double sigmoid(double s) {
    return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves {@code m x = v} by Gaussian elimination with partial pivoting (m is copied). */
  private static double[] solve(double[][] m, double[] v) {
    int n = v.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = Arrays.copyOf(m[i], n + 1);
      a[i][n] = v[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      if (Math.abs(a[c][c]) < 1e-300) {
        continue;
      }
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k <= n; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = a[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = Math.abs(a[r][r]) < 1e-300 ? 0 : s / a[r][r];
    }
    return x;
  }
}
