package dev.refrain.index;

import dev.refrain.kernel.DetectorOptions;
import dev.refrain.normalize.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that decide what an archive stores: an archive built with one set of them cannot
 * be searched with another (fingerprints would never match, templates would be learned by
 * another rule), so it records them and refuses to open with different ones.
 *
 * @param format the archive layout version, {@value #FORMAT}
 * @param normalization the normalization version, e.g. {@code "nfkc-fold-lower/2"}
 * @param shingleSize words per shingle
 * @param window shingles per winnowing window
 * @param templateMinArticles articles of one source that must carry text at their edges for it
 *     to be a template
 * @param maxBucket most archived articles a fingerprint may be held by and still propose
 *     candidates (and the corpus-wide template threshold)
 * @param seed hash seed of words and shingles
 */
public record IndexSettings(
    int format,
    String normalization,
    int shingleSize,
    int window,
    int templateMinArticles,
    int maxBucket,
    long seed) {

  /**
   * The current archive layout version: 3 indexes each article's winnowing fingerprints as
   * one-dimensional long points (2 indexed them as 8-byte terms, 1 stored LSH band keys).
   */
  public static final int FORMAT = 3;

  public IndexSettings {
    Objects.requireNonNull(normalization, "normalization");
  }

  /** The settings an archive built with these detection options stores. */
  public static IndexSettings of(DetectorOptions o) {
    return new IndexSettings(
        FORMAT, TextNormalizer.VERSION, o.shingleSize(), o.window(), o.templateMinArticles(),
        o.maxBucket(), o.seed());
  }

  /** Detection options with these settings, and defaults for what an archive does not fix. */
  public DetectorOptions detectorOptions(int threads) {
    DetectorOptions d = DetectorOptions.defaults();
    return new DetectorOptions(
        shingleSize, window, d.minWords(), d.maxGap(), d.minSimilarity(), templateMinArticles,
        maxBucket, threads, seed);
  }

  /** As stored in the Lucene commit's user data. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("refrain.format", Integer.toString(format));
    m.put("refrain.normalization", normalization);
    m.put("refrain.shingleSize", Integer.toString(shingleSize));
    m.put("refrain.window", Integer.toString(window));
    m.put("refrain.templateMinArticles", Integer.toString(templateMinArticles));
    m.put("refrain.maxBucket", Integer.toString(maxBucket));
    m.put("refrain.seed", Long.toString(seed));
    return m;
  }

  /**
   * Reads settings from commit user data.
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   * @throws OtherFormatException if the archive was built with another layout version
   */
  public static IndexSettings fromMap(Map<String, String> m) {
    try {
      int format = Integer.parseInt(required(m, "refrain.format"));
      if (format != FORMAT) {
        throw new OtherFormatException(format);
      }
      return new IndexSettings(
          format,
          required(m, "refrain.normalization"),
          Integer.parseInt(required(m, "refrain.shingleSize")),
          Integer.parseInt(required(m, "refrain.window")),
          Integer.parseInt(required(m, "refrain.templateMinArticles")),
          Integer.parseInt(required(m, "refrain.maxBucket")),
          Long.parseLong(required(m, "refrain.seed")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed setting: " + e.getMessage(), e);
    }
  }

  /** An archive of another layout version than {@link #FORMAT}. */
  public static final class OtherFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int format;

    OtherFormatException(int format) {
      super("index format " + format + ", this refrain reads format " + FORMAT);
      this.format = format;
    }

    public int format() {
      return format;
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
        "format %d, normalization %s, shingle size %d, window %d, template min articles %d,"
            + " max bucket %d, seed %d",
        format, normalization, shingleSize, window, templateMinArticles, maxBucket, seed);
  }
}
