package dev.refrain.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Reads articles from the text of a {@code .json} file (one object or an array of objects) or a
 * {@code .jsonl} file (one object per non-blank line). Immutable and thread-safe.
 */
final class JsonRecords {

  /** Receives the articles and problems of one JSON file, in file order. */
  interface Sink {
    /** An article read from the record at {@code line} (1-based; 0 when not known). */
    void article(Article article, String problemPath, int line);

    /** A problem with the record at {@code line} (1-based; 0 for the whole file). */
    void problem(int line, LoadProblem problem);
  }

  private final ObjectMapper mapper;

  /** Reads one JSON Lines line, refusing anything after the object. */
  private final ObjectReader lineReader;

  JsonRecords(long maxFileBytes) {
    int maxString = (int) Math.min(Integer.MAX_VALUE, Math.max(maxFileBytes, 20_000_000L));
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxString).build())
            .build();
    this.mapper = new ObjectMapper(factory);
    this.lineReader =
        mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Reads a {@code .json} file's text; {@code path} is the file's path as reported. */
  void readJson(String text, String path, Sink sink) {
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        int line = lineOf(p);
        JsonNode node = mapper.readTree(p);
        record(node, path, path, line, "", sink);
      } else if (first == JsonToken.START_ARRAY) {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
          int line = lineOf(p);
          String problemPath = path + ":" + line;
          JsonNode node = mapper.readTree(p);
          if (node.isObject()) {
            record(node, path + "#" + index, problemPath, line, "element " + index + ": ", sink);
          } else {
            sink.problem(
                line,
                LoadProblem.skipped(problemPath, "element " + index + ": expected a JSON object"));
          }
          index++;
        }
        if (index == 0) {
          sink.problem(0, LoadProblem.skipped(path, "empty JSON array: no articles"));
        }
      } else {
        sink.problem(
            0, LoadProblem.skipped(path, "expected a JSON object or an array of JSON objects"));
        return;
      }
      if (p.nextToken() != null) {
        int line = lineOf(p);
        sink.problem(
            line,
            LoadProblem.skipped(
                path + ":" + line,
                "unexpected content after the JSON value (one object per line needs .jsonl)"));
      }
    } catch (JsonProcessingException e) {
      int line = lineOf(e.getLocation());
      String at = line > 0 ? path + ":" + line : path;
      sink.problem(line, LoadProblem.skipped(at, "invalid JSON: " + firstLine(e)));
    } catch (IOException e) {
      // Reading from a String: only parse errors are expected.
      sink.problem(0, LoadProblem.skipped(path, "invalid JSON: " + e.getMessage()));
    }
  }

  /** Reads a {@code .jsonl} file's text; {@code path} is the file's path as reported. */
  void readJsonLines(String text, String path, Sink sink) {
    int lineNo = 0;
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? n : nl;
      String line = text.substring(pos, end);
      pos = nl < 0 ? n : nl + 1;
      lineNo++;
      if (TextDecoding.isBlank(line)) {
        continue;
      }
      String problemPath = path + ":" + lineNo;
      JsonNode node;
      try {
        node = lineReader.readTree(line);
      } catch (JsonProcessingException e) {
        sink.problem(lineNo, LoadProblem.skipped(problemPath, "invalid JSON: " + firstLine(e)));
        continue;
      }
      if (node == null || !node.isObject()) {
        sink.problem(lineNo, LoadProblem.skipped(problemPath, "expected a JSON object"));
        continue;
      }
      record(node, path + "#" + lineNo, problemPath, lineNo, "", sink);
    }
  }

  /** Turns one JSON object into an article, or into a problem when it lacks what it needs. */
  private static void record(
      JsonNode node, String articlePath, String problemPath, int line, String prefix, Sink sink) {
    JsonNode idNode = node.get("id");
    String id;
    if (idNode == null || idNode.isNull()) {
      sink.problem(line, LoadProblem.skipped(problemPath, prefix + "missing field \"id\""));
      return;
    } else if (idNode.isTextual()) {
      id = idNode.textValue();
    } else if (idNode.isIntegralNumber()) {
      id = idNode.bigIntegerValue().toString();
    } else if (idNode.isNumber() && !Double.isFinite(idNode.doubleValue())) {
      // Such as 1e999: read as a double it is infinite, and has no decimal digits to give.
      sink.problem(
          line,
          LoadProblem.skipped(
              problemPath, prefix + "field \"id\" is a number too large to read; quote it"));
      return;
    } else if (idNode.isNumber()) {
      id = idNode.decimalValue().toPlainString();
    } else {
      sink.problem(
          line,
          LoadProblem.skipped(problemPath, prefix + "field \"id\" must be a string or a number"));
      return;
    }
    if (id.isBlank()) {
      sink.problem(line, LoadProblem.skipped(problemPath, prefix + "field \"id\" is blank"));
      return;
    }
    JsonNode textNode = node.get("text");
    if (textNode == null || textNode.isNull()) {
      sink.problem(line, LoadProblem.skipped(problemPath, prefix + "missing field \"text\""));
      return;
    }
    if (!textNode.isTextual()) {
      sink.problem(
          line, LoadProblem.skipped(problemPath, prefix + "field \"text\" must be a string"));
      return;
    }
    String text = textNode.textValue();
    if (TextDecoding.isBlank(text)) {
      sink.problem(line, LoadProblem.skipped(problemPath, prefix + "empty article"));
      return;
    }
    if (TextDecoding.looksBinary(text)) {
      sink.problem(line, LoadProblem.skipped(problemPath, prefix + "binary text"));
      return;
    }
    String source = optional(node, "source", problemPath, line, prefix, sink);
    String title = optional(node, "title", problemPath, line, prefix, sink);
    String published = optional(node, "published", problemPath, line, prefix, sink);
    sink.article(new Article(id, articlePath, text, source, title, published), problemPath, line);
  }

  private static String optional(
      JsonNode node, String field, String problemPath, int line, String prefix, Sink sink) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String s;
    if (value.isTextual()) {
      s = value.textValue();
    } else if (value.isNumber()) {
      s = value.asText();
    } else {
      sink.problem(
          line,
          LoadProblem.warning(
              problemPath, prefix + "field \"" + field + "\" is not a string; ignored"));
      return null;
    }
    s = s.strip();
    return s.isEmpty() ? null : s;
  }

  private static int lineOf(JsonParser p) {
    return lineOf(p.currentTokenLocation());
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static String firstLine(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
