package dev.refrain.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND...]}: the full help of a command at any depth ({@code refrain help index
 * add}), where picocli's own help command stops at the first level. An unknown command is a
 * usage error naming the commands there are.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Shows the help of a command, e.g. 'refrain help index add'.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The command, then its subcommands.")
  private List<String> path = new ArrayList<>();

  private CommandLine self;
  private PrintWriter out;
  private CommandLine.Help.ColorScheme colors;

  @Override
  public void init(
      CommandLine helpCommandLine,
      CommandLine.Help.ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    for (String name : path) {
      CommandLine next = target.getSubcommands().get(name);
      if (next == null) {
        throw new CommandLine.ParameterException(
            self,
            "unknown command '" + name + "' under '" + target.getCommandName()
                + "'; commands: " + String.join(", ", visible(target)));
      }
      target = next;
    }
    target.usage(out, colors);
  }

  private static List<String> visible(CommandLine c) {
    List<String> names = new ArrayList<>();
    c.getSubcommands()
        .forEach(
            (name, sub) -> {
              boolean hidden = sub.getCommandSpec().usageMessage().hidden();
              if (!hidden && !names.contains(sub.getCommandName())) {
                names.add(sub.getCommandName());
              }
            });
    return names;
  }
}
