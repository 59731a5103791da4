package dev.refrain.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Overlaps accepted once and no longer failing a check: licensed wire copy, a quote everyone
 * carries.
 *
 * <p>A JSON file {@code {"version": 1, "accepted": [{"article": ID?, "archived": ID?, "text":
 * TEXT}, ...]}}. An entry accepts a passage when its {@code article} (the checked article's id)
 * and {@code archived} (the archived article's id) match where given, and its text and the
 * passage's archived side share at least 80% of the shorter one's words (normalized, in order): so
 * an entry written for a quote still holds when a later article quotes a little more or less.
 * {@code refrain check --write-baseline FILE} writes one entry per counted passage.
 */
public final class Baseline {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final double MIN_SHARED = 0.8;

  /** One accepted overlap; null ids match any article. */
  public record Entry(String article, String archived, String text) {}

  private final List<Entry> entries;
  /** Each entry's normalized words, as hashes with the default seed (what scans and indexes use). */
  private final List<long[]> words;

  public Baseline(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    TextNormalizer normalizer = new TextNormalizer();
    this.words = new ArrayList<>();
    for (Entry e : this.entries) {
      Tokens t = normalizer.tokenize(e.text());
      words.add(t.hashes());
    }
  }

  /** A baseline accepting nothing. */
  public static Baseline empty() {
    return new Baseline(List.of());
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Reads a baseline file.
   *
   * @throws IOException if it cannot be read or is not a baseline (the message names the file
   *     and the problem)
   */
  public static Baseline read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
              + e.getOriginalMessage(), e);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IOException(file + ": not valid UTF-8", e);
    }
    JsonNode accepted = root == null ? null : root.get("accepted");
    if (accepted == null || !accepted.isArray()) {
      throw new IOException(file + ": a baseline needs an \"accepted\" array");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < accepted.size(); i++) {
      JsonNode n = accepted.get(i);
      JsonNode text = n.get("text");
      if (text == null || !text.isTextual() || text.asText().isBlank()) {
        throw new IOException(file + ": accepted[" + i + "] needs a non-empty \"text\"");
      }
      entries.add(new Entry(optional(n, "article"), optional(n, "archived"), text.asText()));
    }
    return new Baseline(entries);
  }

  private static String optional(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Writes entries as a baseline file, sorted, atomically replacing {@code file}. */
  public static void write(Path file, List<Entry> entries) throws IOException {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparing(Entry::article, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Entry::archived, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Entry::text));
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ArrayNode accepted = root.putArray("accepted");
    for (Entry e : sorted.stream().distinct().toList()) {
      ObjectNode n = accepted.addObject();
      if (e.article() != null) {
        n.put("article", e.article());
      }
      if (e.archived() != null) {
        n.put("archived", e.archived());
      }
      n.put("text", e.text());
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".refrain-baseline-", ".tmp");
    try {
      Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Whether an entry accepts a passage between checked article {@code article} and archived
   * article {@code archived}, whose archived side is words {@code from..to} of {@code tokens}.
   */
  public boolean accepts(String article, String archived, Tokens tokens, int from, int to) {
    if (entries.isEmpty()) {
      return false;
    }
    long[] passage = tokens.hashes(from, to);
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if ((e.article() != null && !e.article().equals(article))
          || (e.archived() != null && !e.archived().equals(archived))) {
        continue;
      }
      long[] accepted = words.get(i);
      int shorter = Math.min(accepted.length, passage.length);
      if (shorter > 0 && lcs(accepted, passage) >= MIN_SHARED * shorter) {
        return true;
      }
    }
    return false;
  }

  private static int lcs(long[] a, long[] b) {
    int[] row = new int[b.length + 1];
    for (long x : a) {
      int diagonal = 0;
      for (int j = 1; j <= b.length; j++) {
        int above = row[j];
        row[j] = x == b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
        diagonal = above;
      }
    }
    return row[b.length];
  }

  @Override
  public String toString() {
    return "Baseline" + Arrays.toString(entries.toArray());
  }
}
