package dev.refrain.cli;

import dev.refrain.document.LoadProblem;
import dev.refrain.document.LoadResult;
import dev.refrain.report.HtmlReportRenderer;
import dev.refrain.report.JsonLinesReportRenderer;
import dev.refrain.report.JsonReportRenderer;
import dev.refrain.report.MarkdownReportRenderer;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import dev.refrain.report.ReportRenderer;
import dev.refrain.report.TextReportRenderer;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ArticleStore;
import dev.refrain.kernel.Parallel;
import dev.refrain.kernel.SpooledArticleStore;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import dev.refrain.report.ControlEscape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code refrain scan}: finds the passages a set of articles share and writes reports. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Finds the passages the given articles share and writes reports: a self-contained HTML"
          + " report with the articles side by side, a Markdown summary and JSON.",
      "Prints the pairs of articles ranked by how much they share.",
      "Reads .txt, .md, .html, .json and .jsonl files; folders are read recursively, and any"
          + " other file found in them is named on stderr as skipped unless left out with"
          + " --exclude or a .refrainignore or .gitignore."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; every input read",
      "  1  --fail-over: a pair shares more than the limit (reports written)",
      "  2  usage: unknown option, value out of range, missing argument, a bad config file",
      "  3  an input path is missing, nothing could be read, or a report could not be written",
      "  4  done, reports written, but some input files were skipped (named on stderr)",
      ExitCode.HELP_INTERNAL,
      ExitCode.HELP_OUT_OF_MEMORY
    })
final class ScanCommand implements Callable<Integer>, CheckedSettings {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders; - for standard input (one article, or JSON Lines).")
  List<String> paths;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder the reports are written to (created if needed). Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("reports");

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      completionCandidates = ScanCommand.Formats.class,
      description = "Report formats, comma-separated: html, md, json, jsonl (JSON Lines: one pair a"
          + " line, for large scans). Default: html,md,json.")
  List<String> formats = List.of("html", "md", "json");

  @Mixin DetectionOptions detection;

  @Mixin InputOptions input;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Pairs listed on stdout, 0 for all. Default: ${DEFAULT-VALUE}.")
  int top = 20;

  @Option(
      names = "--store",
      paramLabel = "WHERE",
      description = "Where the articles are kept while they are compared: memory (prepared, the"
          + " fastest), disk (texts in a temporary file, prepared again when a pair needs them,"
          + " for archives larger than the heap) or auto (memory while they fit 40%% of the heap)."
          + " Default: ${DEFAULT-VALUE}.")
  Store store = Store.AUTO;

  @Option(
      names = "--timings",
      description = "Print the wall time of each stage (load, prepare, templates, candidates,"
          + " align, clusters, diff, report) on stderr at the end.")
  boolean timings;

  @Option(
      names = "--fail-over",
      paramLabel = "X",
      description = "Use the scan as a gate: exit 1 when a pair's containment either way (a in b"
          + " or b in a) is above X, 0 to 1, after writing the reports. Default: no limit.")
  Double failOver;

  @Mixin ProgressOptions progress;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    DetectorOptions options = options();
    List<ReportRenderer> renderers = renderers();

    Scanner scanner = new Scanner(options);
    Progress bar = progress.create(input.quiet, err);
    bar.stageStarted("load and prepare", 0);
    ArticleIntake.Result loaded;
    ArticleStore store;
    try (Parallel parallel = new Parallel(options.threads());
        SpooledArticleStore.Builder builder =
            new SpooledArticleStore.Builder(scanner.detector(), storeBudget(), tempDirectory())) {
      loaded =
          ArticleIntake.read(
              input.loader(), paths, scanner.detector(), parallel, input.problems(err),
              prepared -> {
                builder.add(prepared);
                bar.advanced(1);
              });
      bar.stageFinished();
      if (loaded.anyMissing()) {
        err.println("refrain: nothing scanned: fix the missing paths above");
        return ExitCode.INPUT.code();
      }
      if (loaded.articles() == 0) {
        err.println("refrain: nothing scanned: no readable articles in " + String.join(" ", paths));
        return ExitCode.INPUT.code();
      }
      store = builder.build();
    }
    ScanResult result;
    try (store; bar; Parallel reportThreads = new Parallel(options.threads())) {
      result = scanner.scan(store, bar);
      bar.stageStarted("report", 1);
      Report report = ReportMapper.toReport(result, loaded.problems(), reportThreads);
      return write(report, renderers, loaded, bar, err, stdout);
    }
  }

  @Override
  public void checkSettings() {
    options();
    renderers();
  }

  /** Where a scan too large for the heap spools its articles' texts. */
  private static Path tempDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Bytes of heap the articles may take prepared in memory: a share of the heap, by --store. */
  private long storeBudget() {
    return switch (store) {
      case MEMORY -> Long.MAX_VALUE;
      case DISK -> 0;
      case AUTO -> (long) (Runtime.getRuntime().maxMemory() * 0.4);
    };
  }

  /** Where the articles are kept during a scan. */
  enum Store {
    AUTO,
    MEMORY,
    DISK
  }

  private int write(
      Report report, List<ReportRenderer> renderers, ArticleIntake.Result loaded, Progress bar,
      PrintWriter err, PrintWriter stdout) {

    try {
      Files.createDirectories(out);
      List<OutputFiles.Output> files = new ArrayList<>();
      for (ReportRenderer r : renderers) {
        files.add(new OutputFiles.Output(out.resolve(r.fileName()), w -> r.render(report, w)));
      }
      // All written before any is moved into place: a failed run leaves the previous set whole.
      OutputFiles.writeAll(files);
    } catch (IOException e) {
      err.println("refrain: " + out + ": cannot write reports: " + e.getMessage());
      return ExitCode.INPUT.code();
    }
    bar.stageFinished();
    try {
      new TextReportRenderer(top).render(report, stdout);
    } catch (IOException e) {
      return ExitCode.INPUT.code();
    }
    stdout.println("reports: " + ControlEscape.line(describe(renderers)));
    stdout.flush();
    if (timings) {
      err.println("refrain: timings: " + bar.timings());
    }
    if (failOver != null) {
      String over = overLimit(report, failOver);
      if (over != null) {
        err.println(over);
        return ExitCode.LIMIT_EXCEEDED.code();
      }
    }
    return loaded.anySkipped() ? ExitCode.SKIPPED_INPUT.code() : ExitCode.OK.code();
  }

  /**
   * The line saying how many pairs share more than {@code limit} of either article, and the one
   * sharing most; null when none does.
   */
  static String overLimit(Report report, double limit) {
    int over = 0;
    Report.PairEntry most = null;
    for (Report.PairEntry p : report.pairsBetweenArticles()) {
      double c = Math.max(p.containmentA(), p.containmentB());
      if (c > limit) {
        over++;
        if (most == null || c > Math.max(most.containmentA(), most.containmentB())) {
          most = p;
        }
      }
    }
    if (most == null) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "refrain: %s over --fail-over %s; the most shared: %s and %s, %.1f%% and %.1f%%",
        Plural.count(over, "pair"), failOverText(limit), most.a(), most.b(),
        100 * most.containmentA(), 100 * most.containmentB());
  }

  private static String failOverText(double limit) {
    return java.math.BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
  }

  private String describe(List<ReportRenderer> renderers) {
    List<String> files = new ArrayList<>();
    for (ReportRenderer r : renderers) {
      files.add(out.resolve(r.fileName()).toString().replace('\\', '/'));
    }
    return String.join(" ", files);
  }

  private DetectorOptions options() {
    Usage.range(spec, "--top", top, 0, Integer.MAX_VALUE);
    if (failOver != null) {
      Usage.fraction(spec, "--fail-over", failOver);
    }
    return detection.scanOptions();
  }

  /** Every report renderer, in the order of {@code --format}'s help. */
  private static List<ReportRenderer> allRenderers() {
    return List.of(new HtmlReportRenderer(), new MarkdownReportRenderer(), new JsonReportRenderer(),
        new JsonLinesReportRenderer());
  }

  /** The format names, for shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return allRenderers().stream().map(ReportRenderer::format).iterator();
    }
  }

  private List<ReportRenderer> renderers() {
    Map<String, ReportRenderer> known = new LinkedHashMap<>();
    for (ReportRenderer r : allRenderers()) {
      known.put(r.format(), r);
    }
    List<ReportRenderer> chosen = new ArrayList<>();
    for (String f : formats) {
      ReportRenderer r = known.get(f.trim().toLowerCase(Locale.ROOT));
      if (r == null) {
        throw Usage.error(spec, "--format must be one or more of html, md, json, jsonl, was '" + f + "'");
      }
      if (!chosen.contains(r)) {
        chosen.add(r);
      }
    }
    return chosen;
  }

}
