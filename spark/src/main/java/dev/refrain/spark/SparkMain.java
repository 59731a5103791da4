package dev.refrain.spark;

import dev.refrain.document.LoaderOptions;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.normalize.Hash64;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refrain-spark}: the command line of the Spark job, for {@code spark-submit --class
 * dev.refrain.spark.SparkMain refrain-spark.jar scan --input ... --output ...}, or run directly
 * with Spark's jars on the class path ({@code --master local[*]}). {@link #run} returns the exit
 * code; only {@link #main} exits.
 */
@Command(
    name = "refrain-spark",
    mixinStandardHelpOptions = true,
    description = "refrain's detection as an Apache Spark job.",
    subcommands = {SparkMain.Scan.class})
public final class SparkMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command; returns the exit code, as scan's: 0 done, every input read; 2 usage; 3 an
   * input path missing, nothing read, or the output not written; 4 done, but some input files
   * skipped (each named on stderr); 1 the job failed.
   */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new SparkMain());
    cli.setExecutionExceptionHandler(
        (e, c, r) -> {
          c.getErr().println("refrain-spark: " + e.getMessage());
          for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            c.getErr().println("refrain-spark:   caused by " + t);
          }
          if (Boolean.getBoolean("refrain.trace")) {
            e.printStackTrace(c.getErr());
          }
          return e instanceof java.io.UncheckedIOException ? 3 : 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: scan");
  }

  /** {@code scan}: the job. */
  @Command(
      name = "scan",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Finds the passages the input articles share, as refrain scan does, on Spark; writes"
            + " report.jsonl (scan's JSON Lines report) and Parquet tables of articles, pairs,"
            + " passages, clusters, templates and problems to the output folder."
      })
  static final class Scan implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--input",
        required = true,
        split = ",",
        paramLabel = "PATH",
        description = "Folders or files of .txt, .md, .html, .json, .jsonl (on a file system every"
            + " worker sees), or Parquet (id, text; optional source, title, published).")
    List<String> inputs;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder.")
    String output;

    @Option(
        names = "--master",
        paramLabel = "URL",
        description = "Spark master when not run by spark-submit, e.g. local[*]. Default: local[*].")
    String master;

    @Option(names = "--shingle-size", paramLabel = "N", description = "Words per shingle. Default: 5.")
    int shingleSize = 5;

    @Option(names = "--window", paramLabel = "N", description = "Shingles per winnowing window. Default: 6.")
    int window = 6;

    @Option(names = "--min-words", paramLabel = "N", description = "Shortest passage in words. Default: 8.")
    int minWords = 8;

    @Option(names = "--max-gap", paramLabel = "N", description = "Longest run of differing words a passage bridges. Default: 8.")
    int maxGap = 8;

    @Option(names = "--min-similarity", paramLabel = "X", description = "Lowest passage similarity, 0 to 1. Default: 0.5.")
    double minSimilarity = 0.5;

    @Option(names = "--template-min-articles", paramLabel = "N", description = "Articles of one source carrying text at an edge for it to be a template. Default: 3.")
    int templateMinArticles = 3;

    @Option(names = "--max-bucket", paramLabel = "N", description = "Most articles a fingerprint may be held by and still propose pairs. Default: 200.")
    int maxBucket = 200;

    @Option(
        names = "--partition-articles",
        paramLabel = "N",
        description = "Articles a partition holds, about (its articles and their partners are"
            + " prepared at once when aligned). Default: ${DEFAULT-VALUE}.")
    int partitionArticles = 2000;

    @Option(
        names = "--skip-same-source",
        description = "Leave out pairs of two articles of one source (and an article's internal"
            + " repeats); articles with no source count as one source.")
    boolean skipSameSource;

    @Option(
        names = "--max-days-apart",
        paramLabel = "N",
        description = "Leave out pairs whose published dates (YYYY-MM-DD, the first ten"
            + " characters of published) are more than N days apart; an article without a date"
            + " is paired whatever the other's. Default: no limit.")
    int maxDaysApart = -1;

    @Option(
        names = "--previous",
        paramLabel = "DIR",
        description = "An earlier run's output to add this run's input to: its articles are"
            + " kept (an input article of an id it holds is a duplicate), pairs of two of them are"
            + " taken from it unless their template words changed, and the output (a new folder,"
            + " never DIR, which is only read) is what a run over both gives. Needs the same"
            + " detection settings.")
    String previous;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      DetectorOptions detector;
      try {
        detector =
            new DetectorOptions(
                shingleSize, window, minWords, maxGap, minSimilarity, templateMinArticles,
                maxBucket, 1, Hash64.DEFAULT_SEED);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      PairFilter filter;
      try {
        filter = new PairFilter(skipSameSource, maxDaysApart);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (partitionArticles < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--partition-articles must be at least 1, was " + partitionArticles);
      }
      SparkConf conf = new SparkConf();
      if (master != null) {
        conf.setMaster(master);
      } else if (!conf.contains("spark.master")) {
        conf.setMaster("local[*]");
      }
      conf.setAppName("refrain scan");
      SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      TaskTimes tasks = new TaskTimes();
      spark.sparkContext().addSparkListener(tasks);
      long start = System.nanoTime();
      try {
        return scan(spark, tasks, detector, filter, start, err);
      } catch (RunState.Unusable e) {
        err.println("refrain-spark: " + e.getMessage());
        err.flush();
        return e.exitCode;
      } finally {
        spark.stop();
      }
    }

    private int scan(
        SparkSession spark, TaskTimes tasks, DetectorOptions detector, PairFilter filter,
        long start, PrintWriter err) {
      {
        ScanJob.Summary s =
            ScanJob.run(
                spark,
                new ScanJob.Options(
                    inputs, output, detector, LoaderOptions.DEFAULT_MAX_FILE_BYTES,
                    partitionArticles, filter, previous));
        PrintWriter out = spec.commandLine().getOut();
        for (ArticleInput.Problem p : s.problems()) {
          err.println("refrain-spark: " + p.kind() + " " + p.path() + ": " + p.message());
        }
        out.printf(
            Locale.ROOT,
            "%,d articles, %,d candidate pairs, %,d pairs, %,d passages, %,d clusters,"
                + " %,d templates, %,d capped fingerprints in %.1f s%n",
            s.articles(), s.candidatePairs(), s.pairs(), s.passages(), s.clusters(),
            s.templates(), s.cappedFingerprints(), (System.nanoTime() - start) / 1e9);
        if (s.reuse() != null) {
          ScanJob.Reuse r = s.reuse();
          out.printf(
              Locale.ROOT,
              "added to %s: %,d articles kept, %,d new; %,d compared pairs taken as they were,"
                  + " %,d pairs of earlier articles compared again (template words changed in"
                  + " %,d articles), %,d earlier pairs no longer candidates; templates %,d then,"
                  + " %,d now%n",
              previous, r.keptArticles(), r.newArticles(), r.reusedPairs(), r.recomparedPairs(),
              r.changedArticles(), r.droppedPairs(), r.templatesBefore(), r.templatesNow());
        }
        if (s.learned() != null && s.learned().fingerprints() > 0) {
          out.printf(
              Locale.ROOT,
              "templates learned on the driver from %,d of the articles' %,d fingerprints (%.1f%%)%n",
              s.learned().held(), s.learned().fingerprints(),
              100.0 * s.learned().held() / s.learned().fingerprints());
        }
        out.println("output: " + output);
        out.println("stages that took longest (task time summed), longest task beside the median:");
        for (String line : tasks.slowest(5)) {
          out.println("  " + line);
        }
        out.flush();
        err.flush();
        if (s.articles() == 0 || s.problems().stream().anyMatch(p -> p.kind().equals("missing"))) {
          return 3;
        }
        return s.problems().stream().anyMatch(p -> p.kind().equals("skipped")) ? 4 : 0;
      }
    }
  }
}
