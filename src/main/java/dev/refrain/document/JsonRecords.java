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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Reads articles from a {@code .json} file (one object or an array of objects) or a {@code .jsonl}
 * file (one object per non-blank line). Immutable and thread-safe.
 *
 * <p>A {@code .json} file is read with Jackson's streaming parser a record at a time: of each
 * object only the fields an article uses ({@code id}, {@code text}, {@code source}, {@code title},
 * {@code published}) are kept, and the rest is parsed and dropped, so a record holds no more memory
 * than those fields' values whatever else it carries. The messages are those of reading each object
 * whole into a tree, as this class did before: the parser is the same one, moved by the same calls,
 * and it checks syntax, nesting depth and number lengths at each token whether the value is kept or
 * not. Only a string longer than the parser's string limit (the record limit, and at least 20
 * million chars) is refused where it is kept and passed over where it is not; within a file that
 * fits the record limit no string can be that long. A {@code .jsonl} line, within the record limit,
 * is read whole into a tree.
 */
final class JsonRecords {

  /** The fields of a record that make an article; all others are dropped as they are read. */
  private static final Set<String> FIELDS = Set.of("id", "text", "source", "title", "published");

  /** Receives the articles and problems of one JSON file, in file order. */
  interface Sink {
    /** An article read from the record at {@code line} (1-based; 0 when not known). */
    void article(Article article, String problemPath, long line);

    /** A problem with the record at {@code line} (1-based; 0 for the whole file). */
    void problem(long line, LoadProblem problem);
  }

  private final ObjectMapper mapper;

  /** Reads one JSON Lines line, refusing anything after the object. */
  private final ObjectReader lineReader;

  private final long maxRecordBytes;

  /** A reader that skips array elements larger than {@code maxRecordBytes}. */
  JsonRecords(long maxRecordBytes) {
    int maxString = (int) Math.min(Integer.MAX_VALUE, Math.max(maxRecordBytes, 20_000_000L));
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxString).build())
            .build();
    this.mapper = new ObjectMapper(factory);
    this.lineReader =
        mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * Reads a {@code .json} file's text from {@code text}; {@code path} is the file's path as
   * reported. An element of an array larger than the record limit is skipped, with its size in
   * bytes; a file holding one object is one record, which the caller keeps within the limit. Says
   * nothing when the text is blank (no token, or a first token that fails and {@code blank} says
   * so): the caller reports the empty file.
   *
   * @param folderSource the source of a record without a {@code source} of its own, or null
   * @throws IOException when {@code text} cannot be read; syntax errors are problems instead
   */
  void readJson(
      ByteOffsetReader text, String path, String folderSource, BooleanSupplier blank, Sink sink)
      throws IOException {
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      JsonToken first;
      try {
        first = p.nextToken();
      } catch (JsonProcessingException e) {
        if (blank.getAsBoolean()) {
          return;
        }
        throw e;
      }
      if (first == null) {
        return;
      }
      if (first == JsonToken.START_OBJECT) {
        int line = lineOf(p);
        JsonNode node = readFields(p);
        record(node, path, path, line, "", folderSource, sink);
      } else if (first == JsonToken.START_ARRAY) {
        long index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
          int line = lineOf(p);
          String problemPath = path + ":" + line;
          String prefix = "element " + index + ": ";
          if (t == JsonToken.START_OBJECT) {
            long start = text.byteOffset(p.currentTokenLocation().getCharOffset());
            JsonNode node = readFields(p);
            long size = text.byteOffset(p.currentLocation().getCharOffset()) - start;
            if (size > maxRecordBytes) {
              sink.problem(
                  line, LoadProblem.skipped(problemPath, prefix + tooLarge(size, maxRecordBytes)));
            } else {
              record(node, path + "#" + index, problemPath, line, prefix, folderSource, sink);
            }
          } else {
            // A scalar is read, not skipped: a string is parsed only when read or passed, and its
            // errors must come before this element's problem, as they did when it was read whole.
            if (t.isScalarValue()) {
              mapper.readTree(p);
            } else {
              skipValue(p);
            }
            sink.problem(line, LoadProblem.skipped(problemPath, prefix + "expected a JSON object"));
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
    }
  }

  /**
   * Reads line {@code lineNo} of a {@code .jsonl} file; {@code path} is the file's path as
   * reported. A blank line is passed over.
   *
   * @param folderSource the source of a record without a {@code source} of its own, or null
   */
  void readJsonLine(String line, long lineNo, String path, String folderSource, Sink sink) {
    if (TextDecoding.isBlank(line)) {
      return;
    }
    String problemPath = path + ":" + lineNo;
    JsonNode node;
    try {
      node = lineReader.readTree(line);
    } catch (JsonProcessingException e) {
      sink.problem(lineNo, LoadProblem.skipped(problemPath, "invalid JSON: " + firstLine(e)));
      return;
    }
    if (node == null || !node.isObject()) {
      sink.problem(lineNo, LoadProblem.skipped(problemPath, "expected a JSON object"));
      return;
    }
    record(node, path + "#" + lineNo, problemPath, lineNo, "", folderSource, sink);
  }

  /** Whether {@code line} is one JSON object and nothing else. */
  boolean isObject(String line) {
    try {
      JsonNode node = lineReader.readTree(line);
      return node != null && node.isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Whether JSON text, after white space, begins with an array; reads up to its first token. */
  static boolean startsWithArray(Reader text) throws IOException {
    int c;
    do {
      c = text.read();
    } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
    return c == '[';
  }

  /** The message for a record or file of {@code size} bytes over {@code limit}. */
  static String tooLarge(long size, long limit) {
    return "too large (" + size + " bytes; limit " + limit + ")";
  }

  /**
   * Reads the object whose {@code START_OBJECT} is {@code p}'s current token, up to its {@code
   * END_OBJECT}, into an object of the {@linkplain #FIELDS article fields} it has. As in a tree of
   * the whole object, a repeated field keeps its last value; a field whose value is an object or an
   * array keeps an empty one of that kind, which is all an article needs to know of it.
   */
  ObjectNode readFields(JsonParser p) throws IOException {
    ObjectNode fields = mapper.getNodeFactory().objectNode();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      if (!FIELDS.contains(name)) {
        skipValue(p);
      } else if (value == JsonToken.START_OBJECT) {
        skipValue(p);
        fields.set(name, mapper.getNodeFactory().objectNode());
      } else if (value == JsonToken.START_ARRAY) {
        skipValue(p);
        fields.set(name, mapper.getNodeFactory().arrayNode());
      } else {
        fields.set(name, mapper.readTree(p));
      }
    }
    return fields;
  }

  /**
   * Parses past the value whose first token is {@code p}'s current token, keeping nothing.
   *
   * <p>It moves the parser as Jackson's tree reader does ({@code nextFieldName} in an object,
   * {@code nextToken} in an array), not as {@code skipChildren} does, because the parser words some
   * syntax errors by the call that meets them: {@code {"a": }} is "expected a valid value (JSON
   * String, ...)" to the one and "expected a value" to the other. Recursion goes no deeper than the
   * parser's nesting limit, 1,000.
   */
  private static void skipValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextFieldName() != null) {
        p.nextToken();
        skipValue(p);
      }
    } else if (t == JsonToken.START_ARRAY) {
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        skipValue(p);
      }
    }
  }

  /** Turns one JSON object into an article, or into a problem when it lacks what it needs. */
  private static void record(
      JsonNode node,
      String articlePath,
      String problemPath,
      long line,
      String prefix,
      String folderSource,
      Sink sink) {
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
    if (source == null) {
      source = folderSource;
    }
    String title = optional(node, "title", problemPath, line, prefix, sink);
    String published = optional(node, "published", problemPath, line, prefix, sink);
    sink.article(new Article(id, articlePath, text, source, title, published), problemPath, line);
  }

  private static String optional(
      JsonNode node, String field, String problemPath, long line, String prefix, Sink sink) {
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
