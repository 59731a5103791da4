package dev.refrain.cli;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The command reference ({@code docs/commands.md}), generated from the same picocli model the
 * command line runs: every command's full help, in the order {@code refrain --help} lists them,
 * subcommands after their command. A test fails when the committed file differs.
 */
final class CommandReference {
  private CommandReference() {}

  /** The reference as Markdown. */
  static String markdown() {
    CommandLine root = Main.commandLine(new Main(InputStream.nullInputStream()));
    StringBuilder b = new StringBuilder();
    b.append("# Command reference\n\n")
        .append("Generated from the command line's own definitions (`refrain help COMMAND` prints\n")
        .append("the same); `CommandReferenceTest` fails when this file is stale: regenerate it with\n")
        .append("`mvn -B -q test -Dtest=CommandReferenceTest -Drefrain.updateGolden=true`.\n\n");
    List<CommandLine> commands = commands(root);
    for (CommandLine c : commands) {
      String name = c.getCommandSpec().qualifiedName(" ");
      b.append("- [`").append(name).append("`](#").append(name.replace(' ', '-')).append(")\n");
    }
    for (CommandLine c : commands) {
      String name = c.getCommandSpec().qualifiedName(" ");
      b.append("\n## ").append(name).append("\n\n```\n")
          .append(c.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing())
          .append("\n```\n");
    }
    return b.toString();
  }

  /** {@code root} and every command under it, depth first, each once. */
  private static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    add(root, all);
    return all;
  }

  private static void add(CommandLine c, List<CommandLine> all) {
    if (all.stream().anyMatch(seen -> seen.getCommandSpec() == c.getCommandSpec())) {
      return;
    }
    all.add(c);
    for (CommandLine sub : c.getSubcommands().values()) {
      add(sub, all);
    }
  }
}
