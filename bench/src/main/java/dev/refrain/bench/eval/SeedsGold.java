package dev.refrain.bench.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The gold passages of the seed articles, from {@code /eval/seeds-gold.json}: which two articles
 * share what, located by a substring that occurs exactly once in each.
 *
 * @param passages the gold passages, in file order
 */
public record SeedsGold(List<Passage> passages) {

  /** The classpath resource holding the gold file. */
  public static final String RESOURCE = "/eval/seeds-gold.json";

  /** How a shared passage was reused. */
  public enum Kind {
    /** Near-verbatim: the same words but for punctuation, case, quotes and a word in eight. */
    VERBATIM,
    /** Reworded: the same sentence, quote or report with words changed, dropped or added. */
    VARIANT,
    /** Site furniture repeated in every article of one outlet. */
    BOILERPLATE;

    /** Lower case name, as in the file. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One gold passage.
   *
   * @param id a name, unique together with the article pair
   * @param a the first article's id (the smaller)
   * @param b the second article's id
   * @param inA a substring occurring exactly once in a's text; the passage's span in a
   * @param inB likewise in b
   * @param optional borderline sharing: matching it is neither a hit nor a false alarm, and it
   *     is not counted in recall
   * @param note why it is gold, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Passage(
      @JsonProperty("id") String id,
      @JsonProperty("a") String a,
      @JsonProperty("b") String b,
      @JsonProperty("inA") String inA,
      @JsonProperty("inB") String inB,
      @JsonProperty("kind") String kind,
      @JsonProperty("optional") boolean optional,
      @JsonProperty("note") String note) {
    public Passage {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
      Objects.requireNonNull(inA, "inA");
      Objects.requireNonNull(inB, "inB");
      Objects.requireNonNull(kind, "kind");
      if (a.compareTo(b) > 0) {
        throw new IllegalArgumentException("gold passage " + id + ": a must not sort after b");
      }
      kindOf(kind);
    }

    /** The kind as an enum. */
    public Kind kindValue() {
      return kindOf(kind);
    }

    private static Kind kindOf(String kind) {
      try {
        return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown gold passage kind \"" + kind + "\"; expected verbatim, variant or boilerplate");
      }
    }
  }

  /**
   * A gold passage located in its articles.
   *
   * @param aStart start of the passage in a's text; {@code aEnd} its end, exclusive
   */
  public record Located(Passage gold, int aStart, int aEnd, int bStart, int bEnd) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record File(@JsonProperty("passages") List<Passage> passages) {}

  public SeedsGold {
    passages = List.copyOf(passages);
  }

  /** Reads the gold file from the classpath. */
  public static SeedsGold load() {
    try (InputStream in = SeedsGold.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("gold file " + RESOURCE + " is not on the classpath");
      }
      return new SeedsGold(new ObjectMapper().readValue(in, File.class).passages());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Locates every passage in the articles' texts (by id); throws when an article is missing or a
   * substring does not occur exactly once.
   */
  public List<Located> locate(Map<String, String> texts) {
    List<Located> out = new ArrayList<>();
    for (Passage p : passages) {
      int[] a = find(texts, p.a(), p.inA(), p.id());
      int[] b = find(texts, p.b(), p.inB(), p.id());
      if (p.a().equals(p.b()) && a[0] < b[1] && b[0] < a[1]) {
        throw new IllegalArgumentException(
            "gold passage " + p.id() + ": the two sides of a repeat must not overlap");
      }
      out.add(new Located(p, a[0], a[1], b[0], b[1]));
    }
    return out;
  }

  private static int[] find(Map<String, String> texts, String article, String s, String id) {
    String text = texts.get(article);
    if (text == null) {
      throw new IllegalArgumentException("gold passage " + id + ": no article " + article);
    }
    int at = text.indexOf(s);
    if (at < 0 || text.indexOf(s, at + 1) >= 0) {
      throw new IllegalArgumentException(
          "gold passage " + id + ": its substring must occur exactly once in " + article
              + (at < 0 ? " (not found)" : " (found more than once)"));
    }
    return new int[] {at, at + s.length()};
  }
}
