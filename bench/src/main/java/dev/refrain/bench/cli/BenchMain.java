package dev.refrain.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refrain.bench.corpus.CorpusGenerator;
import dev.refrain.bench.corpus.CorpusReader;
import dev.refrain.bench.pairs.PostingsJoin;
import dev.refrain.bench.peers.ExactPeer;
import dev.refrain.bench.peers.LucenePeer;
import dev.refrain.bench.run.Harness;
import dev.refrain.bench.run.MarkdownReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code refrain-bench}: the command line of refrain's evaluation and benchmarks. Run from the
 * repo root; the product's classes come from {@code target/refrain.jar} (the jar's Class-Path).
 */
@Command(
    name = "refrain-bench",
    mixinStandardHelpOptions = true,
    version = "refrain-bench 0.1.0",
    description = "Evaluates refrain on labelled corpora and benchmarks it against peers on generated news"
        + " corpora and Reuters-21578.",
    subcommands = {EvalCommand.class, BenchMain.Generate.class, BenchMain.Run.class, BenchMain.Render.class,
        BenchMain.Peer.class, BenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is needed: eval, generate, run, render, peer or benchmark");
  }

  /** A class of the product, present when its jar is on the class path. */
  static final String PRODUCT_CLASS = "dev.refrain.cli.Main";

  public static void main(String[] args) {
    if (BenchMain.class.getClassLoader().getResource(PRODUCT_CLASS.replace('.', '/') + ".class") == null) {
      System.err.println("refrain-bench: the product's classes are not on the class path: build"
          + " target/refrain.jar at the repo root (mvn -B -q -DskipTests package); this jar reads it as"
          + " ../../target/refrain.jar, relative to where this jar is (bench/target/)");
      System.exit(3);
    }
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  static void range(CommandSpec spec, String name, long v, long lo, long hi) {
    if (v < lo || v > hi) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          String.format(Locale.ROOT, "%s must be %d to %d, was %d", name, lo, hi, v));
    }
  }

  @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Writes a seeded synthetic news corpus: DIR/articles/part-NNNNN.jsonl (id, text, source, title,"
          + " published), DIR/truth.jsonl (every pair sharing planted text, with the spans) and DIR/corpus.json."})
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--articles", paramLabel = "N", required = true, description = "Articles, 1 to 10000000.")
    int articles;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Corpus folder (replaced).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Option(names = "--sources", paramLabel = "N", description = "Outlets, 2 to 100000. Default: one per 500 articles, at least 4.")
    Integer sources;

    @Option(names = "--reuse-share", paramLabel = "X", description = "Share of articles reusing passages, 0 to 1. Default: ${DEFAULT-VALUE}.")
    double reuseShare = 0.20;

    @Option(names = "--wire-share", paramLabel = "X", description = "Share of articles reprinted by other outlets, 0 to 0.2. Default: ${DEFAULT-VALUE}.")
    double wireShare = 0.01;

    @Override
    public Integer call() throws Exception {
      range(spec, "--articles", articles, 1, 10_000_000);
      CorpusGenerator.Settings s = CorpusGenerator.Settings.defaults(articles, seed)
          .withReuseShare(reuseShare).withWireShare(wireShare);
      if (sources != null) {
        range(spec, "--sources", sources, 2, 100_000);
        s = s.withSources(sources);
      }
      if (reuseShare < 0 || reuseShare > 1 || wireShare < 0 || wireShare > 0.2) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--reuse-share must be 0 to 1, --wire-share 0 to 0.2");
      }
      CorpusGenerator.Summary r = new CorpusGenerator(s).write(out);
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%,d articles, %.1f MB (%,.0f bytes, %.0f words per article) in %d shard(s), %d outlets;"
              + " %,d true pairs (%,d spans); %.1f s (%.1f MB/s)%n",
          r.articles(), r.bytes() / 1e6, (double) r.bytes() / r.articles(), (double) r.words() / r.articles(), r.shards(),
          s.sources(), r.truthPairs(), r.truthSpans(), r.seconds(), r.bytes() / 1e6 / r.seconds());
      return 0;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Runs the benchmarks from the repo root and writes docs/benchmarks.md and benchmarks/harness.json:"
          + " for each size a generated corpus (cached under --work), refrain scan at each --threads and every peer,"
          + " each as a child process, side by side in every repeat; then Reuters-21578, index add and check."})
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "Corpus sizes in articles. Default: 10000,100000.")
    List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));

    @Option(names = "--repeats", paramLabel = "R", description = "Repeats of every run. Default: 3 up to 30,000 articles, 1 above.")
    Integer repeats;

    @Option(names = "--threads", split = ",", paramLabel = "N", description = "refrain scan thread counts. Default: 1,2.")
    List<Integer> threads = new ArrayList<>(List.of(1, 2));

    @Option(names = "--xmx", paramLabel = "SIZE", description = "Heap of refrain and of every peer JVM, e.g. 4g. Default: 4g up to 30,000 articles, 8g above.")
    String xmx;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest run before its process tree is killed. Default: ${DEFAULT-VALUE}.")
    int timeout = 1800;

    @Option(names = "--work", paramLabel = "DIR", description = "Corpora and run folders. Default: ${DEFAULT-VALUE}.")
    Path work = Path.of("target", "bench-work");

    @Option(names = "--jar", paramLabel = "FILE", description = "The refrain jar. Default: ${DEFAULT-VALUE}.")
    Path jar = Path.of("target", "refrain.jar");

    @Option(names = "--seed", paramLabel = "N", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Option(names = "--peers", split = ",", paramLabel = "NAME", description = "Peers: exact, lucene, spark; 'none' for none. Default: exact,lucene,spark.")
    List<String> peers = new ArrayList<>(List.of("exact", "lucene", "spark"));

    @Option(names = "--peer-threads", paramLabel = "N", description = "Threads of every peer. Default: ${DEFAULT-VALUE}.")
    int peerThreads = 2;

    @Option(names = "--max-df", paramLabel = "N", description = "Exact counter: shingles in more articles are ignored. Default: ${DEFAULT-VALUE}.")
    int maxDf = 50;

    @Option(names = "--min-shared", paramLabel = "N", description = "Exact counter: shingles a pair must share. Default: ${DEFAULT-VALUE}.")
    int minShared = 1;

    @Option(names = "--lucene-bands", paramLabel = "B", description = "Lucene peer: LSH bands. Default: ${DEFAULT-VALUE}.")
    int luceneBands = 128;

    @Option(names = "--lucene-rows", paramLabel = "R", description = "Lucene peer: signature values per band. Default: ${DEFAULT-VALUE}.")
    int luceneRows = 4;

    @Option(names = "--spark-tables", paramLabel = "N", description = "Spark peer: MinHashLSH hash tables. Default: ${DEFAULT-VALUE}.")
    int sparkTables = 5;

    @Option(names = "--spark-threshold", paramLabel = "D", description = "Spark peer: largest Jaccard distance joined. Default: ${DEFAULT-VALUE}.")
    double sparkThreshold = 0.9;

    @Option(names = "--spark-max-articles", paramLabel = "N", description = "Spark peer: skipped above this size. Default: ${DEFAULT-VALUE}.")
    int sparkMaxArticles = 200_000;

    @Option(names = "--data", paramLabel = "DIR", description = "Corpora folder holding reuters21578/. Default: ${DEFAULT-VALUE}.")
    Path data = Path.of("..", "shared", "corpora");

    @Option(names = "--no-reuters", description = "Leave Reuters-21578 out.")
    boolean noReuters;

    @Option(names = "--index-size", paramLabel = "N", description = "Articles for index add and benchmark check, 0 to leave out (the target is 1000000). Default: ${DEFAULT-VALUE}.")
    int indexSize = 10_000;

    @Option(names = "--checks", paramLabel = "N", description = "Checks timed by benchmark check. Default: ${DEFAULT-VALUE}.")
    int checks = 200;

    @Option(names = "--out-md", paramLabel = "FILE", description = "Default: ${DEFAULT-VALUE}.")
    Path outMd = Path.of("docs", "benchmarks.md");

    @Option(names = "--out-json", paramLabel = "FILE", description = "Default: ${DEFAULT-VALUE}.")
    Path outJson = Path.of("benchmarks", "harness.json");

    @Option(names = "--keep-reports", description = "Keep refrain's reports (deleted once read by default).")
    boolean keepReports;

    @Override
    public Integer call() throws Exception {
      for (int n : sizes) {
        range(spec, "--sizes", n, 100, 10_000_000);
      }
      for (int t : threads) {
        range(spec, "--threads", t, 1, 256);
      }
      if (repeats != null) {
        range(spec, "--repeats", repeats, 1, 100);
      }
      range(spec, "--timeout", timeout, 10, 7 * 24 * 3600);
      if (indexSize != 0) {
        range(spec, "--index-size", indexSize, 1000, 10_000_000);
      }
      range(spec, "--checks", checks, 10, 1_000_000);
      Harness.Options o = new Harness.Options();
      o.sizes = sizes;
      o.repeats = repeats;
      o.threads = threads;
      o.xmx = xmx;
      o.timeoutSeconds = timeout;
      o.work = work;
      o.jar = jar;
      o.seed = seed;
      o.peers = peers.contains("none") ? List.of() : peers;
      o.peerThreads = peerThreads;
      o.maxDf = maxDf;
      o.minShared = minShared;
      o.luceneBands = luceneBands;
      o.luceneRows = luceneRows;
      o.sparkTables = sparkTables;
      o.sparkThreshold = sparkThreshold;
      o.sparkMaxArticles = sparkMaxArticles;
      o.data = data;
      o.reuters = !noReuters;
      o.indexSize = indexSize;
      o.checks = checks;
      o.outMd = outMd;
      o.outJson = outJson;
      o.keepReports = keepReports;
      List<String> argv = new ArrayList<>(List.of("java", "-jar", "bench/target/refrain-bench.jar"));
      argv.addAll(spec.commandLine().getParseResult().originalArgs());
      o.commandLine = String.join(" ", argv);
      PrintWriter log = spec.commandLine().getErr();
      new Harness(o, log).run();
      return 0;
    }
  }

  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Renders the Markdown again from a results file, without running anything.")
  static final class Render implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "FILE", description = "Default: ${DEFAULT-VALUE}.")
    Path from = Path.of("benchmarks", "harness.json");

    @Option(names = "--out-md", paramLabel = "FILE", description = "Default: ${DEFAULT-VALUE}.")
    Path outMd = Path.of("docs", "benchmarks.md");

    @Override
    public Integer call() throws Exception {
      Files.writeString(outMd, MarkdownReport.render(JSON.readTree(from.toFile())), StandardCharsets.UTF_8);
      return 0;
    }
  }

  @Command(name = "peer", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Runs one in-process peer on a corpus folder and writes its pairs (binary, article indexes in"
          + " corpus order) to --out and its counters to --out.json. The harness runs it in a child JVM."})
  static final class Peer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "PEER", description = "exact or lucene")
    String peer;

    @Option(names = "--corpus", paramLabel = "DIR", required = true, description = "Folder of .jsonl article files.")
    Path corpus;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Pairs file.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int threads = 2;

    @Option(names = "--shingle", paramLabel = "K", description = "exact: words per shingle. Default: ${DEFAULT-VALUE}.")
    int shingle = 5;

    @Option(names = "--max-df", paramLabel = "N", description = "exact: shingles in more articles are ignored. Default: ${DEFAULT-VALUE}.")
    int maxDf = 50;

    @Option(names = "--bands", paramLabel = "B", description = "lucene: LSH bands. Default: ${DEFAULT-VALUE}.")
    int bands = 128;

    @Option(names = "--rows", paramLabel = "R", description = "lucene: values per band. Default: ${DEFAULT-VALUE}.")
    int rows = 4;

    @Option(names = "--max-bucket", paramLabel = "N", description = "lucene: a bucket of more articles proposes no pairs. Default: ${DEFAULT-VALUE}.")
    int maxBucket = 1000;

    @Override
    public Integer call() throws Exception {
      range(spec, "--threads", threads, 1, 256);
      long t0 = System.nanoTime();
      int articles = CorpusReader.countRecords(corpus);
      Path tmp = out.toAbsolutePath().getParent().resolve("tmp");
      PostingsJoin.Result r = switch (peer) {
        case "exact" -> ExactPeer.run(corpus, articles, CorpusReader.bytes(corpus), shingle, maxDf, threads, tmp);
        case "lucene" -> LucenePeer.run(corpus, articles, bands, rows, maxBucket, threads, tmp);
        default -> throw new CommandLine.ParameterException(spec.commandLine(), "PEER must be exact or lucene, was " + peer);
      };
      r.pairs().write(out);
      ObjectNode j = JSON.createObjectNode();
      j.put("peer", peer);
      j.put("articles", r.articles());
      j.put("keys", r.keys());
      j.put("runsPaired", r.runsPaired());
      j.put("runsCapped", r.runsCapped());
      j.put("pairEmissions", r.emitted());
      j.put("pairs", r.pairs().size());
      j.put("partitions", r.partitions());
      j.put("keySeconds", Math.round(r.keySeconds() * 1000) / 1000.0);
      j.put("joinSeconds", Math.round(r.joinSeconds() * 1000) / 1000.0);
      j.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
      Files.writeString(out.resolveSibling(out.getFileName() + ".json"), JSON.writeValueAsString(j) + "\n");
      spec.commandLine().getOut().println(JSON.writeValueAsString(j));
      return 0;
    }
  }
}
