package dev.refrain.bench.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * One measured figure of an evaluation, with its target and the published figures it is shown
 * beside.
 *
 * @param metric what was measured, e.g. "accuracy (5-fold CV threshold)"
 * @param value the measured value
 * @param decimals decimals to show, 0 to 6 (0 for counts)
 * @param target the target, or null when there is none
 * @param anchor published or baseline figures to compare with, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String metric, double value, int decimals, Target target, String anchor) {

  public Figure {
    Objects.requireNonNull(metric, "metric");
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals must be 0 to 6, was " + decimals);
    }
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("value of " + metric + " is NaN");
    }
  }

  /**
   * A target a figure must reach.
   *
   * @param atLeast true when the figure must be at least {@code value}, false when at most
   */
  public record Target(boolean atLeast, double value) {
    /** A lower bound. */
    public static Target atLeast(double v) {
      return new Target(true, v);
    }

    /** An upper bound. */
    public static Target atMost(double v) {
      return new Target(false, v);
    }

    /** The target as text, e.g. {@code >= 0.96}. */
    public String show(int decimals) {
      return (atLeast ? ">= " : "<= ") + format(value, decimals);
    }
  }

  /** A figure without target or anchor. */
  public static Figure of(String metric, double value, int decimals) {
    return new Figure(metric, value, decimals, null, null);
  }

  /** Whether the figure meets its target (as shown, rounded); null without a target. */
  @JsonProperty("met")
  public Boolean met() {
    if (target == null) {
      return null;
    }
    double rounded = Double.parseDouble(shown());
    return target.atLeast() ? rounded >= target.value() : rounded <= target.value();
  }

  /** The value rounded to {@code decimals}, as shown in every format. */
  @JsonProperty("shown")
  public String shown() {
    return format(value, decimals);
  }

  static String format(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
