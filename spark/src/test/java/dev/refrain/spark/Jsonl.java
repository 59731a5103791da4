package dev.refrain.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * JSON Lines reports read back and compared line by line and field by field, so that a test
 * names the first field where two reports differ (line, entry, field path, both values).
 */
final class Jsonl {
  private Jsonl() {}

  static final ObjectMapper JSON = new ObjectMapper();

  /** The lines of a report, parsed. */
  static List<JsonNode> read(Path report) {
    try {
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(report)) {
        out.add(JSON.readTree(line));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of {@code type} ({@code pair}, {@code cluster}, ...). */
  static List<JsonNode> ofType(List<JsonNode> lines, String type) {
    return lines.stream().filter(l -> l.path("type").asText().equals(type)).toList();
  }

  /** The lines {@code keep} holds. */
  static List<JsonNode> where(List<JsonNode> lines, Predicate<JsonNode> keep) {
    return lines.stream().filter(keep).toList();
  }

  /**
   * The first difference between two lists of report lines, as one sentence ("line 12 (pair a,
   * b): passages[1].a.start: expected 10, was 12"), or null when they are the same.
   */
  static String firstDifference(List<JsonNode> expected, List<JsonNode> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      String d = difference("", expected.get(i), actual.get(i));
      if (d != null) {
        return "line " + (i + 1) + " (" + describe(expected.get(i)) + "): " + d;
      }
    }
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " lines, was " + actual.size() + "; first extra: "
          + (expected.size() > actual.size()
              ? "missing " + describe(expected.get(actual.size()))
              : "unexpected " + describe(actual.get(expected.size())));
    }
    return null;
  }

  /** The path and values of the first difference inside two JSON values, or null. */
  static String difference(String at, JsonNode x, JsonNode y) {
    if (x.isObject() && y.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fx = x.fields();
      List<String> names = new ArrayList<>();
      while (fx.hasNext()) {
        Map.Entry<String, JsonNode> f = fx.next();
        names.add(f.getKey());
        JsonNode other = y.get(f.getKey());
        if (other == null) {
          return join(at, f.getKey()) + ": missing";
        }
        String d = difference(join(at, f.getKey()), f.getValue(), other);
        if (d != null) {
          return d;
        }
      }
      Iterator<String> fy = y.fieldNames();
      while (fy.hasNext()) {
        String name = fy.next();
        if (!names.contains(name)) {
          return join(at, name) + ": unexpected field";
        }
      }
      return null;
    }
    if (x.isArray() && y.isArray()) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        String d = difference(at + "[" + i + "]", x.get(i), y.get(i));
        if (d != null) {
          return d;
        }
      }
      return x.size() == y.size()
          ? null
          : at + ": expected " + x.size() + " entries, was " + y.size();
    }
    // Numbers compared as numbers (1.0 and 1 alike), everything else by value.
    boolean same = x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue()) == 0 : x.equals(y);
    return same ? null : at + ": expected " + x + ", was " + y;
  }

  /** A copy of {@code line} without the fields named, at any depth. */
  static JsonNode without(JsonNode line, String... fields) {
    JsonNode copy = line.deepCopy();
    strip(copy, List.of(fields));
    return copy;
  }

  private static void strip(JsonNode node, List<String> fields) {
    if (node.isObject()) {
      ((ObjectNode) node).remove(fields);
    }
    node.forEach(child -> strip(child, fields));
  }

  private static String describe(JsonNode line) {
    String type = line.path("type").asText();
    return switch (type) {
      case "pair" -> "pair " + line.path("a").asText() + ", " + line.path("b").asText();
      case "article", "cluster", "template" -> type + " " + line.path("id").asText();
      default -> type;
    };
  }

  private static String join(String at, String name) {
    return at.isEmpty() ? name : at + "." + name;
  }
}
