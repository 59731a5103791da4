package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help text laid out for an 80-column terminal, and counts with their noun in the right number. */
class HelpAndMessagesTest {
  @TempDir Path tmp;

  @Test
  void everyExitCodeLineFitsAndContinuesUnderItsText() {
    ArrayDeque<CommandLine> todo = new ArrayDeque<>();
    todo.add(Main.commandLine(new Main(InputStream.nullInputStream())));
    int footers = 0;
    while (!todo.isEmpty()) {
      CommandLine c = todo.removeFirst();
      todo.addAll(c.getSubcommands().values());
      String help = c.getUsageMessage();
      int at = help.indexOf("Exit codes:\n");
      if (at < 0) {
        continue;
      }
      footers++;
      for (String line : help.substring(at + "Exit codes:\n".length()).lines().toList()) {
        assertTrue(line.length() <= 80, c.getCommandName() + ": too long: " + line);
        assertTrue(line.matches("  [0-9]  \\S.*|     \\S.*"),
            c.getCommandName() + ": an exit code line not under its text: '" + line + "'");
      }
    }
    assertTrue(footers >= 4, "the commands with exit codes: " + footers);
  }

  @Test
  void wrapsALongLineAtASpaceUnderItsText() {
    assertEquals(
        List.of("  3  an input path", "     is missing"),
        HelpLayout.wrap(new String[] {"  3  an input path is missing"}, 20));
  }

  @Test
  void oneOfAThingIsSingular() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("seeds/003_1db7f69e6dbc993b.txt"), in.resolve("a.txt"));
    Files.copy(Path.of("seeds/004_e532a696cc3e8e02.txt"), in.resolve("b.txt"));
    MainTest.Run r = MainTest.run("scan", in.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 articles, 1 pair, "), r.out());
    assertTrue(r.out().contains(" (1 candidate pair checked)"), r.out());

    Path index = tmp.resolve("idx");
    assertEquals(0, MainTest.run("index", "add", in.resolve("a.txt").toString(), "--index",
        index.toString()).code());
    MainTest.Run optimize = MainTest.run("index", "optimize", "--index", index.toString());
    assertEquals("1 article in 1 segment\n", optimize.out());
  }
}
