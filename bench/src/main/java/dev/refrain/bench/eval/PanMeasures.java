package dev.refrain.bench.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes PAN's character-level plagiarism detection measures (Potthast et al., "An Evaluation
 * Framework for Plagiarism Detection", COLING 2010; as in PAN's reference
 * {@code pan09-plagiarism-detection-performance-measures.py}): macro-averaged recall and
 * precision, granularity and plagdet.
 *
 * <ul>
 *   <li>recall = mean over cases s of the share of s's characters (suspicious and source side
 *       together) covered by the detections that overlap s on both sides;
 *   <li>precision = the same with cases and detections swapped;
 *   <li>granularity = mean, over the cases some detection overlaps, of the number of detections
 *       overlapping it;
 *   <li>plagdet = F1(precision, recall) / log2(1 + granularity).
 * </ul>
 *
 * <p>A boundary tolerance of {@code t} characters (0 gives the official measures) widens the
 * other side's spans by {@code t} at each end before overlap and coverage are measured: a case's
 * recall is computed against widened detections, a detection's precision against widened cases.
 * It absorbs offsets that point a few characters off the text they mean.
 */
public final class PanMeasures {
  private PanMeasures() {}

  /**
   * The measures.
   *
   * @param detectedCases cases overlapped by at least one detection
   */
  public record Score(
      double precision,
      double recall,
      double granularity,
      double plagdet,
      int cases,
      int detections,
      int detectedCases) {
    public Score {
      if (!(granularity >= 1)) {
        throw new IllegalArgumentException("granularity must be >= 1, was " + granularity);
      }
    }
  }

  /** The measures of {@code detections} against {@code cases}, with boundary tolerance {@code t}. */
  public static Score score(List<PanCase> cases, List<PanCase> detections, int t) {
    if (t < 0) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + t);
    }
    double recall = macroRecall(cases, widen(detections, t));
    double precision = macroRecall(detections, widen(cases, t));
    Map<String, List<PanCase>> byPair = index(widen(detections, t));
    int detected = 0;
    long overlapping = 0;
    for (PanCase c : cases) {
      int n = 0;
      for (PanCase d : byPair.getOrDefault(c.pair(), List.of())) {
        if (c.overlaps(d)) {
          n++;
        }
      }
      if (n > 0) {
        detected++;
        overlapping += n;
      }
    }
    double granularity = detected == 0 ? 1 : (double) overlapping / detected;
    return new Score(
        precision,
        recall,
        granularity,
        plagdet(precision, recall, granularity),
        cases.size(),
        detections.size(),
        detected);
  }

  /** F1 of precision and recall divided by {@code log2(1 + granularity)}; 0 if both are 0. */
  public static double plagdet(double precision, double recall, double granularity) {
    if (precision + recall == 0) {
      return 0;
    }
    double f1 = 2 * precision * recall / (precision + recall);
    return f1 / (Math.log(1 + granularity) / Math.log(2));
  }

  /** Each case's recall against {@code detections} with boundary tolerance {@code t}, in order. */
  static double[] caseRecalls(List<PanCase> cases, List<PanCase> detections, int t) {
    List<PanCase> widened = widen(detections, t);
    Map<String, List<PanCase>> byPair = index(widened);
    double[] out = new double[cases.size()];
    for (int i = 0; i < out.length; i++) {
      PanCase c = cases.get(i);
      out[i] = macroRecall(List.of(c), byPair.getOrDefault(c.pair(), List.of()));
    }
    return out;
  }

  /**
   * Mean over {@code cases} of the share of each case's characters covered by the {@code
   * detections} that overlap it; 1 when both lists are empty, 0 when only one is.
   */
  static double macroRecall(List<PanCase> cases, List<PanCase> detections) {
    if (cases.isEmpty() && detections.isEmpty()) {
      return 1;
    }
    if (cases.isEmpty() || detections.isEmpty()) {
      return 0;
    }
    Map<String, List<PanCase>> byPair = index(detections);
    double sum = 0;
    for (PanCase c : cases) {
      List<PanCase> over = new ArrayList<>();
      for (PanCase d : byPair.getOrDefault(c.pair(), List.of())) {
        if (c.overlaps(d)) {
          over.add(d);
        }
      }
      int length = c.thisLength() + c.sourceLength();
      if (length == 0) {
        continue;
      }
      int covered =
          covered(c.thisStart(), c.thisEnd(), over, true)
              + covered(c.sourceStart(), c.sourceEnd(), over, false);
      sum += (double) covered / length;
    }
    return sum / cases.size();
  }

  private static int covered(int from, int to, List<PanCase> over, boolean thisSide) {
    boolean[] hit = new boolean[to - from];
    for (PanCase d : over) {
      int s = Math.max(from, thisSide ? d.thisStart() : d.sourceStart());
      int e = Math.min(to, thisSide ? d.thisEnd() : d.sourceEnd());
      for (int i = s; i < e; i++) {
        hit[i - from] = true;
      }
    }
    int n = 0;
    for (boolean h : hit) {
      if (h) {
        n++;
      }
    }
    return n;
  }

  private static List<PanCase> widen(List<PanCase> spans, int t) {
    return t == 0 ? spans : spans.stream().map(s -> s.widened(t)).toList();
  }

  private static Map<String, List<PanCase>> index(List<PanCase> spans) {
    Map<String, List<PanCase>> out = new HashMap<>();
    for (PanCase s : spans) {
      out.computeIfAbsent(s.pair(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }
}
