package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.report.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/commands.md is the picocli model's help; the README names every option there is. */
class CommandReferenceTest {
  @Test
  void theCommittedReferenceIsTheModels() {
    String reference = CommandReference.markdown();
    assertTrue(reference.contains("\n## refrain scan\n"), reference);
    assertTrue(reference.contains("\n## refrain index add\n"), reference);
    assertTrue(reference.contains("--fail-over=X"), reference);
    Golden.assertMatchesFile(Path.of("docs", "commands.md"), reference);
  }

  @Test
  void theReadmeNamesEveryOption() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> missing = new ArrayList<>();
    List<CommandLine> todo =
        new ArrayList<>(List.of(Main.commandLine(new Main(java.io.InputStream.nullInputStream()))));
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(0);
      todo.addAll(c.getSubcommands().values());
      for (OptionSpec o : c.getCommandSpec().options()) {
        String name = ConfigDefaults.primaryName(o);
        if (name == null) {
          continue;
        }
        boolean named =
            java.util.regex.Pattern.compile("(?<![-a-z])" + name + "(?![-a-z])").matcher(readme).find();
        if (name != null && !o.usageHelp() && !o.versionHelp() && !named) {
          String where = c.getCommandSpec().qualifiedName(" ") + " " + name;
          if (!missing.contains(where)) {
            missing.add(where);
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "options the README does not name: " + missing);
  }
}
