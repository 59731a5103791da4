package dev.refrain.cli;

import dev.refrain.check.Baseline;
import dev.refrain.check.CheckOptions;
import dev.refrain.check.Checker;
import dev.refrain.document.Article;
import dev.refrain.document.LoadProblem;
import dev.refrain.document.LoadResult;
import dev.refrain.index.ArchiveException;
import dev.refrain.index.IndexSettings;
import dev.refrain.index.LuceneArchive;
import dev.refrain.index.UncheckedArchiveException;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.RepetitionWarning;
import dev.refrain.report.CheckRenderer;
import dev.refrain.report.ControlEscape;
import dev.refrain.report.CheckRenderers;
import dev.refrain.report.CheckReport;
import dev.refrain.report.CheckReportMapper;
import dev.refrain.diff.VariantKind;
import dev.refrain.kernel.DetectorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code refrain check}: new articles against the archive, for editors and CI gates. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks new articles against an index made with 'refrain index add': for each, the archived"
          + " articles it shares passages with, the passages with their variant diffs, and how much"
          + " of it is reused. Fails (exit 1) when an article reuses more than --max-containment.",
      "Boilerplate learned from the archive, passages accepted in a --baseline file and reuse from"
          + " --allow-source sources are reported but not counted.",
      "An archived article with a checked article's own id is compared too, as its earlier"
          + " version, and counted unless --same-id update says the check is of updates."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every article within the limits",
      "  1  some article reuses more than --max-containment, had more candidates sharing",
      "     passages than --max-candidates (not compared with all of them, it fails closed),",
      "     or a counted passage (or a shared quote) carries a --fail-on kind of change",
      "  2  usage error, or settings that differ from the index's",
      "  3  an input, the baseline or the index is missing, unreadable, damaged or locked;",
      "     any input file not read (of another type, binary, empty, too large...) also gives 3:",
      "     a gate must not pass on what it did not read (leave files out with --exclude)",
      ExitCode.HELP_OUT_OF_MEMORY
    })
final class CheckCommand implements Callable<Integer>, CheckedSettings {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "New article files or folders; - for standard input (one article, or JSON Lines).")
  List<String> paths;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder.")
  Path index;

  @Option(
      names = "--max-containment",
      paramLabel = "X",
      description = "Fail when more than this share of an article's words is counted reuse, 0 to 1. Default: ${DEFAULT-VALUE}.")
  double maxContainment = 0.3;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      completionCandidates = CheckCommand.Formats.class,
      description = "Output formats, comma-separated: text, json, jsonl (JSON Lines: a header,"
          + " one line per checked article, then a summary), sarif, junit, markdown. Default: text.")
  List<String> formats = List.of("text");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write each format to a file here (check.txt, check.json, check.jsonl, check.sarif, check.xml, check.md). Without it, one format is printed on stdout.")
  Path out;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Accepted overlaps that no longer fail the check (JSON).")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write every counted passage of this run to FILE as accepted overlaps.")
  Path writeBaseline;

  @Option(names = "--allow-source", paramLabel = "NAME", description = "A source whose reuse is licensed; repeatable.")
  List<String> allowSources = new ArrayList<>();

  @Option(names = "--max-candidates", paramLabel = "N", description = "Most archived articles sharing passages with a new article that are aligned with it, 1 to 100000; an article with more candidates fails, saying how many it did not compare. Default: ${DEFAULT-VALUE}.")
  int maxCandidates = 100;

  @Option(
      names = "--same-id",
      paramLabel = "WHAT",
      description =
          "What an archived article with a checked article's own id is: compare (its earlier"
              + " version, counted like any other archived article: a copy saved under an"
              + " archived name fails) or update (the checked article replaces it: its passages"
              + " are reported, not counted). Either way the report names it. Default: compare.")
  CheckOptions.SameId sameId = CheckOptions.SameId.COMPARE;

  @Option(
      names = "--verify-index",
      description =
          "First read the whole index and check its checksums (as 'refrain index verify'): a"
              + " damaged index then fails with exit 3 before any article is judged. Costs one"
              + " read of the index.")
  boolean verifyIndex;

  @Option(
      names = "--fail-on",
      paramLabel = "KIND",
      description =
          "Also fail (exit 1) when a counted passage carries this kind of change: verbatim,"
              + " trimmed, extended, reworded, spelling, numbers-changed, names-changed;"
              + " or attribution-changed, when a quote the article shares with the archive is"
              + " attributed to two speakers; repeatable (--fail-on numbers-changed --fail-on"
              + " names-changed).")
  List<String> failOn = new ArrayList<>();

  @Option(names = "--add", description = "After checking, add the checked articles to the index.")
  boolean add;

  @Mixin DetectionOptions detection;

  @Mixin InputOptions input;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<CheckRenderer> renderers = checkedRenderers();
    java.util.Set<VariantKind> failOnKinds = failOnKinds();
    Baseline accepted = Baseline.empty();
    if (baseline != null) {
      try {
        accepted = Baseline.read(baseline);
      } catch (IOException e) {
        String message = e.getMessage();
        err.println("refrain: " + (message.startsWith(baseline.toString()) ? message : baseline + ": " + message));
        return ExitCode.INPUT.code();
      }
    }
    DetectorOptions options;
    try {
      IndexSettings stored = LuceneArchive.readSettings(index);
      options = detection.scanOptions(stored);
      List<String> diff = stored.differences(IndexSettings.of(options));
      if (!diff.isEmpty()) {
        err.println("refrain: " + index + ": index built with other settings (" + String.join("; ", diff)
            + "); leave those options out to use the index's settings");
        return ExitCode.USAGE.code();
      }
    } catch (ArchiveException e) {
      return IndexCommand.fail(err, e);
    }
    LoadResult loaded = input.loader().load(paths);
    ProblemLog log = input.problems(err);
    loaded.problems().forEach(log);
    long unread =
        loaded.problems().stream().filter(p -> p.kind() != LoadProblem.Kind.WARNING).count();
    if (unread > 0 || loaded.articles().isEmpty()) {
      log.finish();
    }
    if (unread > 0) {
      // Fails closed: a gate must not pass on what it did not read.
      err.println("refrain: nothing checked: " + unread + (unread == 1 ? " input was" : " inputs were")
          + " not read; a gate does not pass on what it did not read: make "
          + (unread == 1 ? "it" : "them") + " readable, or leave files out on purpose with"
          + " --exclude GLOB, or a .refrainignore or .gitignore in the folder");
      return ExitCode.INPUT.code();
    }
    if (loaded.articles().isEmpty()) {
      err.println("refrain: nothing checked: no readable articles in " + String.join(" ", paths));
      return ExitCode.INPUT.code();
    }
    Detector detector = new Detector(options);
    CheckOptions checkOptions =
        new CheckOptions(
            maxContainment, maxCandidates, Set.copyOf(allowSources), accepted, sameId);
    List<Checker.Result> results = new ArrayList<>();
    List<LoadProblem> problems = new ArrayList<>(loaded.problems());
    int archived;
    long[] nanos;
    try (LuceneArchive.Reader reader = LuceneArchive.openReader(index)) {
      if (verifyIndex) {
        reader.verify();
      }
      archived = reader.size();
      if (!reader.templatesCurrent()) {
        err.println("refrain: " + index + ": warning: the index's templates were learned before"
            + " its last articles were added (an index add was interrupted); the next index add"
            + " learns them again");
      }
      Checker checker = new Checker(detector, reader, checkOptions);
      nanos = new long[loaded.articles().size()];
      for (Article a : loaded.articles()) {
        long started = System.nanoTime();
        Checker.Result r = checker.check(a);
        nanos[results.size()] = System.nanoTime() - started;
        results.add(r);
        // Compared on part of its words only: said, never in silence.
        LoadProblem repetitive = RepetitionWarning.of(r.article());
        if (repetitive != null) {
          problems.add(repetitive);
          log.accept(repetitive);
        }
      }
    } catch (ArchiveException e) {
      log.finish();
      return IndexCommand.fail(err, e);
    } catch (UncheckedArchiveException e) {
      log.finish();
      return IndexCommand.fail(err, e.getCause());
    }
    log.finish();
    CheckReport report =
        CheckReportMapper.toReport(
            new CheckReport.Settings(maxContainment, options.minWords(), index.toString(), archived,
                allowSources.stream().sorted().toList(), baseline == null ? null : baseline.toString(),
                sameId.name().toLowerCase(Locale.ROOT)),
            results, problems, options.maxBucket(), maxCandidates, nanos, failOnKinds);
    try {
      List<OutputFiles.Output> files = new ArrayList<>();
      for (CheckRenderer r : renderers) {
        if (out == null) {
          StringWriter buffer = new StringWriter();
          r.render(report, buffer);
          spec.commandLine().getOut().print(buffer);
          spec.commandLine().getOut().flush();
        } else {
          files.add(new OutputFiles.Output(out.resolve(r.fileName()), w -> r.render(report, w)));
        }
      }
      OutputFiles.writeAll(files);
      if (writeBaseline != null) {
        Baseline.write(writeBaseline, baselineEntries(report));
      }
    } catch (IOException e) {
      err.println("refrain: cannot write output: " + e.getMessage());
      return ExitCode.INPUT.code();
    }
    if (add) {
      try (LuceneArchive.Writer writer = LuceneArchive.openWriter(index, IndexSettings.of(options))) {
        for (Checker.Result r : results) {
          writer.add(r.article());
        }
      } catch (ArchiveException e) {
        return IndexCommand.fail(err, e);
      }
    }
    if (out != null) {
      spec.commandLine().getOut().printf(Locale.ROOT, "%s; output in %s%n",
          dev.refrain.report.CheckTextRenderer.summary(report), ControlEscape.line(out.toString()));
      if (report.latency() != null) {
        spec.commandLine().getOut().println(dev.refrain.report.CheckTextRenderer.latency(report.latency()));
      }
    }
    return report.failed() > 0 ? ExitCode.LIMIT_EXCEEDED.code() : ExitCode.OK.code();
  }

  /** The kinds of {@code --fail-on}; an unknown one is a usage error naming the known ones. */
  private java.util.Set<VariantKind> failOnKinds() {
    java.util.Set<VariantKind> kinds = java.util.EnumSet.noneOf(VariantKind.class);
    for (String label : failOn) {
      VariantKind k = VariantKind.ofLabel(label.strip().toLowerCase(Locale.ROOT));
      if (k == null) {
        throw Usage.error(
            spec,
            "--fail-on must be one of verbatim, trimmed, extended, reworded, spelling,"
                + " numbers-changed, names-changed, attribution-changed; was " + label);
      }
      kinds.add(k);
    }
    return kinds;
  }

  private static List<Baseline.Entry> baselineEntries(CheckReport report) {
    List<Baseline.Entry> entries = new ArrayList<>();
    for (CheckReport.ArticleResult a : report.articles()) {
      for (CheckReport.Match m : a.matches()) {
        for (CheckReport.Passage p : m.passages()) {
          if (p.status().equals("counted")) {
            entries.add(new Baseline.Entry(a.id(), m.archivedId(), p.archived().text()));
          }
        }
      }
    }
    return entries;
  }

  @Override
  public void checkSettings() {
    checkedRenderers();
    failOnKinds();
    detection.scanOptions();
  }

  /** The renderers of --format, once the options this command alone has are checked. */
  private List<CheckRenderer> checkedRenderers() {
    Usage.fraction(spec, "--max-containment", maxContainment);
    Usage.range(spec, "--max-candidates", maxCandidates, 1, 100_000);
    List<CheckRenderer> renderers = renderers();
    if (out == null && renderers.size() > 1) {
      throw Usage.error(spec, "--format with several formats needs --out DIR");
    }
    return renderers;
  }

  /** The format names, for shell completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return CheckRenderers.formats().iterator();
    }
  }

  private List<CheckRenderer> renderers() {
    List<CheckRenderer> chosen = new ArrayList<>();
    for (String f : formats) {
      CheckRenderer r;
      try {
        r = CheckRenderers.forFormat(f);
      } catch (IllegalArgumentException e) {
        throw Usage.error(spec, "--format must be one or more of "
            + String.join(", ", CheckRenderers.formats()) + ", was '" + f + "'");
      }
      if (!chosen.contains(r)) {
        chosen.add(r);
      }
    }
    return chosen;
  }
}
