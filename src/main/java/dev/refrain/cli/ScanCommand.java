package dev.refrain.cli;

import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoadProblem;
import dev.refrain.document.LoadResult;
import dev.refrain.document.LoaderOptions;
import dev.refrain.report.HtmlReportRenderer;
import dev.refrain.report.JsonReportRenderer;
import dev.refrain.report.MarkdownReportRenderer;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import dev.refrain.report.ReportRenderer;
import dev.refrain.report.TextReportRenderer;
import dev.refrain.scan.ScanOptions;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import dev.refrain.shingle.Shingler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
      "Reads .txt, .md, .html, .json and .jsonl files; folders are read recursively."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; every input read",
      "  2  usage: unknown option, value out of range, missing argument",
      "  3  an input path is missing, nothing could be read, or a report could not be written",
      "  4  done, reports written, but some input files were skipped (named on stderr)",
      "  5  internal error"
    })
final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders.")
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
      description = "Report formats, comma-separated: html, md, json. Default: html,md,json.")
  List<String> formats = List.of("html", "md", "json");

  @Option(
      names = "--shingle-size",
      paramLabel = "N",
      description = "Words per shingle, 1 to 32. Smaller finds shorter shared phrases and more noise. Default: ${DEFAULT-VALUE}.")
  int shingleSize = 5;

  @Option(
      names = "--min-words",
      paramLabel = "N",
      description = "Shortest passage reported, in words on each side, 1 to 100000. Default: ${DEFAULT-VALUE}.")
  int minWords = 8;

  @Option(
      names = "--min-similarity",
      paramLabel = "X",
      description = "Lowest passage similarity reported (share of its words both sides have), 0 to 1. Default: ${DEFAULT-VALUE}.")
  double minSimilarity = 0.5;

  @Option(
      names = "--max-gap",
      paramLabel = "N",
      description = "Longest run of differing words bridged inside one passage, 0 to 100. Default: ${DEFAULT-VALUE}.")
  int maxGap = 8;

  @Option(
      names = "--boilerplate-min-articles",
      paramLabel = "N",
      description = "Articles a verbatim passage at the head or tail must recur in to be boilerplate, 2 to 1000000. Default: ${DEFAULT-VALUE}.")
  int boilerplateMinArticles = 3;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "Shingles per MinHash window (LSH candidates), 1 to 1000. Default: ${DEFAULT-VALUE}.")
  int window = 10;

  @Option(
      names = "--bands",
      paramLabel = "N",
      description = "LSH bands, 1 to 64. More bands find more weakly similar pairs. Default: ${DEFAULT-VALUE}.")
  int bands = 8;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "MinHash values per LSH band, 1 to 8. More rows propose fewer, closer pairs. Default: ${DEFAULT-VALUE}.")
  int rows = 2;

  @Option(
      names = "--max-bucket",
      paramLabel = "N",
      description = "An LSH key shared by more articles than this is too common to propose pairs, 2 to 1000000. Default: ${DEFAULT-VALUE}.")
  int maxBucket = 200;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, 1 to 256. Default: the number of processors.")
  Integer threads;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Pairs listed on stdout, 0 for all. Default: ${DEFAULT-VALUE}.")
  int top = 20;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      description = "Progress bar on stderr: auto (when interactive), always, never. Default: ${DEFAULT-VALUE}.")
  Progress.When progress = Progress.When.AUTO;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    ScanOptions options = options();
    List<ReportRenderer> renderers = renderers();

    LoadResult loaded = new ArticleLoader(LoaderOptions.defaults()).load(paths);
    for (LoadProblem p : loaded.problems()) {
      err.println(p.toLine());
    }
    if (loaded.anyMissing()) {
      err.println("refrain: nothing scanned: fix the missing paths above");
      return ExitCode.INPUT.code();
    }
    if (loaded.articles().isEmpty()) {
      err.println("refrain: nothing scanned: no readable articles in " + String.join(" ", paths));
      return ExitCode.INPUT.code();
    }

    ScanResult result;
    try (Progress bar = Progress.create(progress, loaded.articles().size(), err)) {
      result = new Scanner(options).scan(loaded.articles(), bar);
    }
    Report report = ReportMapper.toReport(result, loaded.problems());

    try {
      Files.createDirectories(out);
      for (ReportRenderer r : renderers) {
        writeAtomically(out.resolve(r.fileName()), r, report);
      }
    } catch (IOException e) {
      err.println("refrain: " + out + ": cannot write reports: " + e.getMessage());
      return ExitCode.INPUT.code();
    }
    try {
      new TextReportRenderer(top).render(report, stdout);
    } catch (IOException e) {
      return ExitCode.INPUT.code();
    }
    stdout.println("reports: " + describe(renderers));
    stdout.flush();
    return loaded.anySkipped() ? ExitCode.SKIPPED_INPUT.code() : ExitCode.OK.code();
  }

  private String describe(List<ReportRenderer> renderers) {
    List<String> files = new ArrayList<>();
    for (ReportRenderer r : renderers) {
      files.add(out.resolve(r.fileName()).toString().replace('\\', '/'));
    }
    return String.join(" ", files);
  }

  /** Writes to a temporary file beside the target, then moves it in place. */
  private static void writeAtomically(Path target, ReportRenderer renderer, Report report)
      throws IOException {
    StringWriter buffer = new StringWriter();
    renderer.render(report, buffer);
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".refrain-", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(buffer.toString());
      }
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // Temporary files are private; a report is as readable as any file the user writes.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private ScanOptions options() {
    range("--shingle-size", shingleSize, 1, 32);
    range("--min-words", minWords, 1, 100_000);
    range("--max-gap", maxGap, 0, 100);
    range("--boilerplate-min-articles", boilerplateMinArticles, 2, 1_000_000);
    range("--window", window, 1, 1000);
    range("--bands", bands, 1, 64);
    range("--rows", rows, 1, 8);
    range("--max-bucket", maxBucket, 2, 1_000_000);
    range("--top", top, 0, Integer.MAX_VALUE);
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw usage("--min-similarity must be 0 to 1, was " + minSimilarity);
    }
    int threadCount =
        threads == null ? Math.min(256, Runtime.getRuntime().availableProcessors()) : threads;
    range("--threads", threadCount, 1, 256);
    return new ScanOptions(
        shingleSize, window, bands, rows, minWords, maxGap, minSimilarity,
        boilerplateMinArticles, maxBucket, threadCount, Shingler.DEFAULT_SEED);
  }

  private List<ReportRenderer> renderers() {
    Map<String, ReportRenderer> known = new LinkedHashMap<>();
    for (ReportRenderer r :
        List.of(new HtmlReportRenderer(), new MarkdownReportRenderer(), new JsonReportRenderer())) {
      known.put(r.format(), r);
    }
    List<ReportRenderer> chosen = new ArrayList<>();
    for (String f : formats) {
      ReportRenderer r = known.get(f.trim().toLowerCase(Locale.ROOT));
      if (r == null) {
        throw usage("--format must be one or more of html, md, json, was '" + f + "'");
      }
      if (!chosen.contains(r)) {
        chosen.add(r);
      }
    }
    return chosen;
  }

  private void range(String option, long value, long min, long max) {
    if (value < min || value > max) {
      String allowed = max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
      throw usage(option + " must be " + allowed + ", was " + value);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
