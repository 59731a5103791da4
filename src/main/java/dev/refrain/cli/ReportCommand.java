package dev.refrain.cli;

import dev.refrain.document.Article;
import dev.refrain.document.LoadResult;
import dev.refrain.report.ControlEscape;
import dev.refrain.report.HtmlReportRenderer;
import dev.refrain.report.JsonLinesReportReader;
import dev.refrain.report.MarkdownReportRenderer;
import dev.refrain.report.Report;
import dev.refrain.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refrain report}: the HTML and Markdown reports of a part of a JSON Lines report (one
 * {@code scan --format jsonl} or the Spark job wrote), for the archives whose whole report is too
 * large to read as a page: the pairs of one source, of a date range, the top N.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the HTML and Markdown reports of a JSON Lines report (report.jsonl, from scan"
          + " --format jsonl or the Spark job), or of the part of it the options choose: the pairs"
          + " of some sources, of a date range, the top N. The pairs keep their order (most shared"
          + " first); an article is kept with its pairs; a cluster or quote family when one of its articles is."
          + " Give the articles with --input to show them in full beside their passages."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  reports written",
      "  2  usage: unknown option, value out of range",
      "  3  the report is missing, not a refrain JSON Lines report, or cut off; an input path",
      "     is missing; the reports could not be written",
      ExitCode.HELP_INTERNAL,
      ExitCode.HELP_OUT_OF_MEMORY
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPORT.jsonl", description = "The JSON Lines report.")
  Path report;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Folder to write report.html and report.md into (created when missing).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      split = ",",
      description = "Formats to write: html, md. Default: html,md.")
  List<String> formats = new ArrayList<>(List.of("html", "md"));

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "Keep the pairs with an article of this source (its source field);"
          + " repeatable.")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Keep the pairs whose two articles were published on or after this day"
          + " (yyyy-mm-dd; an article without a date is left out).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Keep the pairs whose two articles were published on or before this day"
          + " (yyyy-mm-dd).")
  String to;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Keep the first N pairs left (the most shared). Default: all.")
  Integer top;

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description = "The articles the report was made of (files, folders, JSON Lines), read as"
          + " scan reads them, to show each pair's articles in full; repeatable. Without it the"
          + " reports show the passages alone.")
  List<String> input = new ArrayList<>();

  @Mixin InputOptions inputOptions;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    List<ReportRenderer> renderers = renderers();
    String fromDay = day("--from", from);
    String toDay = day("--to", to);
    if (top != null) {
      Usage.range(spec, "--top", top, 1, Integer.MAX_VALUE);
    }
    if (!Files.isRegularFile(report)) {
      err.println("refrain: " + ControlEscape.line(report.toString()) + ": no such report file");
      return ExitCode.INPUT.code();
    }
    JsonLinesReportReader.Contents contents;
    try {
      contents = JsonLinesReportReader.read(report);
    } catch (IOException e) {
      err.println("refrain: " + ControlEscape.line(String.valueOf(e.getMessage())));
      return ExitCode.INPUT.code();
    }
    Report part = part(contents, Set.copyOf(sources), fromDay, toDay, top);
    Map<String, String> texts = new HashMap<>();
    if (!input.isEmpty()) {
      LoadResult loaded = inputOptions.loader().load(input);
      ProblemLog log = inputOptions.problems(err);
      loaded.problems().forEach(log);
      log.finish();
      if (loaded.articles().isEmpty()) {
        err.println("refrain: no article read from --input");
        return ExitCode.INPUT.code();
      }
      Set<String> wanted = new HashSet<>();
      part.articles().forEach(a -> wanted.add(a.id()));
      for (Article a : loaded.articles()) {
        if (wanted.contains(a.id())) {
          texts.put(a.id(), a.text());
        }
      }
    }
    Report withTexts =
        new Report(
            part.schemaVersion(), part.settings(), part.articles(), part.pairs(), part.clusters(),
            part.templates(), part.problems(), part.stats(), texts, part.quoteFamilies());
    try {
      Files.createDirectories(out);
      List<OutputFiles.Output> files = new ArrayList<>();
      for (ReportRenderer r : renderers) {
        files.add(new OutputFiles.Output(out.resolve(r.fileName()), w -> r.render(withTexts, w)));
      }
      OutputFiles.writeAll(files);
    } catch (IOException e) {
      err.println("refrain: " + ControlEscape.line(out.toString()) + ": cannot write reports: "
          + e.getMessage());
      return ExitCode.INPUT.code();
    }
    stdout.println(
        Plural.count(part.articles().size(), "article") + ", "
            + Plural.count(part.pairs().size(), "pair") + " of "
            + Plural.count(contents.pairs().size(), "pair") + ", "
            + Plural.count(part.clusters().size(), "cluster") + "; reports in "
            + ControlEscape.line(out.toString()));
    return ExitCode.OK.code();
  }

  /**
   * The part of a report the filters keep: its pairs (in order) whose articles pass, the first
   * {@code top} of them, their articles, the clusters with one of those articles, every template.
   */
  static Report part(
      JsonLinesReportReader.Contents c, Set<String> sources, String from, String to, Integer top) {
    Map<String, Report.ArticleEntry> byId = new HashMap<>();
    for (Report.ArticleEntry a : c.articles()) {
      byId.put(a.id(), a);
    }
    boolean filtered = !sources.isEmpty() || from != null || to != null || top != null;
    List<Report.PairEntry> pairs = new ArrayList<>();
    Set<String> kept = new LinkedHashSet<>();
    for (Report.PairEntry p : c.pairs()) {
      if (top != null && pairs.size() >= top) {
        break;
      }
      Report.ArticleEntry a = byId.get(p.a());
      Report.ArticleEntry b = byId.get(p.b());
      if (!sources.isEmpty() && !(inSources(a, sources) || inSources(b, sources))) {
        continue;
      }
      if ((from != null || to != null) && !(inDays(a, from, to) && inDays(b, from, to))) {
        continue;
      }
      pairs.add(p);
      kept.add(p.a());
      kept.add(p.b());
    }
    List<Report.ArticleEntry> articles = new ArrayList<>();
    for (Report.ArticleEntry a : c.articles()) {
      if (!filtered || kept.contains(a.id())) {
        articles.add(a);
      }
    }
    List<Report.ClusterEntry> clusters = new ArrayList<>();
    for (Report.ClusterEntry cl : c.clusters()) {
      if (!filtered || cl.occurrences().stream().anyMatch(o -> kept.contains(o.article()))) {
        clusters.add(cl);
      }
    }
    List<Report.QuoteFamilyEntry> families = new ArrayList<>();
    for (Report.QuoteFamilyEntry f : c.quoteFamilies()) {
      if (!filtered || f.renderings().stream().anyMatch(r -> kept.contains(r.article()))) {
        families.add(f);
      }
    }
    int passages = 0;
    int between = 0;
    for (Report.PairEntry p : pairs) {
      passages += p.passages().size();
      between += p.a().equals(p.b()) ? 0 : 1;
    }
    Report.Stats s = c.stats();
    Report.Stats stats =
        filtered
            ? new Report.Stats(
                articles.size(), s.candidatePairs(), between, passages, clusters.size(),
                s.templates(), s.templateArticles(), s.cappedFingerprints(), s.skipped(),
                s.capped())
            : s;
    return new Report(
        c.schemaVersion(), c.settings(), articles, pairs, clusters, c.templates(), c.problems(),
        stats, Map.of(), families);
  }

  private static boolean inSources(Report.ArticleEntry a, Set<String> sources) {
    return a != null && a.source() != null && sources.contains(a.source());
  }

  /** Whether the article's day of publication is within [from, to] (ISO days compare as text). */
  private static boolean inDays(Report.ArticleEntry a, String from, String to) {
    if (a == null || a.published() == null || a.published().length() < 10) {
      return false;
    }
    String day = a.published().substring(0, 10);
    return (from == null || day.compareTo(from) >= 0) && (to == null || day.compareTo(to) <= 0);
  }

  private String day(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(value.strip()).toString();
    } catch (java.time.format.DateTimeParseException e) {
      throw Usage.error(spec, option + " must be a day as yyyy-mm-dd, was " + value);
    }
  }

  private List<ReportRenderer> renderers() {
    List<ReportRenderer> chosen = new ArrayList<>();
    for (String f : formats) {
      ReportRenderer r =
          switch (f.strip().toLowerCase(Locale.ROOT)) {
            case "html" -> new HtmlReportRenderer();
            case "md" -> new MarkdownReportRenderer();
            default -> throw Usage.error(spec, "--format must be html or md, was '" + f + "'");
          };
      if (chosen.stream().noneMatch(x -> x.format().equals(r.format()))) {
        chosen.add(r);
      }
    }
    return chosen;
  }
}
