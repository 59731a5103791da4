package dev.refrain.cli;

import dev.refrain.calibrate.Calibration;
import dev.refrain.kernel.DetectorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refrain calibrate}: suggests the containment threshold and shingle size that maximise
 * F1 on labelled pairs, and prints the precision/recall curve.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Suggests the containment threshold, shingle size and shortest passage (from"
          + " --shingle-sizes and --min-words) that maximise F1 on labelled pairs, and prints the"
          + " precision/recall curve.",
      "",
      "Input: a JSON Lines file, one pair per line:",
      "  {\"a\": \"first text\", \"b\": \"second text\", \"label\": 1}",
      "label 1: the two texts share reused text; label 0: they do not. Blank lines are skipped;"
          + " a malformed line stops the run with its line number. Both labels must occur.",
      "",
      "Each pair is scored by max(containmentA, containmentB) of refrain's passage aligner (the"
          + " share of the more contained text's words inside shared passages); a pair is"
          + " predicted reused when its score is at or above the threshold. The figures are"
          + " measured on the pairs given: check the threshold on pairs you held out."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  2  usage: bad option or value",
      "  3  the pairs file is missing, unreadable or malformed, or lacks one of the labels",
      ExitCode.HELP_INTERNAL,
      ExitCode.HELP_OUT_OF_MEMORY
    })
public final class CalibrateCommand implements Callable<Integer> {

  /** Most curve rows printed; the curve is thinned evenly, keeping the chosen threshold. */
  static final int CURVE_ROWS = 25;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pairs.jsonl>", description = "labelled pairs, JSON Lines")
  Path file;

  @Option(names = "--shingle-sizes", paramLabel = "N", split = ",", defaultValue = "3,4,5",
      description = "shingle sizes to try, 1 to 32 (default: ${DEFAULT-VALUE})")
  List<Integer> shingleSizes;

  @Option(names = "--min-words", paramLabel = "N", split = ",", defaultValue = "3,5,8",
      description = "shortest passages to try, in words on each side, 1 to 100000 (default:"
          + " ${DEFAULT-VALUE}; one under a shingle size counts as the shingle size)")
  List<Integer> minWords;

  @Option(names = "--max-gap", paramLabel = "N",
      description = "longest run of differing words bridged in a passage, 0 to 100 (default: the"
          + " scan default, 8)")
  Integer maxGap;


  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    DetectorOptions d = DetectorOptions.defaults();
    DetectorOptions base;
    try {
      for (int size : shingleSizes) {
        if (size < 1 || size > 32) {
          throw new IllegalArgumentException("shingle sizes must be 1 to 32, was " + size);
        }
      }
      for (int words : minWords) {
        if (words < 1 || words > 100_000) {
          throw new IllegalArgumentException("min words must be 1 to 100000, was " + words);
        }
      }
      base =
          new DetectorOptions(
              d.shingleSize(), d.window(), d.minWords(), maxGap == null ? d.maxGap() : maxGap,
              d.minSimilarity(), d.templateMinArticles(), d.maxBucket(), 1, d.seed());
    } catch (IllegalArgumentException e) {
      err.println("refrain: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    List<Calibration.LabelledPair> pairs;
    try {
      if (!Files.isRegularFile(file)) {
        err.println("refrain: " + file + ": no such file");
        return ExitCode.INPUT.code();
      }
      pairs = Calibration.read(file);
    } catch (NoSuchFileException e) {
      err.println("refrain: " + file + ": no such file");
      return ExitCode.INPUT.code();
    } catch (IOException | UncheckedIOException e) {
      err.println("refrain: cannot read " + file + ": " + e.getMessage());
      return ExitCode.INPUT.code();
    } catch (IllegalArgumentException e) {
      err.println("refrain: " + e.getMessage());
      return ExitCode.INPUT.code();
    }
    Calibration c;
    try {
      c = Calibration.run(pairs, shingleSizes, minWords, base);
    } catch (IllegalArgumentException e) {
      err.println("refrain: " + e.getMessage());
      return ExitCode.INPUT.code();
    }
    out.print(render(c, pairs, base));
    out.flush();
    return ExitCode.OK.code();
  }

  /** The calibration as text tables. */
  static String render(Calibration c, List<Calibration.LabelledPair> pairs, DetectorOptions base) {
    long positives = pairs.stream().filter(Calibration.LabelledPair::reused).count();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%d pairs (%d labelled 1, %d labelled 0); score = max(containmentA, containmentB);"
                + " max gap %d%n%n",
            pairs.size(), positives, pairs.size() - positives, base.maxGap()));
    s.append("shingle  min words  threshold  precision  recall     F1  ROC AUC\n");
    for (Calibration.SizeResult r : c.sizes()) {
      s.append(
          String.format(
              Locale.ROOT,
              "%7d  %9d  %9.4f  %9.3f  %6.3f  %5.3f  %7.3f%s%n",
              r.shingleSize(), r.minWords(), r.threshold(), r.atThreshold().precision(),
              r.atThreshold().recall(), r.atThreshold().f1(), r.auc(),
              r == c.chosen() ? "  <- suggested" : ""));
    }
    Calibration.SizeResult chosen = c.chosen();
    s.append(
        String.format(
            Locale.ROOT,
            "%nSuggested: --shingle-size %d --min-words %d, report pairs with containment >= %.4f%n",
            chosen.shingleSize(), chosen.minWords(), chosen.threshold()));
    if (chosen.callsEveryPairReused()) {
      s.append(
          "Note: that threshold calls every pair reused, so its F1 is that of always guessing"
              + " 'reused': containment does not separate these labels. Look at the ROC AUC and"
              + " the curve below before using it; shorter passages (--min-words) or more"
              + " labelled pairs may help.\n");
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nPrecision/recall curve, shingle size %d, min words %d (predicted reused: score >="
                + " threshold)%n",
            chosen.shingleSize(), chosen.minWords()));
    s.append("threshold  precision  recall     F1  predicted\n");
    for (Calibration.Point p : thin(chosen.curve(), chosen.atThreshold())) {
      s.append(
          String.format(
              Locale.ROOT,
              "%9.4f  %9.3f  %6.3f  %5.3f  %9d%s%n",
              p.threshold(), p.precision(), p.recall(), p.f1(), p.predicted(),
              p.equals(chosen.atThreshold()) ? "  <- best F1" : ""));
    }
    return s.toString();
  }

  /** At most {@link #CURVE_ROWS} points spread evenly over the curve, always with {@code keep}. */
  static List<Calibration.Point> thin(List<Calibration.Point> curve, Calibration.Point keep) {
    if (curve.size() <= CURVE_ROWS) {
      return curve;
    }
    List<Calibration.Point> out = new ArrayList<>();
    for (int i = 0; i < CURVE_ROWS; i++) {
      Calibration.Point p = curve.get((int) ((long) i * (curve.size() - 1) / (CURVE_ROWS - 1)));
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    if (!out.contains(keep)) {
      out.add(keep);
      out.sort(Comparator.comparingDouble(Calibration.Point::threshold));
    }
    return out;
  }
}
