package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.refrain.bench.cli.EvalCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/quality.md is what 'eval all --format md' prints with the current detector. */
class QualityDocIsCurrentTest {

  @Test
  void qualityDocMatchesAFreshEval() throws IOException {
    assumeTrue(
        Files.isDirectory(EvalData.DATA),
        "skipped: the corpora are not in " + EvalData.DATA + " (see each corpus's SOURCE.md)");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EvalCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    int code = cli.execute("all", "--format", "md");
    assumeTrue(code == 0, "skipped: some corpus is missing (eval exit " + code + ")");
    assertEquals(
        out.toString(),
        Files.readString(Path.of("docs", "quality.md")),
        "docs/quality.md is stale: regenerate it with"
            + " java -jar bench/target/refrain-bench.jar eval all --format md > docs/quality.md");
  }
}
