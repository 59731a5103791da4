package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refrain.bench.cli.EvalCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eval}: output and exit codes. */
class CommandsTest {

  /** The exit code, standard output and standard error of one run. */
  record Run(int code, String out, String err) {}

  static Run run(Callable<Integer> command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void unknownCorpusIsAUsageError() {
    Run r = run(new EvalCommand(), "reuters");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown corpus \"reuters\""), r.err());
    assertTrue(r.err().contains("clough, msrp, pan13, seeds, synthetic, quotes or all"), r.err());
  }

  @Test
  void unknownFormatOrOptionIsAUsageError() {
    assertEquals(2, run(new EvalCommand(), "seeds", "--format", "html").code());
    assertEquals(2, run(new EvalCommand(), "seeds", "--bogus").code());
    assertEquals(2, run(new EvalCommand()).code());
  }

  @Test
  void missingDataExitsThreeAndSaysWhereToPutIt(@TempDir Path empty) {
    Run r = run(new EvalCommand(), "clough", "--data", empty.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("put the Clough & Stevenson corpus"), r.err());
    assertTrue(r.err().contains(empty.toAbsolutePath().toString()), r.err());
    assertTrue(r.out().contains("data not found"), r.out());
    Run seeds = run(new EvalCommand(), "seeds", "--seeds", empty.resolve("nothing").toString());
    assertEquals(3, seeds.code());
    assertTrue(seeds.err().contains("put the seed articles"), seeds.err());
  }

  @Test
  void seedsEvalPrintsJsonAndMarkdown() throws Exception {
    Run json = run(new EvalCommand(), "seeds", "--format", "json");
    assertEquals(0, json.code(), json.err());
    JsonNode root = new ObjectMapper().readTree(json.out());
    JsonNode seeds = root.get("corpora").get(0);
    assertEquals("seeds", seeds.get("corpus").asText());
    assertTrue(seeds.get("available").asBoolean());
    assertTrue(seeds.get("figures").size() >= 5);
    assertTrue(seeds.get("figures").get(0).has("met"));
    Run again = run(new EvalCommand(), "seeds", "--format", "json");
    assertEquals(json.out(), again.out(), "deterministic output");

    Run md = run(new EvalCommand(), "seeds", "--format", "md");
    assertEquals(0, md.code());
    assertTrue(md.out().contains("| Metric | refrain | Target | Met | Anchor |"), md.out());
    Run text = run(new EvalCommand(), "seeds");
    assertTrue(text.out().contains("recall, near-verbatim passages"), text.out());
  }

  @Test
  void outWritesAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("seeds.md");
    Run r = run(new EvalCommand(), "seeds", "--format", "md", "--out", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(file).startsWith("# refrain: quality figures"));
    assertEquals(2, run(new EvalCommand(), "seeds", "--format", "md,json", "--out", file.toString()).code());
    Run unwritable =
        run(new EvalCommand(), "seeds", "--format", "md", "--out", dir.resolve("no/such/dir/x.md").toString());
    assertEquals(3, unwritable.code());
  }
}
