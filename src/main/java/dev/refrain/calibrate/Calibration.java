package dev.refrain.calibrate;

import dev.refrain.kernel.ArticlePair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refrain.document.Article;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Suggests a containment threshold, shingle size and shortest passage for labelled pairs: for
 * each setting it scores every pair by {@code max(containmentA, containmentB)} of {@link
 * Scanner#compare} and finds the threshold ({@code score >= threshold} means reuse) with the
 * highest F1, with the precision/recall curve over all thresholds. The figures are measured on
 * the pairs given (in sample): hold some pairs out to check them.
 *
 * @param sizes the result for each setting, shingle sizes in the order asked for, then min words
 * @param best index into {@code sizes} of the setting with the highest F1; on ties the higher ROC
 *     AUC, then the one nearer the scan defaults (shingle size and min words of {@code base})
 */
public record Calibration(List<SizeResult> sizes, int best) {

  /**
   * One labelled pair.
   *
   * @param line the line of the JSONL file it came from (1-based), 0 when not from a file
   * @param reused the label: 1 in the file
   */
  public record LabelledPair(int line, String a, String b, boolean reused) {
    public LabelledPair {
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
    }
  }

  /**
   * A point of the precision/recall curve.
   *
   * @param threshold pairs scoring at least this are predicted reused
   */
  public record Point(double threshold, double precision, double recall, double f1, int predicted) {}

  /**
   * The calibration of one setting.
   *
   * @param minWords the shortest passage, in words on each side
   * @param threshold the threshold with the highest F1 (the higher on ties)
   * @param curve one point per distinct score, by ascending threshold
   */
  public record SizeResult(
      int shingleSize,
      int minWords,
      double threshold,
      Point atThreshold,
      double auc,
      List<Point> curve) {
    public SizeResult {
      curve = List.copyOf(curve);
    }

    /** True when the threshold calls every pair reused: the score separates nothing. */
    public boolean callsEveryPairReused() {
      return !curve.isEmpty() && atThreshold.equals(curve.get(0));
    }
  }

  public Calibration {
    sizes = List.copyOf(sizes);
    if (best < 0 || best >= sizes.size()) {
      throw new IllegalArgumentException("best must index sizes");
    }
  }

  /** The chosen result. */
  public SizeResult chosen() {
    return sizes.get(best);
  }

  /**
   * Reads labelled pairs from a JSON Lines file: one object per line with string fields {@code a}
   * and {@code b} and {@code label} 0 or 1; blank lines are skipped. Throws {@link
   * IllegalArgumentException} naming the line of a malformed record.
   */
  public static List<LabelledPair> read(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<LabelledPair> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty()) {
        continue;
      }
      int number = i + 1;
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            file + ":" + number + ": not a JSON object: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(file + ":" + number + ": not a JSON object");
      }
      JsonNode a = node.get("a");
      JsonNode b = node.get("b");
      JsonNode label = node.get("label");
      if (a == null || !a.isTextual() || b == null || !b.isTextual()) {
        throw new IllegalArgumentException(
            file + ":" + number + ": \"a\" and \"b\" must be strings");
      }
      if (label == null || !label.isIntegralNumber() || (label.asInt() != 0 && label.asInt() != 1)) {
        throw new IllegalArgumentException(file + ":" + number + ": \"label\" must be 0 or 1");
      }
      out.add(new LabelledPair(number, a.asText(), b.asText(), label.asInt() == 1));
    }
    return out;
  }

  /**
   * Calibrates on {@code pairs} for each shingle size and shortest passage, the other settings
   * from {@code base}. A shortest passage under the shingle size is the shingle size (no passage
   * is shorter than a shingle), so such combinations are tried once. Throws when the pairs do not
   * hold both labels.
   */
  public static Calibration run(
      List<LabelledPair> pairs,
      List<Integer> shingleSizes,
      List<Integer> minWordsList,
      DetectorOptions base) {
    boolean[] labels = new boolean[pairs.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = pairs.get(i).reused();
    }
    int positives = 0;
    for (boolean l : labels) {
      if (l) {
        positives++;
      }
    }
    if (positives == 0 || positives == labels.length) {
      throw new IllegalArgumentException(
          "calibration needs pairs of both labels (0 and 1); got " + positives + " of "
              + labels.length + " labelled 1");
    }
    if (shingleSizes.isEmpty() || minWordsList.isEmpty()) {
      throw new IllegalArgumentException("no shingle sizes or min words to try");
    }
    List<SizeResult> results = new ArrayList<>();
    int best = 0;
    for (int size : shingleSizes) {
      List<Integer> tried = new ArrayList<>();
      for (int requested : minWordsList) {
        int minWords = Math.max(size, requested);
        if (tried.contains(minWords)) {
          continue;
        }
        tried.add(minWords);
        DetectorOptions o =
            new DetectorOptions(
                size, base.window(), minWords, base.maxGap(),
                base.minSimilarity(), base.templateMinArticles(), base.maxBucket(), 1,
                base.seed());
        Scanner scanner = new Scanner(o);
        double[] scores = new double[pairs.size()];
        for (int i = 0; i < scores.length; i++) {
          LabelledPair p = pairs.get(i);
          ArticlePair r = scanner.compare(Article.of("a", p.a()), Article.of("b", p.b()));
          scores[i] = Math.max(r.containmentA(), r.containmentB());
        }
        results.add(sizeResult(size, minWords, scores, labels));
        if (better(results.get(results.size() - 1), results.get(best), base)) {
          best = results.size() - 1;
        }
      }
    }
    return new Calibration(results, best);
  }

  private static boolean better(SizeResult r, SizeResult than, DetectorOptions base) {
    double f1 = r.atThreshold().f1() - than.atThreshold().f1();
    if (Math.abs(f1) > 1e-12) {
      return f1 > 0;
    }
    if (Math.abs(r.auc() - than.auc()) > 1e-12) {
      return r.auc() > than.auc();
    }
    return distance(r, base) < distance(than, base);
  }

  private static int distance(SizeResult r, DetectorOptions base) {
    return Math.abs(r.shingleSize() - base.shingleSize()) + Math.abs(r.minWords() - base.minWords());
  }

  static SizeResult sizeResult(int size, int minWords, double[] scores, boolean[] labels) {
    double[] thresholds = Arrays.stream(scores).distinct().sorted().toArray();
    List<Point> curve = new ArrayList<>();
    Point best = null;
    for (double t : thresholds) {
      Metrics.Confusion c = Metrics.confusion(scores, labels, t);
      Point p = new Point(t, c.precision(), c.recall(), c.f1(), c.tp() + c.fp());
      curve.add(p);
      // Ascending thresholds: on equal F1 the later, higher threshold wins.
      if (best == null || p.f1() >= best.f1() - 1e-12) {
        best = p;
      }
    }
    return new SizeResult(
        size, minWords, best.threshold(), best, Metrics.rocAuc(scores, labels), curve);
  }
}
