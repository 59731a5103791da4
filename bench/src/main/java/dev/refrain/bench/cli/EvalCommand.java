package dev.refrain.bench.cli;

import dev.refrain.bench.eval.CorpusResult;
import dev.refrain.bench.eval.EvalRenderer;
import dev.refrain.bench.eval.EvalReport;
import dev.refrain.bench.eval.Evaluator;
import dev.refrain.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refrain-bench eval}: measures refrain on labelled corpora and prints its figures beside
 * the published anchors and the project's targets.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measures refrain on labelled corpora and prints its figures beside published figures and"
          + " the targets.",
      "",
      "Corpora: clough (Clough & Stevenson short answers: accuracy, Spearman, ROC AUC), msrp"
          + " (MSR Paraphrase test split: accuracy, F1), pan13 (PAN 2013 text alignment,"
          + " no-obfuscation: precision, recall, granularity, plagdet), seeds (the seed articles"
          + " against bench/src/main/resources/eval/seeds-gold.json), synthetic (a seeded syndication"
          + " corpus with planted reuse), quotes (a seeded corpus of articles quoting known"
          + " speakers: quote family recall, precision and speaker accuracy), or all.",
      "",
      "Data is read from --data (default ../shared/corpora): clough-stevenson/,"
          + " msrp/, pan13-ta-02-no-obfuscation-partial/ and, for synthetic sentences,"
          + " reuters21578/ (without it the generator makes its own sentences)."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; every corpus evaluated",
      "  2  usage: unknown corpus or format, bad option",
      "  3  data of a corpus not found (the message says where to put it), or output not"
          + " writable; the other corpora are still evaluated",
      "",
      "Example: java -jar bench/target/refrain-bench.jar eval all --format md > docs/quality.md"
    })
public final class EvalCommand implements Callable<Integer> {

  /** Where the corpora are looked for by default, relative to the working directory. */
  public static final String DEFAULT_DATA = "../shared/corpora";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<corpus>",
      description = "clough, msrp, pan13, seeds, synthetic, quotes or all")
  String corpus;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
      description = "folder holding the corpora (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
      description = "folder holding the seed articles (default: ${DEFAULT-VALUE})")
  Path seeds;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "text",
      description = "text, json or md; several, comma-separated, print one after another"
          + " (default: ${DEFAULT-VALUE})")
  List<String> formats;

  @Option(names = "--out", paramLabel = "FILE",
      description = "write the report to FILE instead of standard output (one format only)")
  Path out;



  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<String> corpora;
    if (corpus.equals("all")) {
      corpora = Evaluator.CORPORA;
    } else if (Evaluator.CORPORA.contains(corpus)) {
      corpora = List.of(corpus);
    } else {
      err.println(
          "refrain-bench: unknown corpus \"" + corpus + "\"; expected "
              + String.join(", ", Evaluator.CORPORA) + " or all");
      return ExitCode.USAGE.code();
    }
    List<EvalRenderer.Format> chosen = new ArrayList<>();
    for (String f : formats) {
      try {
        chosen.add(EvalRenderer.Format.parse(f));
      } catch (IllegalArgumentException e) {
        err.println("refrain-bench: " + e.getMessage());
        return ExitCode.USAGE.code();
      }
    }
    if (out != null && chosen.size() != 1) {
      err.println("refrain-bench: --out writes one format; give one --format");
      return ExitCode.USAGE.code();
    }
    Evaluator evaluator = new Evaluator(data, seeds);
    List<CorpusResult> results = new ArrayList<>();
    for (String c : corpora) {
      long start = System.nanoTime();
      CorpusResult r = evaluator.run(c);
      results.add(r);
      if (r.available()) {
        err.println(
            String.format(Locale.ROOT, "refrain-bench: eval %s: %.1f s", c, (System.nanoTime() - start) / 1e9));
      } else {
        err.println("refrain-bench: " + r.message());
      }
    }
    EvalReport report = new EvalReport("refrain", regenerate(chosen), results);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chosen.size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append(EvalRenderer.render(report, chosen.get(i)));
    }
    if (out != null) {
      try {
        Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("refrain-bench: cannot write " + out + ": " + e.getMessage());
        return ExitCode.INPUT.code();
      }
    } else {
      PrintWriter o = spec.commandLine().getOut();
      o.print(text);
      o.flush();
    }
    return report.anyMissing() ? ExitCode.INPUT.code() : ExitCode.OK.code();
  }

  /** The command that regenerates this report. */
  private String regenerate(List<EvalRenderer.Format> chosen) {
    StringBuilder s = new StringBuilder("java -jar bench/target/refrain-bench.jar eval ").append(corpus);
    if (!data.toString().equals(DEFAULT_DATA)) {
      s.append(" --data ").append(data.toString().replace('\\', '/'));
    }
    if (!seeds.toString().equals("seeds")) {
      s.append(" --seeds ").append(seeds.toString().replace('\\', '/'));
    }
    s.append(" --format ")
        .append(String.join(",", chosen.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
    if (out != null) {
      s.append(" --out ").append(out.toString().replace('\\', '/'));
    } else if (corpus.equals("all") && chosen.equals(List.of(EvalRenderer.Format.MD))) {
      s.append(" > docs/quality.md");
    }
    return s.toString();
  }
}
