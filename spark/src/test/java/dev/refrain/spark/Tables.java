package dev.refrain.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The job's Parquet tables read back as JSON rows, and the rows they must hold built from a JSON
 * Lines report ({@code scan}'s), so a test compares them field by field.
 */
final class Tables {
  private Tables() {}

  /** The rows of table {@code name} of a job's output, as JSON, sorted by {@code key}. */
  static List<JsonNode> rows(SparkSession spark, Path output, String name, Function<JsonNode, String> key) {
    List<JsonNode> out = new ArrayList<>();
    for (String row : spark.read().parquet(output.resolve(name).toString()).toJSON().collectAsList()) {
      try {
        out.add(Jsonl.JSON.readTree(row));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.sort(Comparator.comparing(key));
    return out;
  }

  /** The first difference between every table of {@code output} and {@code report}, or null. */
  static String firstDifference(SparkSession spark, Path output, List<JsonNode> report) {
    List<JsonNode> pairs = Jsonl.ofType(report, "pair");
    String d;
    if ((d = compare("pairs", pairRows(pairs), rows(spark, output, "pairs", Tables::rank))) != null
        || (d = compare("passages", passageRows(pairs), rows(spark, output, "passages", Tables::passageKey))) != null
        || (d = compare("clusters", typed(report, "cluster"), rows(spark, output, "clusters", Tables::id))) != null
        || (d = compare("quoteFamilies", typed(report, "quoteFamily"), rows(spark, output, "quoteFamilies", Tables::id))) != null
        || (d = compare("templates", typed(report, "template"), rows(spark, output, "templates", Tables::id))) != null
        || (d = compare("articles", articleRows(report), rows(spark, output, "articles", Tables::id))) != null) {
      return d;
    }
    return null;
  }

  private static String compare(String table, List<JsonNode> expected, List<JsonNode> actual) {
    String d = Jsonl.firstDifference(expected, actual);
    return d == null ? null : "table " + table + ", " + d;
  }

  /** A pairs row per pair line: its rank (its place in the report), figures, passage count. */
  static List<JsonNode> pairRows(List<JsonNode> pairs) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      JsonNode p = pairs.get(i);
      ObjectNode row = Jsonl.JSON.createObjectNode();
      row.put("rank", i);
      for (String f : List.of("a", "b", "containmentA", "containmentB", "jaccard", "longestPassageWords")) {
        row.set(f, p.get(f));
      }
      row.put("passages", p.get("passages").size());
      if (p.has("direction")) {
        row.set("direction", p.get("direction"));
      }
      out.add(row);
    }
    out.sort(Comparator.comparing(Tables::rank));
    return out;
  }

  /** A passages row per passage of the pair lines, with its diff. */
  static List<JsonNode> passageRows(List<JsonNode> pairs) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : pairs) {
      for (int i = 0; i < p.get("passages").size(); i++) {
        JsonNode x = p.get("passages").get(i);
        ObjectNode row = Jsonl.JSON.createObjectNode();
        row.set("a", p.get("a"));
        row.set("b", p.get("b"));
        row.put("passage", i);
        for (String side : List.of("a", "b")) {
          row.set(side + "Start", x.get(side).get("start"));
          row.set(side + "End", x.get(side).get("end"));
          row.set(side + "Text", x.get(side).get("text"));
        }
        for (String f : List.of("similarity", "kind", "wordsA", "wordsB", "cluster", "kinds", "diff")) {
          if (x.has(f)) {
            row.set(f, x.get(f));
          }
        }
        out.add(row);
      }
    }
    out.sort(Comparator.comparing(Tables::passageKey));
    return out;
  }

  /**
   * An articles row per article line: its fields, its internal repeats' passages without the
   * contract's constant {@code boilerplate}.
   */
  static List<JsonNode> articleRows(List<JsonNode> report) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode a : typed(report, "article")) {
      out.add(Jsonl.without(a, "boilerplate"));
    }
    return out;
  }

  /** The lines of {@code type} without their {@code type} field, sorted by id. */
  static List<JsonNode> typed(List<JsonNode> report, String type) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode l : Jsonl.ofType(report, type)) {
      out.add(Jsonl.without(l, "type"));
    }
    out.sort(Comparator.comparing(Tables::id));
    return out;
  }

  private static String rank(JsonNode row) {
    return String.format("%012d", row.get("rank").asLong());
  }

  private static String passageKey(JsonNode row) {
    return row.get("a").asText() + "\u0000" + row.get("b").asText() + "\u0000"
        + String.format("%06d", row.get("passage").asInt());
  }

  private static String id(JsonNode row) {
    return row.get("id").asText();
  }
}
