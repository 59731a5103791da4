package dev.refrain.index;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.scan.ScanOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that decide what an archive stores: an archive built with one set of them cannot
 * be searched with another (band keys would never match), so it records them and refuses to
 * open with different ones.
 *
 * @param format the archive layout version, {@value #FORMAT}
 * @param normalization the normalization version, e.g. {@code "nfkc-fold-lower/1"}
 * @param shingleSize words per shingle
 * @param window shingles per MinHash window
 * @param bands LSH bands
 * @param rows MinHash values per band
 * @param seed hash seed of shingles and MinHash
 */
public record IndexSettings(
    int format, String normalization, int shingleSize, int window, int bands, int rows, long seed) {

  /** The current archive layout version. */
  public static final int FORMAT = 1;

  public IndexSettings {
    Objects.requireNonNull(normalization, "normalization");
  }

  /** The settings a scan with these options would store. */
  public static IndexSettings of(ScanOptions o) {
    return new IndexSettings(
        FORMAT, TextNormalizer.VERSION, o.shingleSize(), o.window(), o.bands(), o.rows(), o.seed());
  }

  /** As stored in the Lucene commit's user data. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("refrain.format", Integer.toString(format));
    m.put("refrain.normalization", normalization);
    m.put("refrain.shingleSize", Integer.toString(shingleSize));
    m.put("refrain.window", Integer.toString(window));
    m.put("refrain.bands", Integer.toString(bands));
    m.put("refrain.rows", Integer.toString(rows));
    m.put("refrain.seed", Long.toString(seed));
    return m;
  }

  /**
   * Reads settings from commit user data.
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  public static IndexSettings fromMap(Map<String, String> m) {
    try {
      return new IndexSettings(
          Integer.parseInt(required(m, "refrain.format")),
          required(m, "refrain.normalization"),
          Integer.parseInt(required(m, "refrain.shingleSize")),
          Integer.parseInt(required(m, "refrain.window")),
          Integer.parseInt(required(m, "refrain.bands")),
          Integer.parseInt(required(m, "refrain.rows")),
          Long.parseLong(required(m, "refrain.seed")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed setting: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("setting " + key + " is missing");
    }
    return v;
  }

  /** What differs between these (stored) settings and {@code other} (asked), one phrase each. */
  public List<String> differences(IndexSettings other) {
    List<String> out = new ArrayList<>();
    Map<String, String> mine = toMap();
    Map<String, String> theirs = other.toMap();
    for (Map.Entry<String, String> e : mine.entrySet()) {
      String asked = theirs.get(e.getKey());
      if (!e.getValue().equals(asked)) {
        out.add(
            e.getKey().substring("refrain.".length())
                + " is "
                + e.getValue()
                + " in the index, "
                + asked
                + " here");
      }
    }
    return out;
  }

  /** One line for {@code index stats}. */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "format %d, normalization %s, shingle size %d, window %d, bands %d, rows %d, seed %d",
        format, normalization, shingleSize, window, bands, rows, seed);
  }
}
