package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code refrain completion}: a bash completion script from the command line's own model. */
class CompletionCommandTest {
  @TempDir Path tmp;

  @Test
  void printsAScriptThatKnowsEveryCommand() {
    MainTest.Run r = MainTest.run("completion");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("complete -F"), r.out());
    for (String word : List.of("scan", "check", "calibrate", "--fail-over", "--max-containment")) {
      assertTrue(r.out().contains(word), word);
    }
  }

  /** What bash completes after {@code words}, the last one being typed. */
  private String complete(Path script, String... words) throws Exception {
    String line = "refrain " + String.join(" ", words);
    String program =
        "source " + script + "\n"
            + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
            + "COMP_WORDS=(refrain " + String.join(" ", words) + "); COMP_CWORD=" + words.length + "\n"
            + "_complete_refrain refrain\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    // stderr left out: bash's compopt says it runs outside a completion.
    Process p =
        new ProcessBuilder("bash", "-c", program)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void bashCompletesCommandsAndOptions() throws Exception {
    Path script = Files.writeString(tmp.resolve("refrain.bash"), MainTest.run("completion").out());
    assertEquals("scan\n", complete(script, "sc"));
    assertTrue(complete(script, "scan", "--fail").contains("--fail-over\n"));
    assertEquals("json\njsonl\n", complete(script, "scan", "--format", "js"));
    assertEquals("sarif\n", complete(script, "check", "--format", "sa"));
    // Enum values complete as picocli names them (upper case), accepted in any case.
    assertEquals("MEMORY\n", complete(script, "scan", "--store", "M"));
  }
}
