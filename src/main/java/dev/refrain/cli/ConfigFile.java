package dev.refrain.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config file: the settings a CI pipeline pins, as JSON. Its keys are the long option names
 * without {@code --} ({@code "min-words": 10}); a key at the top level applies to every command
 * that has that option, a key inside a command's object ({@code "check": {"max-containment":
 * 0.2}}, {@code "index add": {...}}) to that command only and wins over the top level. Options
 * given on the command line win over both. Found as {@value #NAME} or {@value #HIDDEN_NAME} in
 * the working directory or the nearest folder above it that holds one, or given with {@code
 * --config FILE}. Immutable.
 *
 * @param file the file, absolute
 * @param global the top-level settings, by key
 * @param sections each command's own settings, by the command's name under {@code refrain}
 *     ({@code "scan"}, {@code "index add"}), then by key
 */
record ConfigFile(Path file, Map<String, JsonNode> global, Map<String, Map<String, JsonNode>> sections) {
  static final String NAME = "refrain.json";
  static final String HIDDEN_NAME = ".refrain.json";

  /** A config file that cannot be used: its one line names the file, and the key if one. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /**
   * The nearest config file at or above {@code folder}, or null when none: {@value #NAME} first,
   * then {@value #HIDDEN_NAME}, in each folder.
   */
  static Path find(Path folder) {
    for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      for (String name : List.of(NAME, HIDDEN_NAME)) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * Reads {@code file}, a JSON object.
   *
   * @throws Invalid when it is missing, unreadable or not such an object, naming it and why
   */
  static ConfigFile read(Path file) throws Invalid {
    Path absolute = file.toAbsolutePath().normalize();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(absolute, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage().lines().findFirst().orElse("");
      int detail = why.indexOf(" (start marker");
      throw new Invalid(file + ": not valid JSON: " + (detail < 0 ? why : why.substring(0, detail))
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new Invalid(file + ": no such config file");
    } catch (IOException e) {
      throw new Invalid(file + ": cannot read the config file: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new Invalid(file + ": a config file holds one JSON object of settings");
    }
    Map<String, JsonNode> global = new LinkedHashMap<>();
    Map<String, Map<String, JsonNode>> sections = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getValue().isObject()) {
        Map<String, JsonNode> section = new LinkedHashMap<>();
        e.getValue().properties().forEach(s -> section.put(key(s.getKey()), s.getValue()));
        sections.put(e.getKey(), section);
      } else {
        global.put(key(e.getKey()), e.getValue());
      }
    }
    return new ConfigFile(absolute, global, sections);
  }

  /** {@code --min-words} and {@code min-words} are one key. */
  private static String key(String name) {
    return name.startsWith("--") ? name.substring(2) : name;
  }

  /** The value of {@code key} for {@code command} ({@code "scan"}), or null when not set. */
  JsonNode value(String command, String key) {
    Map<String, JsonNode> section = sections.get(command);
    if (section != null && section.containsKey(key)) {
      return section.get(key);
    }
    return global.get(key);
  }

  /** Where {@code key} of {@code command} is set: {@code "refrain.json: check.max-containment"}. */
  String origin(String command, String key) {
    Map<String, JsonNode> section = sections.get(command);
    boolean own = section != null && section.containsKey(key);
    return file + ": " + (own ? "\"" + command + "\"." : "") + "\"" + key + "\"";
  }
}
