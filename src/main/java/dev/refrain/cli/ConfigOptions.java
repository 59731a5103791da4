package dev.refrain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE} and {@code --show-config}, options of every command ({@link Main}
 * declares them, inherited): which config file a run reads, and the resolved settings printed.
 */
final class ConfigOptions {
  private ConfigOptions() {}

  /** Arguments with which no config file is read: help, version and completion need none. */
  private static final Set<String> NO_CONFIG = Set.of("-h", "--help", "-V", "--version");

  /**
   * The config defaults of this run: from the file {@code --config} names in {@code args}, else
   * from the nearest {@value ConfigFile#NAME} or {@value ConfigFile#HIDDEN_NAME} at or above
   * {@code workingDirectory}; null when there is none, or the run only asks for help.
   *
   * @throws ConfigFile.Invalid naming the file, and the key, that cannot be used
   */
  static ConfigDefaults load(String[] args, Path workingDirectory, CommandLine root)
      throws ConfigFile.Invalid {
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      }
      if (NO_CONFIG.contains(a) || (i == 0 && (a.equals("help") || a.equals("completion")))) {
        return null;
      }
      if (a.equals("--config") && i + 1 < args.length) {
        file = Path.of(args[i + 1]);
      } else if (a.startsWith("--config=")) {
        file = Path.of(a.substring("--config=".length()));
      }
    }
    if (file == null) {
      file = ConfigFile.find(workingDirectory);
      if (file == null) {
        return null;
      }
    } else if (!file.isAbsolute()) {
      file = workingDirectory.resolve(file);
    }
    return ConfigDefaults.of(ConfigFile.read(file), root);
  }

  /** Runs the command parsed, or with {@code --show-config} prints its settings instead. */
  static int executeOrShow(CommandLine.ParseResult parsed, ConfigDefaults config) {
    CommandLine.ParseResult last = parsed;
    boolean show = parsed.hasMatchedOption("--show-config");
    while (last.hasSubcommand()) {
      last = last.subcommand();
      show |= last.hasMatchedOption("--show-config");
    }
    if (config != null) {
      config.completeLists(last);
    }
    if (!show || CommandLine.printHelpIfRequested(parsed)) {
      return new CommandLine.RunLast().execute(parsed);
    }
    if (last.commandSpec().userObject() instanceof CheckedSettings checked) {
      checked.checkSettings();
    }
    show(last, config, last.commandSpec().commandLine().getOut());
    return ExitCode.OK.code();
  }

  /**
   * One line a setting of the command: {@code --min-words 10} then where it came from ({@code
   * command line}, the config file and key, or {@code default}); the first line names the config
   * file read.
   */
  static void show(CommandLine.ParseResult parsed, ConfigDefaults config, PrintWriter out) {
    CommandSpec command = parsed.commandSpec();
    out.println("# refrain " + ConfigDefaults.name(command) + ": config file "
        + (config == null ? "none (no refrain.json or .refrain.json here or above)"
            : config.config().file().toString()));
    List<OptionSpec> options =
        command.options().stream().filter(o -> ConfigDefaults.settingName(o) != null).toList();
    int width = 0;
    for (OptionSpec o : options) {
      width = Math.max(width, setting(o).length());
    }
    for (OptionSpec o : options) {
      String origin =
          parsed.hasMatchedOption(o) ? "command line"
              : config != null && config.origin(o) != null ? config.origin(o) : "default";
      out.println(String.format(Locale.ROOT, "%-" + width + "s  # %s", setting(o), origin));
    }
    out.flush();
  }

  /** {@code --min-words 8}: the option and its value as it would be given. */
  private static String setting(OptionSpec o) {
    return ConfigDefaults.primaryName(o) + " " + text(o.getValue());
  }

  private static String text(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Collection<?> c) {
      return c.isEmpty() ? "none" : c.stream().map(ConfigOptions::text).collect(Collectors.joining(","));
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    return value.toString();
  }
}
