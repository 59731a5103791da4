package dev.refrain.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refrain.bench.corpus.ReutersCorpus;
import dev.refrain.bench.inprocess.CheckBenchmark;
import dev.refrain.bench.inprocess.HostileTextBenchmark;
import dev.refrain.bench.inprocess.PrepareBenchmark;
import dev.refrain.cli.ExitCode;
import dev.refrain.document.Article;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code refrain-bench benchmark}: measures speed and size in this JVM, through the product's
 * classes (the harness's {@code run} measures the product jar from outside), writing a results
 * file.
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures refrain's classes in this JVM and writes the results as JSON.",
    subcommands = {
      BenchmarkCommand.Check.class,
      BenchmarkCommand.Scan.class,
      BenchmarkCommand.Prepare.class,
      BenchmarkCommand.Hostile.class,
      CommandLine.HelpCommand.class
    })
final class BenchmarkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a benchmark is needed: check, scan, prepare or hostile");
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** How the commands below are typed, from the repo root. */
  static final String COMMAND = "java -jar bench/target/refrain-bench.jar benchmark ";

  /**
   * Writes a results file: the measures plus the command, Java version and processors; whole or
   * not at all (a temporary file beside it, then moved).
   */
  static void writeResults(Path out, ObjectNode root, String command) throws IOException {
    root.put("command", command);
    root.put("java", System.getProperty("java.version"));
    root.put("processors", Runtime.getRuntime().availableProcessors());
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".refrain-bench-", ".tmp");
    try {
      Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The {@code --data} and {@code --threads} options of the benchmarks that read Reuters-21578. */
  static final class ReutersInput {
    @Option(names = "--data", paramLabel = "DIR", description = "The corpora folder. Default: ${DEFAULT-VALUE}.")
    Path data = Path.of("..", "shared", "corpora");

    @Option(names = "--threads", paramLabel = "N", description = "Threads, 1 to 256. Default: ${DEFAULT-VALUE}.")
    int threads = 2;

    /** The stories, or null after saying on stderr where to put them. */
    List<Article> stories(CommandSpec spec) throws IOException {
      BenchMain.range(spec, "--threads", threads, 1, 256);
      Path dir = data.resolve("reuters21578");
      List<Article> stories = ReutersCorpus.stories(dir);
      if (stories.isEmpty()) {
        spec.commandLine().getErr().println(
            "refrain-bench: " + dir + ": no Reuters-21578 stories (put reut2-000.sgm ... reut2-021.sgm there)");
        return null;
      }
      return stories;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Builds an index of synthetic articles (reused when the folder already holds as many),"
            + " then checks new articles, each carrying a 30-word passage copied from a random"
            + " archived one, and reports check latency (median, p95), the share of copies found,"
            + " and index time and size per article."
      })
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--articles", paramLabel = "N", description = "Archived articles, 1000 to 10000000. Default: ${DEFAULT-VALUE}.")
    int articles = 100_000;

    @Option(names = "--words", paramLabel = "N", description = "Words per article, 50 to 5000. Default: ${DEFAULT-VALUE}.")
    int words = 400;

    @Option(names = "--checks", paramLabel = "N", description = "Articles checked, 10 to 1000000. Default: ${DEFAULT-VALUE}.")
    int checks = 1000;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder. Default: ${DEFAULT-VALUE}.")
    Path index = Path.of("target", "bench-index");

    @Option(names = "--threads", paramLabel = "N", description = "Threads for indexing, 1 to 256. Default: ${DEFAULT-VALUE}.")
    int threads = 2;

    @Option(names = "--out", paramLabel = "FILE", description = "Results file (JSON). Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("benchmarks", "check.json");

    @Override
    public Integer call() throws Exception {
      BenchMain.range(spec, "--articles", articles, 1000, 10_000_000);
      BenchMain.range(spec, "--words", words, 50, 5000);
      BenchMain.range(spec, "--checks", checks, 10, 1_000_000);
      BenchMain.range(spec, "--threads", threads, 1, 256);
      PrintWriter log = spec.commandLine().getErr();
      CheckBenchmark.Result r = new CheckBenchmark(articles, words, checks, 42).run(index, threads, log);
      writeResults(
          out,
          JSON.valueToTree(r),
          COMMAND + "check --articles " + articles + " --words " + words
              + " --checks " + checks);
      spec.commandLine().getOut().printf(
          Locale.ROOT,
          "%d articles (%d words each): index %.1f s, optimize %.1f s, %d segments, %.0f bytes per article%n"
              + "check latency over %d articles: median %.2f ms, p95 %.2f ms, max %.2f ms;"
              + " planted copies found %.1f%%%n"
              + "thread CPU per check: median %.2f ms, p95 %.2f ms; candidate search alone (least of 3"
              + " runs): median %.2f ms, p95 %.2f ms%nresults: %s%n",
          r.articles(), r.wordsPerArticle(), r.indexSeconds(), r.optimizeSeconds(), r.segments(),
          r.bytesPerArticle(), r.checks(),
          r.medianMillis(), r.p95Millis(), r.maxMillis(), 100 * r.plantedFound(),
          r.cpuMedianMillis(), r.cpuP95Millis(), r.searchMedianMillis(), r.searchP95Millis(), out);
      return ExitCode.OK.code();
    }
  }

  @Command(
      name = "scan",
      mixinStandardHelpOptions = true,
      description = {
        "Scans the Reuters-21578 stories (../shared/corpora/reuters21578, or --data) and reports"
            + " wall time, throughput, memory and what was found."
      })
  static final class Scan implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ReutersInput input;

    @Option(names = "--out", paramLabel = "FILE", description = "Results file (JSON). Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("benchmarks", "scan.json");

    @Override
    public Integer call() throws Exception {
      List<Article> stories = input.stories(spec);
      if (stories == null) {
        return ExitCode.INPUT.code();
      }
      long chars = stories.stream().mapToLong(a -> a.text().length()).sum();
      DetectorOptions options = DetectorOptions.defaults().withThreads(input.threads);
      System.gc();
      long t0 = System.nanoTime();
      ScanResult r = new Scanner(options).scan(stories, ProgressListener.NONE);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Runtime rt = Runtime.getRuntime();
      long heapUsed = rt.totalMemory() - rt.freeMemory();
      long passages = r.pairs().stream().mapToLong(p -> p.passages().size()).sum();
      ObjectNode root = JSON.createObjectNode();
      root.put("articles", stories.size());
      root.put("chars", chars);
      root.put("seconds", seconds);
      root.put("megabytesPerSecond", chars / 1e6 / seconds);
      root.put("heapUsedAfterBytes", heapUsed);
      root.put("candidatePairs", r.candidatePairs());
      root.put("pairs", r.pairs().size());
      root.put("passages", passages);
      root.put("clusters", r.clusters().size());
      root.put("threads", input.threads);
      writeResults(out, root, COMMAND + "scan --threads " + input.threads);
      spec.commandLine().getOut().printf(
          Locale.ROOT,
          "%d stories (%.1f M chars) scanned in %.1f s (%.2f M chars/s, %d threads): %d candidate"
              + " pairs, %d pairs, %d passages, %d clusters%nresults: %s%n",
          stories.size(), chars / 1e6, seconds, chars / 1e6 / seconds, input.threads,
          r.candidatePairs(), r.pairs().size(), passages, r.clusters().size(), out);
      return ExitCode.OK.code();
    }
  }

  @Command(
      name = "prepare",
      mixinStandardHelpOptions = true,
      description = {
        "Throughput of tokenize, shingle and MinHash on the Reuters-21578 stories, side by side"
            + " with Lucene's MinHashFilter chain in the same run."
      })
  static final class Prepare implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ReutersInput input;

    @Option(names = "--rounds", paramLabel = "N", description = "Timed passes over the stories, 1 to 100. Default: ${DEFAULT-VALUE}.")
    int rounds = 3;

    @Option(names = "--out", paramLabel = "FILE", description = "Results file (JSON). Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("benchmarks", "prepare.json");

    @Override
    public Integer call() throws Exception {
      BenchMain.range(spec, "--rounds", rounds, 1, 100);
      List<Article> stories = input.stories(spec);
      if (stories == null) {
        return ExitCode.INPUT.code();
      }
      List<String> texts = stories.stream().map(Article::text).toList();
      List<PrepareBenchmark.Measure> measures =
          new PrepareBenchmark(texts, input.threads, rounds).run();
      ObjectNode root = JSON.createObjectNode();
      root.put("stories", texts.size());
      root.put("threads", input.threads);
      root.put("rounds", rounds);
      com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("measures");
      double lucene = measures.get(measures.size() - 1).charsPerSecond();
      PrintWriter o = spec.commandLine().getOut();
      for (PrepareBenchmark.Measure m : measures) {
        ObjectNode n = list.addObject();
        n.put("name", m.name());
        n.put("megaCharsPerSecond", m.charsPerSecond() / 1e6);
        n.put("ratioToLucene", m.charsPerSecond() / lucene);
        o.printf(Locale.ROOT, "%-60s %8.2f M chars/s  %5.2fx Lucene%n", m.name(),
            m.charsPerSecond() / 1e6, m.charsPerSecond() / lucene);
      }
      writeResults(out, root, COMMAND + "prepare --threads " + input.threads);
      o.println("results: " + out);
      return ExitCode.OK.code();
    }
  }

  @Command(
      name = "hostile",
      mixinStandardHelpOptions = true,
      description = {
        "Scan time on hostile text (one word repeated, a paragraph twice, a copy with every"
            + " tenth word changed, a few words in random order) at several lengths: work that"
            + " grows faster than the text shows as time per word growing with the length. To"
            + " measure an older product on the same articles, put its jar first on the class"
            + " path: java -cp OLD.jar:bench/target/refrain-bench.jar"
            + " dev.refrain.bench.cli.BenchMain benchmark hostile."
      })
  static final class Hostile implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--words", paramLabel = "N,N", split = ",", description = "Words per article, each 1000 to 10000000. Default: ${DEFAULT-VALUE}.")
    List<Integer> words = List.of(100_000, 200_000, 400_000);

    @Option(names = "--threads", paramLabel = "N", description = "Threads, 1 to 256. Default: ${DEFAULT-VALUE}.")
    int threads = 2;

    @Option(names = "--out", paramLabel = "FILE", description = "Results file (JSON). Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("benchmarks", "hostile.json");

    @Override
    public Integer call() throws Exception {
      for (int n : words) {
        BenchMain.range(spec, "--words", n, 1000, 10_000_000);
      }
      BenchMain.range(spec, "--threads", threads, 1, 256);
      PrintWriter o = spec.commandLine().getOut();
      List<HostileTextBenchmark.Measure> measures =
          new HostileTextBenchmark(words, threads).run(o);
      ObjectNode root = JSON.createObjectNode();
      root.put("threads", threads);
      root.set("measures", JSON.valueToTree(measures));
      writeResults(
          out, root,
          COMMAND + "hostile --words "
              + String.join(",", words.stream().map(String::valueOf).toList())
              + " --threads " + threads);
      o.println("results: " + out);
      return ExitCode.OK.code();
    }
  }
}
