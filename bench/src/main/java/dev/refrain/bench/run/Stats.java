package dev.refrain.bench.run;

import java.util.Arrays;
import java.util.List;

/** Min, median, max over repeats, and the least-squares slope of log time on log size. */
public final class Stats {
  private Stats() {}

  public static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  public static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  public static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    int n = a.length;
    return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  }

  /** Slope of ln(y) against ln(x); NaN for fewer than two distinct x. */
  public static double logLogSlope(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      sx += Math.log(x[i]);
      sy += Math.log(y[i]);
    }
    double mx = sx / n;
    double my = sy / n;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(x[i]) - mx;
      num += dx * (Math.log(y[i]) - my);
      den += dx * dx;
    }
    return den == 0 ? Double.NaN : num / den;
  }
}
