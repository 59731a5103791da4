package dev.refrain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;

/** The JSON setup every JSON output shares: one mapper, two-space indentation, {@code \n}. */
final class JsonOutput {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();

  private JsonOutput() {}

  private static DefaultPrettyPrinter printer() {
    return new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  }

  /** Writes {@code root} pretty-printed, then a newline, and flushes (the writer stays open). */
  static void write(JsonNode root, Writer out) throws IOException {
    MAPPER.writer(printer()).writeValue(out, root);
    out.write('\n');
    out.flush();
  }

  /** A streaming generator printing as {@link #write} does; closing it leaves {@code out} open. */
  static JsonGenerator prettyGenerator(Writer out) throws IOException {
    JsonGenerator g = MAPPER.getFactory().createGenerator(out);
    g.setPrettyPrinter(printer());
    return g;
  }
}
