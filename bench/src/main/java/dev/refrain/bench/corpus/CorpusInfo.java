package dev.refrain.bench.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code corpus.json}: the settings and summary of a generated corpus, written last. */
public final class CorpusInfo {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CorpusInfo() {}

  static void write(Path file, CorpusGenerator.Settings settings, CorpusGenerator.Summary summary) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("generatorVersion", CorpusGenerator.VERSION);
    root.set("settings", JSON.valueToTree(settings));
    root.set("summary", JSON.valueToTree(summary));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, JSON.writeValueAsString(root) + "\n");
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The summary of the corpus in {@code dir} if it is complete and made with these settings, else null. */
  public static CorpusGenerator.Summary cached(Path dir, CorpusGenerator.Settings settings) throws IOException {
    Path file = dir.resolve("corpus.json");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    JsonNode root = JSON.readTree(file.toFile());
    if (root.path("generatorVersion").asInt() != CorpusGenerator.VERSION) {
      return null;
    }
    CorpusGenerator.Settings s = JSON.treeToValue(root.get("settings"), CorpusGenerator.Settings.class);
    if (!s.equals(settings)) {
      return null;
    }
    return JSON.treeToValue(root.get("summary"), CorpusGenerator.Summary.class);
  }
}
