package dev.refrain.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Renders {@code docs/benchmarks.md} from the harness results (the tree of {@code
 * harness.json}): a fixed layout, every number taken from the results.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(JsonNode root) {
    StringBuilder md = new StringBuilder(16 * 1024);
    JsonNode m = root.path("machine");
    JsonNode s = root.path("settings");
    JsonNode ref = root.path("refrain");
    md.append("# Benchmarks\n\n");
    md.append("Measured by the benchmark harness in `bench/` (see [bench/README.md](../bench/README.md)), which runs\n")
        .append("refrain as a black box and the peers beside it on the same corpora in the same run. This file and\n")
        .append("[benchmarks/harness.json](../benchmarks/harness.json) are written together by one command; do not edit\n")
        .append("them by hand. Times are wall-clock seconds of the whole child process (JVM start, reading, writing\n")
        .append("the report included); the machine is shared and noisy, so compare ratios measured side by side\n")
        .append("in one run, and read min / median / max over the repeats.\n\n");

    if (!root.path("complete").asBoolean(true)) {
      md.append("**Partial results: the run was still going or was interrupted when this was written.**\n\n");
    }
    md.append("## Machine and run\n\n| | |\n|---|---|\n");
    row(md, "date", m.path("date").asText());
    row(md, "processors", m.path("processors").asText());
    row(md, "CPU", m.path("cpu").asText());
    row(md, "memory", m.path("memoryGiB").asText() + " GiB");
    row(md, "Java", m.path("java").asText());
    row(md, "OS", m.path("os").asText());
    row(md, "refrain measured", "`" + ref.path("jar").asText() + "`"
        + (ref.has("commit") ? " built from the product's last commit " + ref.path("commit").asText() + " (" + esc(ref.path("commitSubject").asText()) + ")" : ""));
    row(md, "refrain output read", "`report." + ref.path("outputFormat").asText() + "`"
        + (ref.path("outputFormat").asText().equals("json") ? " (the jar does not accept `--format jsonl`)" : ""));
    row(md, "harness time", String.format(Locale.ROOT, "%.0f s", root.path("harnessSeconds").asDouble()));
    md.append('\n');

    md.append("## How to repeat\n\nFrom the repo root of a fresh clone:\n\n```sh\n")
        .append("mvn -B -q -DskipTests package\n")
        .append("mvn -B -q -f bench/pom.xml package -DskipTests\n")
        .append(s.path("command").asText()).append("\n```\n\n");

    md.append("## Settings\n\n| setting | value |\n|---|---|\n");
    row(md, "seed", s.path("seed").asText());
    row(md, "refrain threads", s.path("threads").toString());
    row(md, "repeats", s.path("repeats").asText());
    row(md, "heap (`-Xmx`, refrain and every peer JVM)", s.path("xmx").asText());
    row(md, "timeout per run", s.path("timeoutSeconds").asText() + " s (the process tree is killed)");
    row(md, "peer threads", s.path("peerThreads").asText() + " (Spark: `local[" + s.path("peerThreads").asText() + "]`)");
    row(md, "exact counter", s.path("shingle").asText() + "-word shingles, shingles in more than " + s.path("maxDf").asText()
        + " articles ignored, a pair shares at least " + s.path("minShared").asText() + " shingle(s)");
    row(md, "Lucene MinHash", "StandardTokenizer, LowerCaseFilter, ShingleFilter(5,5) without unigrams, MinHashFilter(1 hash, 512 buckets, "
        + "hash set 1, rotation); LSH " + s.path("luceneBands").asText() + " bands x " + s.path("luceneRows").asText()
        + " rows (threshold (1/b)^(1/r) = " + s.path("luceneThreshold").asText() + "); a bucket of more than "
        + s.path("luceneMaxBucket").asText() + " articles proposes no pairs");
    row(md, "Spark MinHashLSH", "Spark 3.5.6 (Scala 2.13) `local[" + s.path("peerThreads").asText()
        + "]`: RegexTokenizer, NGram(5), HashingTF(2^20, binary), MinHashLSH(" + s.path("sparkTables").asText()
        + " hash tables), `approxSimilarityJoin` at Jaccard distance <= " + s.path("sparkThreshold").asText()
        + "; skipped above " + String.format(Locale.ROOT, "%,d", s.path("sparkMaxArticles").asInt()) + " articles");
    md.append('\n');

    md.append("## Definitions\n\n")
        .append("- **found pair (refrain)**: a `pairs[]` entry of two different articles with at least one passage\n")
        .append("  not flagged `boilerplate` (refrain learns footers and headers as templates before pairing, so no\n")
        .append("  pair is made of them; older jars flagged such passages instead).\n")
        .append("- **found pair (peers)**: exact counter: sharing enough shingles; Lucene: sharing an LSH band;\n")
        .append("  Spark: returned by the join.\n")
        .append("- **recall / precision**: against the generator's ground truth (every pair of articles sharing\n")
        .append("  planted text); recall by kind splits the true pairs into reprints of a wire story (`reprint`),\n")
        .append("  two reprints of one story (`co-reprint`), a reused passage (`reuse`) and two articles reusing\n")
        .append("  the same passage (`co-reuse`). For Reuters-21578, which has no ground truth, against the\n")
        .append("  exact counter's pairs.\n")
        .append("- **MB/s, articles/s**: JSONL input bytes (10^6 bytes a MB) and articles over the median time.\n")
        .append("- **candidate pairs / article**: refrain's `stats.candidatePairs` over the articles.\n")
        .append("- **time ratio**: the tool's median time over refrain's (at the most threads), same size, same run.\n")
        .append("- **peak RSS**: the largest `VmHWM` of the child's process tree, polled every 50 ms.\n\n");

    md.append("## The corpus model\n\n")
        .append("Generated by `refrain-bench generate` (seeded, streaming: nothing is held but a pool of 4,096 donor\n")
        .append("passages and the wire stories awaiting reprints):\n\n")
        .append("- Text: a Zipf vocabulary (exponent 1.0) of 50,000 synthetic words fixed by the seed, frequent words\n")
        .append("  short; sentences of 8 to 35 words with commas, some numbers and names, 15% quoted statements\n")
        .append("  (`\"...,\" said First Last.`); paragraphs of 1 to 5 sentences; articles of 300 to 1,200 words\n")
        .append("  (triangular, mode 1,050, mean 850).\n")
        .append("- Outlets: about one per 500 articles (at least 4), each with a footer of 20 to 60 words (reply box,\n")
        .append("  copyright, newsletter, share line...) at the tail of every article, its year or an \"Updated\"\n")
        .append("  date varying; 40% also a header line (name, section, date) at the head. Not true pairs.\n")
        .append("- Reuse: 20% of ordinary articles copy 1 to 3 passages of whole sentences (20 to 150 words) of\n")
        .append("  earlier articles of any outlet, each edited at a per-passage rate drawn from 0 to 15% (word\n")
        .append("  substitutions, insertions, deletions), at a random sentence boundary. A donor passage serves\n")
        .append("  one (70%), two (20%) or three (10%) articles.\n")
        .append("- Wire stories: 1% of articles are reprinted, whole or nearly whole (last paragraphs dropped half\n")
        .append("  the time, up to 5% edits half the time), by 2 to 6 other outlets within the next 300 articles,\n")
        .append("  at the top, then sometimes a paragraph of their own, then their footer.\n")
        .append("- Ground truth: every pair sharing planted text, with the spans: the reuser and its source, two\n")
        .append("  reusers of one passage, a reprint and its original, two reprints of one original.\n\n");

    md.append("## Results\n\n");
    for (JsonNode size : root.path("sizes")) {
      sizeSection(md, size);
    }

    md.append("### Scaling\n\nExponent of time against corpus size (least-squares slope of log median time on log articles,\n")
        .append("over the sizes a tool finished):\n\n| tool | sizes | exponent |\n|---|---:|---:|\n");
    root.path("scaling").fields().forEachRemaining(e ->
        md.append("| ").append(e.getKey()).append(" | ").append(e.getValue().path("sizes").asText()).append(" | ")
            .append(e.getValue().path("exponent").asText()).append(" |\n"));
    md.append('\n');

    JsonNode r = root.path("reuters");
    if (!r.isMissingNode()) {
      md.append("## Reuters-21578\n\n");
      if (r.has("status")) {
        md.append(r.path("status").asText()).append("\n\n");
      } else {
        md.append(String.format(Locale.ROOT,
            "%,d stories with a body (%.1f MB of JSONL) from `%s`, heap %s, %d repeat(s). No ground truth: recall is\n"
                + "against the exact counter's %,d pairs (sharing a 5-word shingle held by at most the df cap of\n"
                + "articles); the %,d of them sharing 4 or more shingles are about what an 8-word passage needs.\n\n",
            r.path("articles").asInt(), r.path("megabytes").asDouble(), r.path("dir").asText(), r.path("xmx").asText(),
            r.path("repeats").asInt(), r.path("exactPairs").asLong(), r.path("exactPairsSharing4Shingles").asLong()));
        md.append("| tool | status | time min / median / max (s) | peak RSS (MB) | MB/s | pairs found | recall vs exact | recall vs exact (4+ shingles) | share of found pairs the exact counter has | time ratio |\n")
            .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode t : r.path("tools")) {
          md.append("| ").append(label(t)).append(" | ").append(esc(t.path("status").asText())).append(" | ")
              .append(times(t)).append(" | ").append(num(t.path("peakRssMB").path("median"), 0)).append(" | ")
              .append(num(t.path("megabytesPerSecond"), 2)).append(" | ").append(count(t.path("pairs"))).append(" | ")
              .append(t.path("tool").asText().equals("exact") ? "(reference)" : pct(t.path("recall"))).append(" | ")
              .append(pct(t.path("recallVsExact4"))).append(" | ")
              .append(t.path("tool").asText().equals("exact") ? "" : pct(t.path("precision"))).append(" | ")
              .append(ratio(t)).append(" |\n");
        }
        md.append('\n');
      }
    }

    JsonNode sig = root.path("signatures");
    if (!sig.isMissingNode()) {
      md.append("## Signature stage\n\n")
          .append("`benchmark prepare` on the Reuters-21578 stories, in one JVM on the classes of the jar measured: each\n")
          .append("measure runs the same texts on the same threads after a warm-up pass; M chars/s is millions of\n")
          .append("UTF-16 characters a second (about MB/s for this ASCII text), the ratio is to Lucene's chain in the same run.\n\n")
          .append("| threads | measure | M chars/s | ratio to Lucene |\n|---:|---|---:|---:|\n");
      for (JsonNode run : sig.path("runs")) {
        if (!run.has("measures")) {
          md.append("| ").append(run.path("threads").asText()).append(" | ").append(esc(run.path("status").asText()))
              .append(" | | |\n");
          continue;
        }
        for (JsonNode mm : run.path("measures")) {
          md.append("| ").append(run.path("threads").asText()).append(" | ").append(esc(mm.path("name").asText()))
              .append(" | ").append(num(mm.path("megaCharsPerSecond"), 1)).append(" | ")
              .append(String.format(Locale.ROOT, "%.2fx", mm.path("ratioToLucene").asDouble())).append(" |\n");
        }
      }
      md.append("\nCommands:\n\n");
      for (JsonNode run : sig.path("runs")) {
        md.append("- `").append(run.path("command").asText()).append("`\n");
      }
      md.append('\n');
    }

    JsonNode ix = root.path("index");
    if (!ix.isMissingNode()) {
      md.append("## Index and check\n\n");
      JsonNode a = ix.path("indexAdd");
      md.append(String.format(Locale.ROOT, "`refrain index add` of the generated corpus of %,d articles, 2 threads, heap %s: %s",
          ix.path("articles").asInt(), ix.path("xmx").asText(), a.path("status").asText()));
      if (a.has("articlesPerSecond")) {
        md.append(String.format(Locale.ROOT, ", %.1f s, %.0f articles/s, %.0f index bytes per article, peak RSS %.0f MB",
            a.path("seconds").asDouble(), a.path("articlesPerSecond").asDouble(), a.path("bytesPerArticle").asDouble(),
            a.path("peakRssMB").asDouble()));
      }
      md.append(".\n\n`").append(a.path("command").asText()).append("`\n\n");
      JsonNode c = ix.path("benchmarkCheck");
      md.append("Check latency from `benchmark check` (refrain's classes in one JVM: a synthetic archive of the same number of\n")
          .append("articles, ").append(c.path("wordsPerArticle").asText("400")).append(" words each, and checked articles carrying a 30-word copied passage): ")
          .append(c.path("status").asText());
      if (c.has("medianMillis")) {
        md.append(String.format(Locale.ROOT,
            ", %,d checks: median %.2f ms, p95 %.2f ms, max %.2f ms; planted copies found %.1f%%; its index %.1f s, %.0f bytes per article",
            c.path("checks").asInt(), c.path("medianMillis").asDouble(), c.path("p95Millis").asDouble(),
            c.path("maxMillis").asDouble(), 100 * c.path("plantedFound").asDouble(), c.path("indexSeconds").asDouble(),
            c.path("bytesPerArticle").asDouble()));
      }
      if (c.has("cpuMedianMillis")) {
        md.append(String.format(Locale.ROOT,
            "; the checking thread's CPU time median %.2f ms, p95 %.2f ms; the candidate search alone (least of 3 runs) median %.2f ms,"
                + " p95 %.2f ms",
            c.path("cpuMedianMillis").asDouble(), c.path("cpuP95Millis").asDouble(),
            c.path("searchMedianMillis").asDouble(), c.path("searchP95Millis").asDouble()));
      }
      md.append(".\n\n`").append(c.path("command").asText()).append("`\n\n");
    }

    md.append("## What did not finish\n\n");
    if (root.path("notFinished").isEmpty()) {
      md.append("Everything finished.\n");
    } else {
      md.append("| corpus | tool | status | peak RSS (MB) | last line of stderr |\n|---|---|---|---:|---|\n");
      for (JsonNode n : root.path("notFinished")) {
        String corpus = n.has("corpus") ? n.path("corpus").asText()
            : n.has("articles") ? "synthetic " + n.path("articles").asText() : "";
        md.append("| ").append(esc(corpus)).append(" | ").append(esc(n.path("tool").asText())).append(" | ")
            .append(esc(n.path("status").asText())).append(" | ").append(num(n.path("peakRssMB"), 0)).append(" | ")
            .append(esc(n.path("lastError").asText())).append(" |\n");
      }
    }
    return md.toString();
  }

  private static void sizeSection(StringBuilder md, JsonNode size) {
    JsonNode c = size.path("corpus");
    md.append(String.format(Locale.ROOT, "### %,d articles\n\n", size.path("articles").asInt()));
    md.append(String.format(Locale.ROOT,
        "Corpus `%s`: %.1f MB of JSONL in %d shard(s), %,.0f bytes and %.0f words per article, %d outlets; %,d true\n"
            + "pairs (%s) from %,d reusing articles and %,d wire stories reprinted %,d times; generated in %.1f s%s.\n"
            + "Heap %s, %d repeat(s).\n\n",
        c.path("dir").asText(), c.path("megabytes").asDouble(), c.path("shards").asInt(), c.path("bytesPerArticle").asDouble(),
        c.path("meanWords").asDouble(), c.path("sources").asInt(), c.path("truthPairs").asLong(), kinds(c.path("truthPairsByKind")),
        c.path("reuseArticles").asLong(), c.path("wireStories").asLong(), c.path("reprints").asLong(),
        c.path("generateSeconds").asDouble(), c.path("cached").asBoolean() ? " (an earlier run; reused)" : "",
        size.path("xmx").asText(), size.path("repeats").asInt()));
    md.append("| tool | status | time min / median / max (s) | peak RSS (MB) | MB/s | articles/s | candidate pairs / article | pairs found | recall | precision | time ratio |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode t : size.path("tools")) {
      md.append("| ").append(label(t)).append(" | ").append(esc(t.path("status").asText())).append(" | ")
          .append(times(t)).append(" | ").append(num(t.path("peakRssMB").path("median"), 0)).append(" | ")
          .append(num(t.path("megabytesPerSecond"), 2)).append(" | ").append(num(t.path("articlesPerSecond"), 0)).append(" | ")
          .append(num(t.path("candidatePairsPerArticle"), 2)).append(" | ").append(count(t.path("pairs"))).append(" | ")
          .append(pct(t.path("recall"))).append(" | ").append(pct(t.path("precision"))).append(" | ")
          .append(ratio(t)).append(" |\n");
    }
    for (JsonNode t : size.path("tools")) {
      if (t.has("precisionSharing4Shingles")) {
        md.append(String.format(Locale.ROOT,
            "\nThe exact counter's pairs sharing at least 4 shingles (about an 8-word run): %,d, recall %s, precision %s;"
                + " the rest of its pairs share a few 5-word runs of frequent words, or of template variants (a"
                + " footer's year, a header's date) held by no more than the df cap of articles.\n",
            t.path("pairsSharing4Shingles").asLong(), pct(t.path("recallSharing4Shingles")),
            pct(t.path("precisionSharing4Shingles"))));
      }
    }
    md.append("\nRecall by kind of true pair:\n\n| tool | reprint | co-reprint | reuse | co-reuse |\n|---|---:|---:|---:|---:|\n");
    for (JsonNode t : size.path("tools")) {
      JsonNode k = t.path("recallByKind");
      md.append("| ").append(label(t)).append(" | ").append(pct(k.path("reprint"))).append(" | ")
          .append(pct(k.path("co-reprint"))).append(" | ").append(pct(k.path("reuse"))).append(" | ")
          .append(pct(k.path("co-reuse"))).append(" |\n");
    }
    stageTable(md, size.path("tools"));
    md.append("\nCommands (one repeat):\n\n");
    for (JsonNode t : size.path("tools")) {
      md.append("- ").append(label(t)).append(": `").append(t.path("command").asText()).append("`\n");
    }
    md.append('\n');
  }

  /** refrain's stages (its {@code --timings}): median seconds and MB/s of input per stage. */
  private static void stageTable(StringBuilder md, JsonNode tools) {
    java.util.List<String> stages = new java.util.ArrayList<>();
    for (JsonNode t : tools) {
      t.path("stages").fieldNames().forEachRemaining(k -> {
        if (!stages.contains(k)) {
          stages.add(k);
        }
      });
    }
    if (stages.isEmpty()) {
      return;
    }
    md.append("\nrefrain's stages as it times them (`--timings`; median seconds, and MB/s of JSONL input), with its peak heap:\n\n| tool |");
    for (String k : stages) {
      md.append(' ').append(k).append(" |");
    }
    md.append(" peak heap (MiB) |\n|---|");
    for (int i = 0; i <= stages.size(); i++) {
      md.append("---:|");
    }
    md.append('\n');
    for (JsonNode t : tools) {
      if (!t.has("stages")) {
        continue;
      }
      md.append("| ").append(label(t)).append(" |");
      for (String k : stages) {
        JsonNode st = t.path("stages").path(k);
        md.append(' ');
        if (st.has("seconds")) {
          md.append(String.format(Locale.ROOT, "%.1f s", st.path("seconds").asDouble()));
          if (st.has("megabytesPerSecond")) {
            md.append(String.format(Locale.ROOT, " (%,.0f MB/s)", st.path("megabytesPerSecond").asDouble()));
          }
        }
        md.append(" |");
      }
      md.append(' ').append(num(t.path("peakHeapMiB"), 0)).append(" |\n");
    }
  }

  private static String kinds(JsonNode byKind) {
    StringBuilder sb = new StringBuilder();
    byKind.fields().forEachRemaining(e -> {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(String.format(Locale.ROOT, "%,d %s", e.getValue().asLong(), e.getKey()));
    });
    return sb.toString();
  }

  private static String label(JsonNode t) {
    String tool = t.path("tool").asText();
    return switch (tool) {
      case "refrain" -> "refrain scan, " + t.path("threads").asInt() + " thread" + (t.path("threads").asInt() == 1 ? "" : "s");
      case "exact" -> "exact all-pairs counter";
      case "lucene" -> "Lucene MinHash + LSH";
      case "spark" -> "Spark MinHashLSH join";
      default -> tool;
    };
  }

  private static String times(JsonNode t) {
    JsonNode s = t.path("seconds");
    if (s.isMissingNode()) {
      return "";
    }
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", s.path("min").asDouble(), s.path("median").asDouble(), s.path("max").asDouble());
  }

  private static String ratio(JsonNode t) {
    JsonNode v = t.path("vsRefrain").path("timeRatio");
    if (v.isMissingNode()) {
      return t.path("tool").asText().equals("refrain") ? "" : "";
    }
    return v.isNumber() ? String.format(Locale.ROOT, "%.2fx", v.asDouble()) : esc(v.asText());
  }

  private static String num(JsonNode v, int digits) {
    if (v.isMissingNode() || v.isNull() || !v.isNumber()) {
      return "";
    }
    return String.format(Locale.ROOT, "%,." + digits + "f", v.asDouble());
  }

  private static String count(JsonNode v) {
    return v.isNumber() ? String.format(Locale.ROOT, "%,d", v.asLong()) : "";
  }

  private static String pct(JsonNode v) {
    if (!v.isNumber() || Double.isNaN(v.asDouble())) {
      return "";
    }
    return String.format(Locale.ROOT, "%.1f%%", 100 * v.asDouble());
  }

  private static void row(StringBuilder md, String k, String v) {
    md.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private static String esc(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
