package dev.refrain.bench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads refrain's scan output with Jackson's streaming parser, never holding it whole:
 * {@code report.json} (one object: {@code articles[]}, {@code pairs[]}, {@code stats}, the rest
 * skipped) or {@code report.jsonl} (one object per line with a {@code "type"}: {@code header},
 * {@code article}, {@code pair}, {@code cluster}, {@code template}, {@code stats}; other types
 * skipped). Of a pair it keeps {@code a}, {@code b}, the containments and whether any passage is
 * not boilerplate; of stats every number.
 *
 * <p>Assumptions about the JSONL form, which is not released yet: a pair line carries the fields
 * of a {@code pairs[]} entry at its top level (or, tolerated, under a {@code "pair"} object); a
 * stats line carries its counts at its top level (or under {@code "stats"}); fields may come in
 * any order, {@code type} included.
 */
public final class RefrainReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** One pair of the report. */
  public record Pair(String a, String b, double containmentA, double containmentB, int passages, int countedPassages) {
    /**
     * A pair counted as found: two different articles sharing at least one passage that is not
     * boilerplate (or, when no passages are listed, some containment).
     */
    public boolean counted() {
      if (a == null || b == null || a.equals(b)) {
        return false;
      }
      return passages > 0 ? countedPassages > 0 : Math.max(containmentA, containmentB) > 0;
    }
  }

  /** Receives the pairs in report order. */
  public interface Sink {
    void pair(Pair pair) throws IOException;
  }

  /** What the report held besides the pairs. */
  public record Summary(String format, long articles, long pairs, Map<String, Double> stats) {
    public double stat(String name) {
      Double v = stats.get(name);
      return v == null ? Double.NaN : v;
    }
  }

  private RefrainReport() {}

  /** Reads {@code dir/report.jsonl} when present, else {@code dir/report.json}. */
  public static Summary read(Path dir, Sink sink) throws IOException {
    Path jsonl = dir.resolve("report.jsonl");
    if (Files.isRegularFile(jsonl)) {
      return readJsonl(jsonl, sink);
    }
    return readJson(dir.resolve("report.json"), sink);
  }

  public static Summary readJson(Path file, Sink sink) throws IOException {
    long articles = 0;
    long pairs = 0;
    Map<String, Double> stats = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, file);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "articles" -> {
            expect(p, v, JsonToken.START_ARRAY, file);
            while (p.nextToken() != JsonToken.END_ARRAY) {
              p.skipChildren();
              articles++;
            }
          }
          case "pairs" -> {
            expect(p, v, JsonToken.START_ARRAY, file);
            while (p.nextToken() == JsonToken.START_OBJECT) {
              sink.pair(pair(p));
              pairs++;
            }
          }
          case "stats" -> {
            expect(p, v, JsonToken.START_OBJECT, file);
            numbers(p, stats);
          }
          default -> p.skipChildren();
        }
      }
    }
    return new Summary("json", articles, pairs, stats);
  }

  public static Summary readJsonl(Path file, Sink sink) throws IOException {
    long articles = 0;
    long pairs = 0;
    Map<String, Double> stats = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        expect(p, t, JsonToken.START_OBJECT, file);
        String type = null;
        String a = null;
        String b = null;
        double ca = 0;
        double cb = 0;
        int[] passages = new int[2];
        Pair nested = null;
        Map<String, Double> numbers = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          switch (name) {
            case "type" -> type = p.getValueAsString();
            case "a" -> a = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
            case "b" -> b = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
            case "containmentA" -> ca = p.getValueAsDouble();
            case "containmentB" -> cb = p.getValueAsDouble();
            case "passages" -> {
              if (v == JsonToken.START_ARRAY) {
                passages(p, passages);
              } else {
                p.skipChildren();
              }
            }
            case "pair" -> {
              if (v == JsonToken.START_OBJECT) {
                nested = pair(p);
              } else {
                p.skipChildren();
              }
            }
            case "stats" -> {
              if (v == JsonToken.START_OBJECT) {
                numbers(p, numbers);
              } else {
                p.skipChildren();
              }
            }
            default -> {
              if (v.isNumeric()) {
                numbers.put(name, p.getValueAsDouble());
              } else {
                p.skipChildren();
              }
            }
          }
        }
        if ("pair".equals(type)) {
          sink.pair(nested != null ? nested : new Pair(a, b, ca, cb, passages[0], passages[1]));
          pairs++;
        } else if ("article".equals(type)) {
          articles++;
        } else if ("stats".equals(type)) {
          stats.putAll(numbers);
        }
      }
    }
    return new Summary("jsonl", articles, pairs, stats);
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  /** A pair object, the parser on its START_OBJECT; leaves it on its END_OBJECT. */
  private static Pair pair(JsonParser p) throws IOException {
    String a = null;
    String b = null;
    double ca = 0;
    double cb = 0;
    int[] passages = new int[2];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "a" -> a = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
        case "b" -> b = v == JsonToken.VALUE_STRING ? p.getText() : skip(p);
        case "containmentA" -> ca = p.getValueAsDouble();
        case "containmentB" -> cb = p.getValueAsDouble();
        case "passages" -> {
          if (v == JsonToken.START_ARRAY) {
            passages(p, passages);
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return new Pair(a, b, ca, cb, passages[0], passages[1]);
  }

  /** Counts passages and non-boilerplate ones into {@code out}; the parser on START_ARRAY. */
  private static void passages(JsonParser p, int[] out) throws IOException {
    while (p.nextToken() == JsonToken.START_OBJECT) {
      boolean boilerplate = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if ("boilerplate".equals(name)) {
          boilerplate = v == JsonToken.VALUE_TRUE;
        } else {
          p.skipChildren();
        }
      }
      out[0]++;
      if (!boilerplate) {
        out[1]++;
      }
    }
  }

  private static void numbers(JsonParser p, Map<String, Double> into) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v.isNumeric()) {
        into.put(name, p.getValueAsDouble());
      } else {
        p.skipChildren();
      }
    }
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken want, Path file) throws IOException {
    if (got != want) {
      throw new IOException(file + ": expected " + want + " but found " + got + " at " + p.currentLocation());
    }
  }
}
