package dev.refrain.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refrain.bench.corpus.CorpusGenerator;
import dev.refrain.bench.corpus.CorpusInfo;
import dev.refrain.bench.corpus.CorpusReader;
import dev.refrain.bench.corpus.ReutersCorpus;
import dev.refrain.bench.pairs.LongList;
import dev.refrain.bench.pairs.Pairs;
import dev.refrain.bench.peers.spark.SparkFlags;
import dev.refrain.bench.report.RefrainReport;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The benchmark run: for each size, a generated corpus (cached), then in each repeat, side by
 * side, refrain {@code scan} at each thread count and every peer, each as a child process;
 * quality against the ground truth from the first finished repeat; then Reuters-21578 (recall
 * against the exact counter), index and check; writes {@code harness.json} and renders the
 * Markdown from it.
 */
public final class Harness {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The run's settings (the {@code run} command's options). */
  public static final class Options {
    public List<Integer> sizes = List.of(10_000, 100_000);
    public Integer repeats; // null: 3 up to 30,000 articles, 1 above
    public List<Integer> threads = List.of(1, 2);
    public String xmx; // null: 4g up to 30,000 articles, 8g above
    public int timeoutSeconds = 1800;
    public Path work = Path.of("target", "bench-work");
    public Path jar = Path.of("target", "refrain.jar");
    public long seed = 42;
    public List<String> peers = List.of("exact", "lucene", "spark");
    public int peerThreads = 2;
    public int shingle = 5;
    public int maxDf = 50;
    public int minShared = 1;
    public int luceneBands = 128;
    public int luceneRows = 4;
    public int luceneMaxBucket = 1000;
    public int sparkTables = 5;
    public double sparkThreshold = 0.9;
    public int sparkMaxArticles = 200_000;
    public Path data = Path.of("..", "shared", "corpora");
    public boolean reuters = true;
    public int indexSize = 10_000;
    public int checks = 200;
    public Path outMd = Path.of("docs", "benchmarks.md");
    public Path outJson = Path.of("benchmarks", "harness.json");
    public boolean keepReports = false;
    public String commandLine = "";

    int repeatsFor(int articles) {
      return repeats != null ? repeats : articles <= 30_000 ? 3 : 1;
    }

    String xmxFor(int articles) {
      return xmx != null ? xmx : articles <= 30_000 ? "4g" : "8g";
    }
  }

  private final Options o;
  private final PrintWriter log;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private String format = "json";
  private boolean timings;
  private final ArrayNode notFinished = JSON.createArrayNode();

  public Harness(Options options, PrintWriter log) {
    this.o = options;
    this.log = log;
  }

  /** Runs everything and writes both outputs. */
  public void run() throws Exception {
    long t0 = System.nanoTime();
    if (!Files.isRegularFile(o.jar)) {
      throw new IOException(o.jar + ": no refrain jar (build it from the repo root: mvn -B -q -DskipTests package)");
    }
    Files.createDirectories(o.work);
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "refrain-bench/1");
    root.set("machine", Machine.describe());
    root.set("refrain", refrainInfo());
    format = probeFormat();
    root.with("refrain").put("outputFormat", format);
    timings = probeTimings();
    root.with("refrain").put("stageTimings", timings);
    root.set("settings", settings());
    root.put("complete", false);
    ArrayNode sizes = root.putArray("sizes");
    root.set("notFinished", notFinished);
    for (int n : o.sizes) {
      sizes.add(size(n));
      root.set("scaling", scaling(sizes));
      write(root, t0); // partial results survive an interrupted run
    }
    if (o.reuters) {
      root.set("reuters", reuters());
      write(root, t0);
      root.set("signatures", signatures());
      write(root, t0);
    }
    if (o.indexSize > 0) {
      root.set("index", index());
    }
    root.put("complete", true);
    write(root, t0);
    log.printf(Locale.ROOT, "wrote %s and %s%n", o.outJson, o.outMd);
    log.flush();
  }

  private void write(ObjectNode root, long t0) throws IOException {
    root.put("harnessSeconds", round((System.nanoTime() - t0) / 1e9, 1));
    Files.createDirectories(o.outJson.toAbsolutePath().getParent());
    Files.writeString(o.outJson, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    Files.createDirectories(o.outMd.toAbsolutePath().getParent());
    Files.writeString(
        o.outMd, MarkdownReport.render(root) + keptSection(o.outMd), StandardCharsets.UTF_8);
  }

  /** The heading of the section of the file the harness keeps: the Spark job's, measured apart. */
  static final String KEPT_SECTION = "## Spark job";

  /**
   * The {@link #KEPT_SECTION} of the file written before (to its end), or "": its figures come
   * from the Spark job's own commands, not from this harness, and are kept when it rewrites the
   * file.
   */
  static String keptSection(Path md) throws IOException {
    if (!Files.isRegularFile(md)) {
      return "";
    }
    String old = Files.readString(md, StandardCharsets.UTF_8);
    int at = old.indexOf("\n" + KEPT_SECTION + "\n");
    return at < 0 ? "" : old.substring(at);
  }

  // ---------------------------------------------------------------------------------------------

  private ObjectNode refrainInfo() throws IOException {
    ObjectNode r = JSON.createObjectNode();
    r.put("jar", slash(o.jar));
    r.put("jarBytes", Files.size(o.jar));
    // the last commit of the product itself (its sources and pom), not of bench/
    String commit = git("log", "-1", "--format=%h", "--", "src", "pom.xml");
    if (commit != null) {
      r.put("commit", commit);
      String subject = git("log", "-1", "--format=%s", "--", "src", "pom.xml");
      if (subject != null) {
        r.put("commitSubject", subject);
      }
    }
    return r;
  }

  private static String git(String... args) {
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add("git");
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && !out.isEmpty() ? out : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  /** jsonl when the jar accepts {@code --format jsonl} on a two-article input, else json. */
  private String probeFormat() throws IOException {
    Path dir = o.work.resolve("probe");
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    String text = "The quick brown fox jumps over the lazy dog near the river bank today again and again.";
    Files.writeString(in.resolve("a.jsonl"),
        "{\"id\":\"p1\",\"text\":\"" + text + "\"}\n{\"id\":\"p2\",\"text\":\"" + text + "\"}\n");
    Path out = dir.resolve("out");
    List<String> cmd = List.of(java, "-jar", o.jar.toString(), "scan", in.toString(), "--out", out.toString(),
        "--format", "jsonl", "--progress", "never");
    ChildProcess.Outcome r = ChildProcess.run(cmd, dir.resolve("stdout.txt"), dir.resolve("stderr.txt"), Duration.ofMinutes(5));
    String f = r.exitCode() == 0 && Files.isRegularFile(out.resolve("report.jsonl")) ? "jsonl" : "json";
    log.printf(Locale.ROOT, "refrain output format: %s (probe exit %d)%n", f, r.exitCode());
    log.flush();
    return f;
  }

  /** Whether the jar prints its stage timings with {@code --timings} (read from stderr). */
  private boolean probeTimings() throws IOException {
    Path dir = o.work.resolve("probe");
    Path out = dir.resolve("out-timings");
    List<String> cmd = List.of(java, "-jar", o.jar.toString(), "scan", dir.resolve("in").toString(), "--out",
        out.toString(), "--format", format, "--progress", "never", "--timings");
    Path err = dir.resolve("stderr-timings.txt");
    ChildProcess.Outcome r = ChildProcess.run(cmd, dir.resolve("stdout-timings.txt"), err, Duration.ofMinutes(5));
    boolean ok = r.exitCode() == 0 && StageTimings.parse(err) != null;
    log.printf(Locale.ROOT, "refrain stage timings: %s (probe exit %d)%n", ok ? "yes" : "no", r.exitCode());
    log.flush();
    return ok;
  }

  private ObjectNode settings() {
    ObjectNode s = JSON.createObjectNode();
    s.put("command", o.commandLine);
    s.put("seed", o.seed);
    s.putPOJO("threads", o.threads);
    s.put("repeats", o.repeats == null ? "3 up to 30,000 articles, 1 above" : o.repeats.toString());
    s.put("xmx", o.xmx == null ? "4g up to 30,000 articles, 8g above" : o.xmx);
    s.put("timeoutSeconds", o.timeoutSeconds);
    s.put("peerThreads", o.peerThreads);
    s.put("shingle", o.shingle);
    s.put("maxDf", o.maxDf);
    s.put("minShared", o.minShared);
    s.put("luceneBands", o.luceneBands);
    s.put("luceneRows", o.luceneRows);
    s.put("luceneThreshold", round(Math.pow(1.0 / o.luceneBands, 1.0 / o.luceneRows), 3));
    s.put("luceneMaxBucket", o.luceneMaxBucket);
    s.put("sparkTables", o.sparkTables);
    s.put("sparkThreshold", o.sparkThreshold);
    s.put("sparkMaxArticles", o.sparkMaxArticles);
    s.put("work", slash(o.work));
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // One size

  /** The corpus of {@code n} articles, generated unless cached. */
  Path corpus(int n, ObjectNode into) throws IOException {
    CorpusGenerator.Settings settings = CorpusGenerator.Settings.defaults(n, o.seed);
    Path dir = o.work.resolve(String.format(Locale.ROOT, "corpus-%d-s%d", n, o.seed));
    CorpusGenerator.Summary s = CorpusInfo.cached(dir, settings);
    boolean cached = s != null;
    if (s == null) {
      log.printf(Locale.ROOT, "generating %,d articles into %s%n", n, dir);
      log.flush();
      s = new CorpusGenerator(settings).write(dir);
    }
    if (into != null) {
      ObjectNode c = into.putObject("corpus");
      c.put("dir", slash(dir));
      c.put("cached", cached);
      c.put("sources", settings.sources());
      c.put("bytes", s.bytes());
      c.put("megabytes", round(s.bytes() / 1e6, 1));
      c.put("words", s.words());
      c.put("meanWords", round((double) s.words() / s.articles(), 1));
      c.put("bytesPerArticle", round((double) s.bytes() / s.articles(), 0));
      c.put("shards", s.shards());
      c.put("truthPairs", s.truthPairs());
      c.put("truthSpans", s.truthSpans());
      c.put("reuseArticles", s.reuseArticles());
      c.put("wireStories", s.wireStories());
      c.put("reprints", s.reprints());
      c.put("generateSeconds", round(s.seconds(), 1));
    }
    return dir;
  }

  private ObjectNode size(int n) throws Exception {
    ObjectNode size = JSON.createObjectNode();
    size.put("articles", n);
    Path corpusDir = corpus(n, size);
    Path articles = corpusDir.resolve("articles");
    long bytes = size.path("corpus").path("bytes").asLong();
    Truth truth = Truth.read(corpusDir.resolve("truth.jsonl"), Harness::generatedIndex);
    ObjectNode byKind = size.with("corpus").putObject("truthPairsByKind");
    for (int k = 0; k < Truth.KINDS.length; k++) {
      byKind.put(Truth.KINDS[k], truth.byKind[k].length);
    }
    String xmx = o.xmxFor(n);
    int repeats = o.repeatsFor(n);
    size.put("xmx", xmx);
    size.put("repeats", repeats);
    List<ToolRun> tools = tools("size-" + n, articles, xmx, n);
    Evaluator eval = keys -> Quality.of(keys, truth);
    runAll(tools, repeats, n, bytes, Harness::generatedIndex, eval, "synthetic " + n);
    ArrayNode arr = size.putArray("tools");
    for (ToolRun t : tools) {
      arr.add(t.node);
    }
    ratios(tools);
    return size;
  }

  static int generatedIndex(String id) {
    try {
      return Integer.parseInt(id.substring(1));
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** Scores found pairs (sorted keys). */
  interface Evaluator {
    Quality score(long[] keys);
  }

  /** One tool at one size: its command, its runs, what it found. */
  final class ToolRun {
    final String tool;
    final int threads;
    final Path runDir;
    final List<String> command;
    final ObjectNode node = JSON.createObjectNode();
    final List<Double> seconds = new ArrayList<>();
    final List<Double> rss = new ArrayList<>();
    final Map<String, List<Double>> stageSeconds = new java.util.LinkedHashMap<>();
    final List<Double> peakHeap = new ArrayList<>();
    String skipped;
    boolean failed;
    boolean evaluated;
    Pairs exactPairs;
    long[] foundKeys;

    ToolRun(String tool, int threads, Path runDir, List<String> command) {
      this.tool = tool;
      this.threads = threads;
      this.runDir = runDir;
      this.command = command;
      node.put("tool", tool);
      node.put("threads", threads);
      node.put("command", display(command));
      node.putArray("runs");
    }

    String label() {
      return tool.equals("refrain") ? "refrain scan --threads " + threads : tool;
    }
  }

  private List<ToolRun> tools(String tag, Path articles, String xmx, int n) throws IOException {
    List<ToolRun> tools = new ArrayList<>();
    Path runs = o.work.resolve("runs").resolve(tag);
    for (int t : o.threads) {
      Path dir = runs.resolve("refrain-t" + t);
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-jar", o.jar.toString(), "scan", articles.toString(),
          "--out", dir.resolve("out").toString(), "--format", format, "--threads", Integer.toString(t), "--progress", "never"));
      if (timings) {
        cmd.add("--timings");
      }
      tools.add(new ToolRun("refrain", t, dir, cmd));
    }
    for (String peer : o.peers) {
      Path dir = runs.resolve(peer);
      List<String> cmd = new ArrayList<>();
      switch (peer) {
        case "exact" -> {
          cmd.addAll(List.of(java, "-Xmx" + xmx, "-cp", benchClasspath(), "dev.refrain.bench.cli.BenchMain", "peer", "exact",
              "--corpus", articles.toString(), "--out", dir.resolve("pairs.bin").toString(),
              "--threads", Integer.toString(o.peerThreads), "--shingle", Integer.toString(o.shingle),
              "--max-df", Integer.toString(o.maxDf)));
        }
        case "lucene" -> {
          cmd.addAll(List.of(java, "-Xmx" + xmx, "-cp", benchClasspath(), "dev.refrain.bench.cli.BenchMain", "peer", "lucene",
              "--corpus", articles.toString(), "--out", dir.resolve("pairs.bin").toString(),
              "--threads", Integer.toString(o.peerThreads), "--bands", Integer.toString(o.luceneBands),
              "--rows", Integer.toString(o.luceneRows), "--max-bucket", Integer.toString(o.luceneMaxBucket)));
        }
        case "spark" -> {
          cmd.add(java);
          cmd.add("-Xmx" + xmx);
          cmd.addAll(SparkFlags.JAVA_17);
          cmd.addAll(List.of("-cp", sparkClasspath(), SparkFlags.MAIN, articles.toString(), dir.resolve("pairs.tsv").toString(),
              Integer.toString(o.peerThreads), Integer.toString(o.sparkTables), Double.toString(o.sparkThreshold),
              dir.resolve("tmp").toString()));
        }
        default -> throw new IllegalArgumentException("unknown peer: " + peer + " (exact, lucene, spark)");
      }
      ToolRun tr = new ToolRun(peer, o.peerThreads, dir, cmd);
      if (peer.equals("spark")) {
        if (n > o.sparkMaxArticles) {
          tr.skipped = String.format(Locale.ROOT, "skipped: %,d articles is above --spark-max-articles %,d", n, o.sparkMaxArticles);
        } else if (!Files.isDirectory(sparkLib())) {
          tr.skipped = "skipped: no Spark jars in " + slash(sparkLib()) + " (build bench/ with mvn package)";
        }
      }
      tools.add(tr);
    }
    return tools;
  }

  private void runAll(List<ToolRun> tools, int repeats, int articles, long bytes, ToIntFunction<String> index,
      Evaluator eval, String what) throws Exception {
    for (int r = 1; r <= repeats; r++) {
      for (ToolRun t : tools) {
        if (t.skipped != null || t.failed) {
          continue;
        }
        deleteTree(t.runDir);
        Files.createDirectories(t.runDir);
        log.printf(Locale.ROOT, "[%s] repeat %d/%d: %s%n", what, r, repeats, t.label());
        log.flush();
        ChildProcess.Outcome out = ChildProcess.run(
            t.command, t.runDir.resolve("stdout.txt"), t.runDir.resolve("stderr.txt"), Duration.ofSeconds(o.timeoutSeconds));
        ObjectNode run = ((ArrayNode) t.node.get("runs")).addObject();
        run.put("repeat", r);
        run.put("seconds", round(out.seconds(), 2));
        run.put("peakRssMB", round(out.peakRssKb() / 1024.0, 0));
        run.put("exitCode", out.exitCode());
        run.put("status", out.status());
        log.printf(Locale.ROOT, "  %s (%.1f s, peak RSS %.0f MB)%n", out.status(), out.seconds(), out.peakRssKb() / 1024.0);
        log.flush();
        if (!out.finished()) {
          t.failed = true;
          run.put("lastError", out.lastError());
          ObjectNode nf = notFinished.addObject();
          nf.put("corpus", what);
          nf.put("tool", t.label());
          nf.put("repeat", r);
          nf.put("status", out.status());
          nf.put("peakRssMB", round(out.peakRssKb() / 1024.0, 0));
          nf.put("lastError", out.lastError());
          continue;
        }
        t.seconds.add(out.seconds());
        t.rss.add(out.peakRssKb() / 1024.0);
        StageTimings st = t.tool.equals("refrain") ? StageTimings.parse(t.runDir.resolve("stderr.txt")) : null;
        if (st != null) {
          ObjectNode stages = run.putObject("stages");
          st.seconds().forEach((k, v) -> {
            stages.put(k, v);
            t.stageSeconds.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
          });
          if (st.peakHeapMiB() >= 0) {
            run.put("peakHeapMiB", st.peakHeapMiB());
            t.peakHeap.add((double) st.peakHeapMiB());
          }
        }
        if (!t.evaluated) {
          t.evaluated = true;
          try {
            evaluate(t, index, eval, articles);
          } catch (IOException | RuntimeException e) {
            // finished, but its output could not be read: say so, keep the times, go on
            String msg = "output unreadable: " + e.getMessage();
            t.node.put("evaluationError", msg);
            log.println("  " + msg);
            ObjectNode nf = notFinished.addObject();
            nf.put("corpus", what);
            nf.put("tool", t.label());
            nf.put("repeat", r);
            nf.put("status", "finished (exit " + out.exitCode() + ") but " + msg);
            nf.put("lastError", out.lastError());
          }
        }
        if (!o.keepReports) {
          deleteTree(t.runDir.resolve("out"));
        }
      }
    }
    for (ToolRun t : tools) {
      summarize(t, articles, bytes, repeats);
    }
  }

  private void evaluate(ToolRun t, ToIntFunction<String> index, Evaluator eval, int articles) throws IOException {
    long[] keys;
    ObjectNode n = t.node;
    switch (t.tool) {
      case "refrain" -> {
        LongList found = new LongList();
        long[] all = new long[2]; // pairs listed, unknown ids
        RefrainReport.Summary s = RefrainReport.read(t.runDir.resolve("out"), p -> {
          all[0]++;
          if (!p.counted()) {
            return;
          }
          int a = index.applyAsInt(p.a());
          int b = index.applyAsInt(p.b());
          if (a < 0 || b < 0) {
            all[1]++;
            return;
          }
          found.add(Pairs.key(a, b));
        });
        keys = found.sortedDistinct();
        n.put("reportFormat", s.format());
        n.put("reportArticles", s.articles());
        n.put("pairsListed", all[0]);
        n.put("unknownIds", all[1]);
        double candidates = s.stat("candidatePairs");
        if (!Double.isNaN(candidates)) {
          n.put("candidatePairs", (long) candidates);
          n.put("candidatePairsPerArticle", round(candidates / articles, 2));
        }
        double statPairs = s.stat("pairs");
        if (!Double.isNaN(statPairs)) {
          n.put("statsPairs", (long) statPairs);
        }
      }
      case "exact", "lucene" -> {
        Pairs p = Pairs.read(t.runDir.resolve("pairs.bin"));
        Path result = t.runDir.resolve("pairs.bin.json");
        if (Files.isRegularFile(result)) {
          n.set("internal", JSON.readTree(result.toFile()));
        }
        if (t.tool.equals("exact")) {
          keys = p.atLeast(o.minShared).keys;
          long[] four = p.atLeast(4).keys;
          n.put("pairsSharing4Shingles", four.length);
          Quality q4 = eval == null ? null : eval.score(four);
          if (q4 != null) {
            n.put("recallSharing4Shingles", round(q4.recall(), 4));
            n.put("precisionSharing4Shingles", round(q4.precision(), 4));
          }
          t.exactPairs = p;
        } else {
          keys = p.keys;
        }
      }
      case "spark" -> {
        LongList found = new LongList();
        try (Stream<String> lines = Files.lines(t.runDir.resolve("pairs.tsv"))) {
          lines.forEach(l -> {
            String[] f = l.split("\t");
            int a = index.applyAsInt(f[0]);
            int b = index.applyAsInt(f[1]);
            if (a >= 0 && b >= 0) {
              found.add(Pairs.key(a, b));
            }
          });
        }
        keys = found.sortedDistinct();
        String stdout = Files.readString(t.runDir.resolve("stdout.txt"));
        n.put("internal", stdout.strip());
      }
      default -> throw new IllegalStateException(t.tool);
    }
    n.put("pairs", keys.length);
    t.foundKeys = keys;
    Quality q = eval == null ? null : eval.score(keys);
    if (q != null) {
      n.put("recall", round(q.recall(), 4));
      n.put("precision", round(q.precision(), 4));
      n.put("truePositives", q.truePositives());
      n.put("referencePairs", q.reference());
      if (!q.recallByKind().isEmpty()) {
        ObjectNode k = n.putObject("recallByKind");
        q.recallByKind().forEach((kind, v) -> k.put(kind, round(v, 4)));
      }
    }
  }

  private void summarize(ToolRun t, int articles, long bytes, int repeats) {
    ObjectNode n = t.node;
    if (t.skipped != null) {
      n.put("finished", false);
      n.put("status", t.skipped);
      ObjectNode nf = notFinished.addObject();
      nf.put("tool", t.label());
      nf.put("articles", articles);
      nf.put("status", t.skipped);
      return;
    }
    n.put("finished", !t.failed);
    ArrayNode runs = (ArrayNode) n.get("runs");
    String status = "ok";
    for (JsonNode r : runs) {
      if (!r.path("status").asText().startsWith("ok")) {
        status = r.path("status").asText();
      }
    }
    if (t.failed && runs.size() < repeats) {
      status += String.format(Locale.ROOT, " (repeat %d of %d; later repeats not run)", runs.size(), repeats);
    }
    n.put("status", status);
    if (t.seconds.isEmpty()) {
      return;
    }
    ObjectNode sec = n.putObject("seconds");
    sec.put("min", round(Stats.min(t.seconds), 2));
    sec.put("median", round(Stats.median(t.seconds), 2));
    sec.put("max", round(Stats.max(t.seconds), 2));
    ObjectNode mem = n.putObject("peakRssMB");
    mem.put("min", round(Stats.min(t.rss), 0));
    mem.put("median", round(Stats.median(t.rss), 0));
    mem.put("max", round(Stats.max(t.rss), 0));
    double median = Stats.median(t.seconds);
    n.put("megabytesPerSecond", round(bytes / 1e6 / median, 2));
    n.put("articlesPerSecond", round(articles / median, 1));
    if (!t.stageSeconds.isEmpty()) {
      ObjectNode stages = n.putObject("stages");
      t.stageSeconds.forEach((k, v) -> {
        double m = Stats.median(v);
        ObjectNode st = stages.putObject(k);
        st.put("seconds", round(m, 2));
        if (m > 0) {
          st.put("megabytesPerSecond", round(bytes / 1e6 / m, 1));
          st.put("articlesPerSecond", round(articles / m, 0));
        }
      });
    }
    if (!t.peakHeap.isEmpty()) {
      n.put("peakHeapMiB", round(Stats.max(t.peakHeap), 0));
    }
  }

  /** Each peer's median time over refrain's (at the most threads), and recall beside refrain's. */
  private void ratios(List<ToolRun> tools) {
    ToolRun ref = null;
    for (ToolRun t : tools) {
      if (t.tool.equals("refrain") && (ref == null || t.threads > ref.threads)) {
        ref = t;
      }
    }
    if (ref == null) {
      return;
    }
    double refTime = Stats.median(ref.seconds);
    double refRecall = ref.node.path("recall").asDouble(Double.NaN);
    for (ToolRun t : tools) {
      if (t == ref) {
        continue;
      }
      ObjectNode r = t.node.putObject("vsRefrain");
      r.put("refrain", ref.label());
      if (!t.seconds.isEmpty() && !ref.seconds.isEmpty()) {
        r.put("timeRatio", round(Stats.median(t.seconds) / refTime, 3));
      } else {
        r.put("timeRatio", ref.seconds.isEmpty() ? "refrain did not finish" : "peer did not finish");
      }
      double rec = t.node.path("recall").asDouble(Double.NaN);
      if (!Double.isNaN(rec) && !Double.isNaN(refRecall)) {
        r.put("recallDifference", round(refRecall - rec, 4));
      }
    }
  }

  /** Least-squares slope of log median time on log articles, per tool, over sizes it finished. */
  private ObjectNode scaling(ArrayNode sizes) {
    ObjectNode s = JSON.createObjectNode();
    Map<String, List<double[]>> points = new LinkedHashMap<>();
    for (JsonNode size : sizes) {
      for (JsonNode t : size.path("tools")) {
        String label = t.path("tool").asText().equals("refrain")
            ? "refrain scan --threads " + t.path("threads").asInt() : t.path("tool").asText();
        points.computeIfAbsent(label, k -> new ArrayList<>());
        if (t.path("finished").asBoolean() && t.has("seconds")) {
          points.get(label).add(new double[] {size.path("articles").asDouble(), t.path("seconds").path("median").asDouble()});
        }
      }
    }
    points.forEach((label, pts) -> {
      ObjectNode e = s.putObject(label);
      double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
      e.put("sizes", pts.size());
      double slope = Stats.logLogSlope(x, y);
      if (Double.isNaN(slope)) {
        e.put("exponent", "n/a (finished at fewer than two sizes)");
      } else {
        e.put("exponent", round(slope, 3));
      }
    });
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // Reuters-21578

  private ObjectNode reuters() throws Exception {
    ObjectNode r = JSON.createObjectNode();
    Path sgml = o.data.resolve("reuters21578");
    r.put("dir", slash(sgml));
    if (!ReutersCorpus.present(sgml)) {
      String msg = "skipped: no Reuters-21578 in " + slash(sgml) + " (reut2-000.sgm ... reut2-021.sgm)";
      log.println(msg);
      r.put("status", msg);
      return r;
    }
    Path dir = o.work.resolve("reuters");
    Path articles = dir.resolve("articles");
    long[] exported = ReutersCorpus.export(sgml, dir);
    int n = (int) exported[0];
    long bytes = CorpusReader.bytes(articles);
    r.put("articles", n);
    r.put("bytes", bytes);
    r.put("megabytes", round(bytes / 1e6, 1));
    List<String> ids = CorpusReader.ids(articles);
    Map<String, Integer> idIndex = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      idIndex.put(ids.get(i), i);
    }
    String xmx = o.xmxFor(n);
    int repeats = o.repeatsFor(n);
    r.put("xmx", xmx);
    r.put("repeats", repeats);
    List<ToolRun> tools = tools("reuters", articles, xmx, n);
    // the exact counter first: it is the reference the others are scored against
    tools.sort((a, b) -> Boolean.compare(!a.tool.equals("exact"), !b.tool.equals("exact")));
    long[][] reference = new long[1][];
    Evaluator eval = keys -> reference[0] == null ? null : Quality.of(keys, reference[0]);
    ToIntFunction<String> index = id -> idIndex.getOrDefault(id, -1);
    runAllReuters(tools, repeats, n, bytes, index, reference, eval);
    ArrayNode arr = r.putArray("tools");
    for (ToolRun t : tools) {
      arr.add(t.node);
    }
    ratios(tools);
    for (ToolRun t : tools) {
      if (t.tool.equals("exact") && t.exactPairs != null) {
        long[] four = t.exactPairs.atLeast(4).keys;
        r.put("exactPairs", reference[0].length);
        r.put("exactPairsSharing4Shingles", four.length);
        for (ToolRun u : tools) {
          if (u.foundKeys != null && u != t) {
            u.node.put("recallVsExact4", round(Quality.of(u.foundKeys, four).recall(), 4));
          }
        }
      }
    }
    return r;
  }

  private void runAllReuters(List<ToolRun> tools, int repeats, int n, long bytes, ToIntFunction<String> index,
      long[][] reference, Evaluator eval) throws Exception {
    // the exact counter's pairs become the reference as soon as it has run once
    Evaluator late = keys -> {
      if (reference[0] == null) {
        for (ToolRun t : tools) {
          if (t.tool.equals("exact") && t.foundKeys != null) {
            reference[0] = t.foundKeys;
          }
        }
      }
      return reference[0] == null ? null : eval.score(keys);
    };
    runAll(tools, repeats, n, bytes, index, late, "Reuters-21578");
  }

  // ---------------------------------------------------------------------------------------------
  // Signature stage

  /**
   * The bench module's {@code benchmark prepare} on the Reuters stories at each thread count:
   * refrain's per-article stages beside Lucene's MinHashFilter chain in the same JVM, on the
   * classes of the jar measured.
   */
  private ObjectNode signatures() throws Exception {
    ObjectNode r = JSON.createObjectNode();
    ArrayNode runs = r.putArray("runs");
    for (int t : o.threads) {
      Path dir = o.work.resolve("runs").resolve("prepare-t" + t);
      deleteTree(dir);
      Files.createDirectories(dir);
      Path out = dir.resolve("prepare.json");
      List<String> cmd = List.of(java, "-Xmx2g", "-cp", slash(o.jar) + File.pathSeparator + benchClasspath(),
          "dev.refrain.bench.cli.BenchMain", "benchmark", "prepare", "--data", o.data.toString(),
          "--threads", Integer.toString(t), "--out", out.toString());
      ObjectNode run = runs.addObject();
      run.put("threads", t);
      run.put("command", display(cmd));
      log.printf(Locale.ROOT, "[signatures] benchmark prepare, %d thread(s)%n", t);
      log.flush();
      ChildProcess.Outcome co = ChildProcess.run(cmd, dir.resolve("stdout.txt"), dir.resolve("stderr.txt"),
          Duration.ofSeconds(o.timeoutSeconds));
      run.put("status", co.status());
      if (co.finished() && Files.isRegularFile(out)) {
        run.set("measures", JSON.readTree(out.toFile()).path("measures"));
      } else {
        run.put("lastError", co.lastError());
        addNotFinished("benchmark prepare, " + t + " thread(s)", co);
      }
    }
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Index and check

  private ObjectNode index() throws Exception {
    ObjectNode r = JSON.createObjectNode();
    int n = o.indexSize;
    r.put("articles", n);
    Path corpusDir = corpus(n, null);
    Path articles = corpusDir.resolve("articles");
    String xmx = o.xmxFor(n);
    r.put("xmx", xmx);
    Path dir = o.work.resolve("runs").resolve("index-" + n);
    deleteTree(dir);
    Files.createDirectories(dir);
    Path index = dir.resolve("index");
    List<String> add = List.of(java, "-Xmx" + xmx, "-jar", o.jar.toString(), "index", "add", articles.toString(),
        "--index", index.toString(), "--threads", "2", "--progress", "never");
    ObjectNode a = r.putObject("indexAdd");
    a.put("command", display(add));
    log.printf(Locale.ROOT, "[index] refrain index add, %,d articles%n", n);
    log.flush();
    ChildProcess.Outcome out = ChildProcess.run(add, dir.resolve("add-stdout.txt"), dir.resolve("add-stderr.txt"),
        Duration.ofSeconds(o.timeoutSeconds));
    a.put("status", out.status());
    a.put("seconds", round(out.seconds(), 2));
    a.put("peakRssMB", round(out.peakRssKb() / 1024.0, 0));
    log.printf(Locale.ROOT, "  %s: %.1f s%n", out.status(), out.seconds());
    if (out.finished()) {
      long indexBytes = treeSize(index);
      a.put("articlesPerSecond", round(n / out.seconds(), 1));
      a.put("indexBytes", indexBytes);
      a.put("bytesPerArticle", round((double) indexBytes / n, 1));
    } else {
      a.put("lastError", out.lastError());
      addNotFinished("index add " + n, out);
    }
    deleteTree(index);

    Path checkIndex = dir.resolve("check-index");
    Path checkOut = dir.resolve("check.json");
    // The bench module's in-process check benchmark, on the classes of the jar measured: that jar
    // first on the class path, so they win over the target/refrain.jar the bench jar names.
    List<String> check = List.of(java, "-Xmx" + xmx, "-cp", slash(o.jar) + File.pathSeparator + benchClasspath(),
        "dev.refrain.bench.cli.BenchMain", "benchmark", "check",
        "--articles", Integer.toString(n), "--checks", Integer.toString(o.checks), "--index", checkIndex.toString(),
        "--out", checkOut.toString());
    ObjectNode c = r.putObject("benchmarkCheck");
    c.put("command", display(check));
    log.printf(Locale.ROOT, "[index] benchmark check on %s, %,d articles, %d checks%n", slash(o.jar), n, o.checks);
    log.flush();
    ChildProcess.Outcome co = ChildProcess.run(check, dir.resolve("check-stdout.txt"), dir.resolve("check-stderr.txt"),
        Duration.ofSeconds(o.timeoutSeconds));
    c.put("status", co.status());
    c.put("seconds", round(co.seconds(), 2));
    c.put("peakRssMB", round(co.peakRssKb() / 1024.0, 0));
    log.printf(Locale.ROOT, "  %s: %.1f s%n", co.status(), co.seconds());
    if (co.finished() && Files.isRegularFile(checkOut)) {
      JsonNode j = JSON.readTree(checkOut.toFile());
      for (String f : List.of("articles", "wordsPerArticle", "indexSeconds", "bytesPerArticle", "checks", "medianMillis",
          "p95Millis", "maxMillis", "plantedFound", "cpuMedianMillis", "cpuP95Millis", "searchMedianMillis",
          "searchP95Millis")) {
        if (j.has(f)) {
          c.set(f, j.get(f));
        }
      }
    } else {
      c.put("lastError", co.lastError());
      addNotFinished("benchmark check " + n, co);
    }
    deleteTree(checkIndex);
    return r;
  }

  private void addNotFinished(String what, ChildProcess.Outcome out) {
    ObjectNode nf = notFinished.addObject();
    nf.put("tool", what);
    nf.put("status", out.status());
    nf.put("peakRssMB", round(out.peakRssKb() / 1024.0, 0));
    nf.put("lastError", out.lastError());
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Where this class was loaded from: the bench jar, or target/classes under test. */
  static Path benchLocation() {
    try {
      return Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException("cannot locate the bench jar", e);
    }
  }

  private static String benchClasspath() {
    return relative(benchLocation());
  }

  static Path sparkLib() {
    return Path.of(relative(benchLocation().getParent().resolve("spark-lib")));
  }

  private static String sparkClasspath() {
    return sparkLib().resolve("*") + File.pathSeparator + benchClasspath();
  }

  /** A path relative to the working directory when it lies below it. */
  static String relative(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    if (abs.startsWith(cwd)) {
      return slash(cwd.relativize(abs));
    }
    Path parent = cwd.getParent();
    if (parent != null && abs.startsWith(parent)) {
      return slash(Path.of("..").resolve(parent.relativize(abs)));
    }
    return abs.toString();
  }

  static String slash(Path p) {
    return p.toString().replace(File.separatorChar, '/');
  }

  /** The command as a person would type it: {@code java} for this JVM's binary. */
  private String display(List<String> cmd) {
    List<String> out = new ArrayList<>(cmd.size());
    for (String c : cmd) {
      out.add(c.equals(java) ? "java" : c.contains("*") || c.contains(" ") ? "'" + c + "'" : c);
    }
    return String.join(" ", out);
  }

  static double round(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double f = Math.pow(10, digits);
    return Math.round(x * f) / f;
  }

  static long treeSize(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String join(int[] xs) {
    return String.join(",", Arrays.stream(xs).mapToObj(Integer::toString).toList());
  }
}
