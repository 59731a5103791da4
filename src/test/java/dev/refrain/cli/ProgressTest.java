package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress on stderr, end to end through the command line, with the answer to "is stderr a
 * terminal" given (a test's stderr never is one).
 */
class ProgressTest {
  @TempDir Path tmp;

  static MainTest.Run run(boolean terminal, String... args) {
    return MainTest.runWith(terminal, Path.of(""), args);
  }

  @Test
  void aTerminalOnStderrGetsABarWhateverStdoutIs() {
    // stdout here is a buffer, as when it is redirected to a file: the bar still shows.
    MainTest.Run r = run(true, "scan", "seeds", "--out", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("\rprepare") || r.err().contains("\ralign"), r.err());
    assertTrue(r.err().contains("100%"), r.err());
    assertTrue(r.out().contains("5 articles"), "the table still goes to stdout: " + r.out());
  }

  @Test
  void noBarIsEmptyOrOfOneStep() {
    for (List<String> args :
        List.of(
            List.of("scan", "seeds", "--out", tmp.resolve("r").toString(), "--progress", "always"),
            List.of("index", "add", "seeds", "--index", tmp.resolve("idx").toString(),
                "--progress", "always"))) {
      MainTest.Run r = run(true, args.toArray(String[]::new));
      assertEquals(0, r.code(), r.err());
      assertFalse(r.err().contains("? %"), "no bar of unknown length: " + r.err());
      assertFalse(r.err().contains(" 0/0"), r.err());
      assertFalse(r.err().contains("1/1"), "no bar of one step: " + r.err());
      assertFalse(r.err().contains("[]"), r.err());
    }
  }

  @Test
  void noTerminalNoBar() {
    MainTest.Run r = run(false, "scan", "seeds", "--out", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void quietDrawsNothingButProblems() {
    MainTest.Run r = run(true, "scan", "seeds", "--out", tmp.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void verbosePrintsALinePerStage() {
    MainTest.Run r =
        run(false, "scan", "seeds", "--out", tmp.toString(), "--verbose", "--timings");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.err().lines().toList();
    String timings = lines.get(lines.size() - 1);
    assertTrue(timings.startsWith("refrain: timings: "), r.err());
    // The stages --timings lists, in its order: one verbose line each.
    List<String> stages =
        java.util.Arrays.stream(
                timings.substring("refrain: timings: ".length(), timings.indexOf("; total"))
                    .split(", "))
            .map(t -> t.replaceAll(" [0-9.]+ s$", ""))
            .toList();
    assertTrue(stages.containsAll(List.of("load and prepare", "align", "report")), timings);
    List<String> verbose =
        lines.subList(0, lines.size() - 1).stream()
            .map(l -> l.replaceAll("^refrain: (.*) done in [0-9.]+ s$", "$1"))
            .toList();
    assertEquals(stages, verbose, r.err());
  }

  @Test
  void aPipeIsNoTerminal() {
    // The test JVM's stderr is a pipe to the build tool.
    assertFalse(Terminal.stderrIsTerminal());
  }

  @Test
  void quietAndVerboseTogetherIsAUsageError() {
    MainTest.Run r = run(false, "scan", "seeds", "--out", tmp.toString(), "--quiet", "--verbose");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--quiet and --verbose cannot be used together"), r.err());
  }
}
