package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    return runWithInput(new byte[0], args);
  }

  /** Runs refrain with {@code stdin} as its standard input. */
  static Run runWithInput(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new java.io.ByteArrayInputStream(stdin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Runs refrain with no standard input, {@code terminal} the answer to whether stderr is a
   * terminal, as if started in {@code workingDirectory}.
   */
  static Run runWith(boolean terminal, Path workingDirectory, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args, java.io.InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            () -> terminal, workingDirectory);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void scansTheSeedsAndWritesEveryReport() {
    Run r = run("scan", "seeds", "--out", tmp.toString(), "--progress", "never");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(tmp.resolve("report.html")));
    assertTrue(Files.isRegularFile(tmp.resolve("report.md")));
    assertTrue(Files.isRegularFile(tmp.resolve("report.json")));
    String firstRow = r.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(
        firstRow.contains("003_1db7f69e6dbc993b") && firstRow.contains("004_e532a696cc3e8e02"),
        "the pair sharing most ranks first: " + r.out());
    assertTrue(r.out().contains("5 articles"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void writesOnlyTheFormatsAsked() {
    Run r = run("scan", "seeds", "--out", tmp.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(tmp.resolve("report.json")));
    assertFalse(Files.exists(tmp.resolve("report.html")));
  }

  @ParameterizedTest
  @CsvSource({
    "--min-similarity, 1.5, '--min-similarity must be 0 to 1, was 1.5'",
    "--min-similarity, -0.1, '--min-similarity must be 0 to 1, was -0.1'",
    "--shingle-size, 0, '--shingle-size must be 1 to 32, was 0'",
    "--shingle-size, 33, '--shingle-size must be 1 to 32, was 33'",
    "--min-words, 0, '--min-words must be 1 to 100000, was 0'",
    "--max-gap, 101, '--max-gap must be 0 to 100, was 101'",
    "--window, 1001, '--window must be 1 to 1000, was 1001'",
    "--window, 0, '--window must be 1 to 1000, was 0'",
    "--template-min-articles, 1, '--template-min-articles must be 2 to 1000000, was 1'",
    "--boilerplate-min-articles, 1, '--template-min-articles must be 2 to 1000000, was 1'",
    "--threads, 0, '--threads must be 1 to 256, was 0'",
    "--top, -1, '--top must be 0 or more, was -1'",
    "--format, pdf, '--format must be one or more of html, md, json, jsonl, was ''pdf'''",
    "--shingle-size, many, 'Invalid value for option ''--shingle-size'': ''many'' is not an int'",
  })
  void rejectsABadOptionValueNamingTheOptionAndRange(String option, String value, String message) {
    Run r = run("scan", "seeds", "--out", tmp.toString(), option, value);
    assertEquals(2, r.code());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(Files.exists(tmp.resolve("report.json")), "nothing written on a usage error");
  }

  @Test
  void rejectsUnknownOptionsAndMissingCommands() {
    assertEquals(2, run("scan", "seeds", "--frobnicate").code());
    assertEquals(2, run("scan").code());
    Run none = run();
    assertEquals(2, none.code());
    assertTrue(none.err().contains("scan"), none.err());
  }

  @Test
  void explainsItselfAndItsExitCodes() {
    Run r = run("scan", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--min-similarity"), r.out());
    assertTrue(r.out().contains("Exit codes"), r.out());
  }

  @Test
  void helpReachesCommandsAtAnyDepth() {
    Run add = run("help", "index", "add");
    assertEquals(0, add.code());
    assertTrue(add.out().startsWith("Usage: refrain index add"), add.out());
    Run check = run("help", "check");
    assertEquals(0, check.code());
    assertTrue(check.out().contains("--max-containment"), check.out());
    Run unknown = run("help", "index", "nope");
    assertEquals(2, unknown.code());
    assertTrue(
        unknown.err().contains("unknown command 'nope' under 'index'; commands: add, remove,"),
        unknown.err());
  }

  @ParameterizedTest
  @CsvSource({"eval, all", "benchmark, prepare"})
  void evaluationAndBenchmarksAreNotProductCommands(String command, String argument) {
    Run r = run(command, argument);
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("Unmatched arguments"), r.err());
    assertFalse(run("--help").out().contains(command), "refrain --help names " + command);
  }

  @Test
  void stopsWithExitCode3WhenAPathIsMissing() {
    Run r = run("scan", "seeds", "no-such-folder", "--out", tmp.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no-such-folder"), r.err());
    assertFalse(Files.exists(tmp.resolve("report.json")));
  }

  @Test
  void skipsBadFilesNamingEachAndStillWritesReports() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), Files.readString(Path.of("seeds/003_1db7f69e6dbc993b.txt")));
    Files.writeString(in.resolve("b.txt"), Files.readString(Path.of("seeds/004_e532a696cc3e8e02.txt")));
    Files.write(in.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
    Files.writeString(in.resolve("empty.txt"), "  \n");
    Path out = tmp.resolve("out");
    Run r = run("scan", in.toString(), "--out", out.toString());
    assertEquals(4, r.code(), r.err());
    assertTrue(r.err().contains("image.txt") && r.err().contains("binary"), r.err());
    assertTrue(r.err().contains("empty.txt") && r.err().contains("empty"), r.err());
    assertEquals(2, r.err().lines().count(), "one line a problem: " + r.err());
    assertTrue(Files.readString(out.resolve("report.json")).contains("\"skipped\""));
  }

  @Test
  void failsWithExitCode3WhenNothingIsReadable() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("empty.txt"), "");
    Run r = run("scan", in.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no readable articles"), r.err());
  }

  @Test
  void failsWithExitCode3WhenTheReportsCannotBeWritten() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Run r = run("scan", "seeds", "--out", file.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("cannot write reports"), r.err());
    assertEquals("x", Files.readString(file), "the file in the way is left alone");
  }

  @Test
  void anUnpairedSurrogateInOneArticleIsRepairedAndEveryReportIsWritten() throws IOException {
    String sentence = "The minister said on Tuesday that the talks with the delegation had gone"
        + " well and that both sides would meet again next month x\\ud800y in the capital";
    Path in = Files.writeString(
        tmp.resolve("s.jsonl"),
        "{\"id\":\"a1\",\"text\":\"" + sentence + ". First story.\"}\n"
            + "{\"id\":\"a2\",\"text\":\"Second story. " + sentence + ".\"}\n");
    Path out = tmp.resolve("out");
    Run r = run("scan", in.toString(), "--out", out.toString(), "--progress", "never");
    assertEquals(0, r.code(), r.err());
    String warning = ": warning: unpaired surrogate (not Unicode text) in text replaced with U+FFFD\n";
    assertEquals("refrain: " + in + ":1" + warning + "refrain: " + in + ":2" + warning, r.err());
    assertTrue(Files.readString(out.resolve("report.json")).contains("x\uFFFDy in the capital"));
    assertTrue(Files.isRegularFile(out.resolve("report.md")));
    assertTrue(Files.isRegularFile(out.resolve("report.html")));
  }

  @Test
  void everyHelpTextFormatsWithoutAWarning() {
    // picocli formats each description line; a bare % (as in "40% of the heap") fails, and it
    // then warns on the JVM's own stderr and prints the line unformatted.
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    PrintStream jvmErr = System.err;
    java.util.List<String> helps = new java.util.ArrayList<>();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
      todo.add(new picocli.CommandLine(new Main(java.io.InputStream.nullInputStream())));
      while (!todo.isEmpty()) {
        picocli.CommandLine c = todo.removeFirst();
        todo.addAll(c.getSubcommands().values());
        helps.add(c.getUsageMessage());
      }
    } finally {
      System.setErr(jvmErr);
    }
    assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    assertTrue(helps.stream().anyMatch(h -> h.contains("fit 40% of the")), String.join("\n", helps));
  }
}
