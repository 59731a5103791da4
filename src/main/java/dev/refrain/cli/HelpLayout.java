package dev.refrain.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The layout of help text picocli does not do itself: a footer line longer than the help's width
 * (an exit code's meaning) is wrapped at a space and continued under its text, where picocli
 * would break it anywhere and continue at column 0.
 */
final class HelpLayout {
  private HelpLayout() {}

  /** Wraps the footers of {@code root} and of every command under it. */
  static void wrapFooters(CommandLine root) {
    List<CommandLine> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(todo.size() - 1);
      todo.addAll(c.getSubcommands().values());
      UsageMessageSpec usage = c.getCommandSpec().usageMessage();
      usage.footer(wrap(usage.footer(), usage.width()).toArray(String[]::new));
    }
  }

  /**
   * {@code lines}, each longer than {@code width} broken at its last space that fits, the rest
   * indented as far as the text after its leading code ({@code "  3  "}: 5 spaces).
   */
  static List<String> wrap(String[] lines, int width) {
    List<String> wrapped = new ArrayList<>();
    for (String line : lines) {
      String indent = " ".repeat(hangingIndent(line));
      String rest = line;
      while (rest.length() > width) {
        int cut = rest.lastIndexOf(' ', width);
        if (cut <= indent.length()) {
          break;
        }
        wrapped.add(rest.substring(0, cut).stripTrailing());
        rest = indent + rest.substring(cut + 1).stripLeading();
      }
      wrapped.add(rest);
    }
    return wrapped;
  }

  /** Where the text of {@code "  3  meaning"} starts: after the spaces, the code and the spaces. */
  private static int hangingIndent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    int lead = i;
    while (i < line.length() && Character.isDigit(line.charAt(i))) {
      i++;
    }
    if (i == lead || i == line.length() || line.charAt(i) != ' ') {
      return lead; // a continuation line, or one without a code: keep its own indent
    }
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i < line.length() && i <= 12 ? i : 0;
  }
}
