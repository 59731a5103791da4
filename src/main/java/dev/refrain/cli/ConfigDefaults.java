package dev.refrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings of a {@link ConfigFile} as picocli's default values: an option not given on the
 * command line takes its value from the file, converted and then validated exactly as the same
 * text given on the command line would be. A relative path in the file is relative to the file's
 * folder. A value the command rejects is reported naming the file and the key ({@link
 * #explain}).
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  /** Options a config file cannot set: they are about this one run, not settings. */
  private static final Set<String> NOT_SETTINGS =
      Set.of("help", "version", "config", "show-config");

  private final ConfigFile config;
  /** The options whose value came from the file this run, and where in it. */
  private final Map<OptionSpec, String> supplied = new LinkedHashMap<>();
  /** The values of repeatable options ({@code --exclude}) the file gives as a list. */
  private final Map<OptionSpec, List<String>> repeated = new LinkedHashMap<>();

  private ConfigDefaults(ConfigFile config) {
    this.config = config;
  }

  ConfigFile config() {
    return config;
  }

  /**
   * The defaults of {@code config} for the commands under {@code root}.
   *
   * @throws ConfigFile.Invalid naming the file and the first key or command no command knows
   */
  static ConfigDefaults of(ConfigFile config, CommandLine root) throws ConfigFile.Invalid {
    Map<String, CommandSpec> commands = new LinkedHashMap<>();
    List<CommandLine> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(0);
      todo.addAll(c.getSubcommands().values());
      if (c != root && !c.getCommandSpec().helpCommand()) {
        commands.putIfAbsent(name(c.getCommandSpec()), c.getCommandSpec());
      }
    }
    for (var section : config.sections().entrySet()) {
      CommandSpec command = commands.get(section.getKey());
      if (command == null) {
        throw new ConfigFile.Invalid(config.file() + ": \"" + section.getKey() + "\" is no command"
            + " with settings; commands: " + String.join(", ", withSettings(commands).keySet()));
      }
      for (String key : section.getValue().keySet()) {
        if (option(command, key) == null) {
          throw new ConfigFile.Invalid(config.origin(section.getKey(), key) + ": no such option of"
              + " refrain " + section.getKey());
        }
      }
    }
    for (String key : config.global().keySet()) {
      if (commands.values().stream().noneMatch(c -> option(c, key) != null)) {
        throw new ConfigFile.Invalid(config.file() + ": \"" + key + "\": no refrain command has"
            + " the option --" + key);
      }
    }
    return new ConfigDefaults(config);
  }

  /** The commands that take settings from a config file. */
  private static Map<String, CommandSpec> withSettings(Map<String, CommandSpec> commands) {
    Map<String, CommandSpec> with = new LinkedHashMap<>();
    commands.forEach(
        (name, c) -> {
          if (c.options().stream().anyMatch(o -> settingName(o) != null)) {
            with.put(name, c);
          }
        });
    return with;
  }

  /** A command's name under {@code refrain}: {@code "scan"}, {@code "index add"}. */
  static String name(CommandSpec command) {
    String q = command.qualifiedName(" ");
    int space = q.indexOf(' ');
    return space < 0 ? q : q.substring(space + 1);
  }

  /** The option of {@code command} named {@code key} ({@code --key}), or null. */
  private static OptionSpec option(CommandSpec command, String key) {
    OptionSpec o = command.findOption("--" + key);
    return o == null || settingName(o) == null ? null : o;
  }

  /** The key that sets {@code o} ({@code "min-words"}), null for an option that is no setting. */
  static String settingName(OptionSpec o) {
    String name = primaryName(o);
    if (name == null) {
      return null;
    }
    String key = name.substring(2);
    return NOT_SETTINGS.contains(key) || o.usageHelp() || o.versionHelp() ? null : key;
  }

  /** The first long name of {@code o} ({@code --min-words}, not its alias), or null. */
  static String primaryName(OptionSpec o) {
    for (String name : o.names()) {
      if (name.startsWith("--")) {
        return name;
      }
    }
    return null;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o) || settingName(o) == null || o.command() == null) {
      return null;
    }
    String command = name(o.command());
    for (String alias : o.names()) {
      if (!alias.startsWith("--")) {
        continue;
      }
      String key = alias.substring(2);
      JsonNode value = config.value(command, key);
      if (value != null) {
        String origin = config.origin(command, key);
        supplied.put(o, origin);
        return text(o, value, origin);
      }
    }
    return null;
  }

  /** The command-line text of a JSON value for {@code o}. */
  private String text(OptionSpec o, JsonNode value, String origin) {
    if (value.isArray()) {
      if (o.splitRegex().isEmpty()) {
        if (!repeatableText(o) || value.isEmpty()) {
          throw new CommandLine.ParameterException(
              o.command().commandLine(),
              origin + ": " + primaryName(o) + " takes one value, not a list");
        }
        // A repeatable option: picocli takes one default value; the rest are set after parsing.
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
          items.add(text(o, item, origin));
        }
        repeated.put(o, items);
        return items.get(0);
      }
      List<String> items = new ArrayList<>();
      for (JsonNode item : value) {
        items.add(text(o, item, origin));
      }
      return String.join(",", items);
    }
    if (value.isObject() || value.isNull()) {
      throw new CommandLine.ParameterException(
          o.command().commandLine(),
          origin + ": " + primaryName(o) + " needs a " + (o.typeInfo().isBoolean() ? "true or false" : "value")
              + ", was " + value);
    }
    String text = value.asText();
    if (o.type() == Path.class && !text.isEmpty()) {
      // Relative to the config file, wherever the command runs.
      text = config.file().getParent().resolve(text).normalize().toString();
    }
    return text;
  }

  /**
   * {@code e}'s message, led by where in the file the bad value is when it is about an option
   * whose value came from the file; else the message as it is.
   */
  String explain(CommandLine.ParameterException e) {
    String message = e.getMessage();
    CommandLine.ParseResult parsed = e.getCommandLine().getParseResult();
    Set<String> origins = new LinkedHashSet<>();
    supplied.forEach(
        (o, origin) -> {
          boolean given = parsed != null && parsed.hasMatchedOption(o);
          if (!given && o.command() == e.getCommandLine().getCommandSpec()
              && mentions(message, o)) {
            origins.add(origin);
          }
        });
    if (origins.isEmpty() || message.startsWith(config.file().toString())) {
      return message;
    }
    return String.join(", ", origins) + ": " + message;
  }

  private static boolean mentions(String message, OptionSpec o) {
    for (String name : o.names()) {
      if (message.startsWith(name + " ") || message.contains("'" + name + "'")
          || message.contains(" " + name + " ")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code o} may be given several times and holds text ({@code --exclude GLOB}). */
  private static boolean repeatableText(OptionSpec o) {
    Class<?>[] aux = o.auxiliaryTypes();
    return o.isMultiValue() && List.class.isAssignableFrom(o.type()) && aux.length == 1
        && aux[0] == String.class;
  }

  /**
   * Gives each repeatable option the file lists, and the command line does not give, every
   * value of its list ({@code "exclude": ["*.pdf", "drafts"]}).
   */
  void completeLists(CommandLine.ParseResult parsed) {
    repeated.forEach(
        (o, items) -> {
          if (parsed.commandSpec().options().contains(o) && !parsed.hasMatchedOption(o)) {
            o.setValue(new ArrayList<>(items));
          }
        });
  }

  /** Where {@code o}'s value came from this run: the file and key, or null. */
  String origin(OptionSpec o) {
    return supplied.get(o);
  }
}
