package dev.refrain.template;

import com.carrotsearch.hppc.LongHashSet;
import dev.refrain.normalize.Hash64;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The templates of a set of articles, and the lookups detection makes of them: whether a
 * shingle of an article of some source is template text.
 *
 * <p>Template text is masked before alignment (an article's words inside template shingles align
 * with nothing) and proposes no candidate pairs, so it never makes a pair; each template is
 * reported once. Immutable and thread-safe; serializable, and written to an archive by {@link
 * #write} so that a check masks exactly what a scan of the same articles masks.
 */
public final class Templates implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long SOURCE_SEED = 0x7e3a_11f0_5eed_0001L;
  private static final int FORMAT = 1;

  /** No templates. */
  public static final Templates NONE = new Templates(List.of());

  private final List<Template> templates;
  private transient LongHashSet corpusWide;
  private transient LongHashSet bySource;
  private transient LongHashSet anywhere;

  public Templates(List<Template> templates) {
    this.templates = List.copyOf(templates);
    index();
  }

  private void index() {
    corpusWide = new LongHashSet();
    bySource = new LongHashSet();
    anywhere = new LongHashSet();
    for (Template t : templates) {
      for (long h : t.shingles()) {
        anywhere.add(h);
        if (t.corpusWide()) {
          corpusWide.add(h);
        } else {
          for (long s : t.scope()) {
            bySource.add(scoped(h, s));
          }
        }
      }
    }
  }

  private void readObject(java.io.ObjectInputStream in)
      throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    index();
  }

  /** The templates, most carried first. */
  public List<Template> list() {
    return templates;
  }

  public boolean isEmpty() {
    return templates.isEmpty();
  }

  /** The key of a source name: 0 for none, otherwise a nonzero 64-bit hash of the name. */
  public static long sourceKey(String source) {
    return source == null ? 0 : Hash64.mix(Hash64.hash(source, SOURCE_SEED)) | 1;
  }

  /** The key of shingle {@code hash} in source {@code sourceKey}. */
  static long scoped(long hash, long sourceKey) {
    return Hash64.mix(hash ^ Hash64.mix(sourceKey + 0x9E3779B97F4A7C15L));
  }

  /**
   * Whether shingle {@code hash} is template text in an article of source {@code sourceKey}. One
   * set look-up for a shingle that is template text nowhere, the usual case.
   */
  public boolean isTemplate(long sourceKey, long hash) {
    return !templates.isEmpty()
        && anywhere.contains(hash)
        && (corpusWide.contains(hash) || bySource.contains(scoped(hash, sourceKey)));
  }

  /** Whether shingle {@code hash} is template text in some source (or all). */
  public boolean isTemplateAnywhere(long hash) {
    return !templates.isEmpty() && anywhere.contains(hash);
  }

  /**
   * The template words of an article: each run of consecutive template shingles that holds a
   * template fingerprint of the article, as sorted, non-overlapping word ranges {@code [from0,
   * to0, from1, to1, ...]}; empty when it has none. Template text is found from the fingerprints
   * (a template of at least a window of shingles always holds one), so an article with none
   * costs a look-up per fingerprint, not per shingle, and a template shingle standing alone in a
   * story (a stock phrase a footer also has) is not masked.
   *
   * @param fingerprints positions of the article's fingerprints, ascending
   * @param shingleSize words per shingle ({@code shingles[p]} covers words {@code p} to {@code p
   *     + shingleSize - 1})
   */
  public int[] mask(long sourceKey, long[] shingles, int[] fingerprints, int shingleSize) {
    if (templates.isEmpty()) {
      return EMPTY_MASK;
    }
    int[] ranges = EMPTY_MASK;
    int count = 0;
    int reached = 0; // shingles before this are in a run already found
    for (int p : fingerprints) {
      if (p < reached || !isTemplate(sourceKey, shingles[p])) {
        continue;
      }
      int first = p;
      while (first > reached && isTemplate(sourceKey, shingles[first - 1])) {
        first--;
      }
      int last = p;
      while (last + 1 < shingles.length && isTemplate(sourceKey, shingles[last + 1])) {
        last++;
      }
      reached = last + 1;
      int from = first;
      int to = last + shingleSize;
      if (count > 0 && ranges[count - 1] >= from) {
        ranges[count - 1] = Math.max(ranges[count - 1], to);
      } else {
        if (count + 2 > ranges.length) {
          ranges = Arrays.copyOf(ranges, Math.max(8, ranges.length * 2));
        }
        ranges[count++] = from;
        ranges[count++] = to;
      }
    }
    return count == 0 ? EMPTY_MASK : Arrays.copyOf(ranges, count);
  }

  /** A mask with no template words. */
  public static final int[] EMPTY_MASK = new int[0];

  /** Words inside a mask's ranges. */
  public static int maskedWords(int[] mask) {
    int n = 0;
    for (int i = 0; i < mask.length; i += 2) {
      n += mask[i + 1] - mask[i];
    }
    return n;
  }

  /** Answers {@link #isTemplate} for shingle keys: hashes with only some of their bits kept. */
  public interface KeyMatcher {
    /** Whether shingle key {@code key} is template text in some source (or all). */
    boolean anywhere(long key);

    /** Whether shingle key {@code key} is template text in source {@code sourceKey}. */
    boolean isTemplate(long sourceKey, long key);
  }

  /**
   * A matcher of template shingles by key, for a table that keeps {@code key.applyAsLong(hash)}
   * of each hash (the fingerprint table keeps its high bits).
   */
  public KeyMatcher byKey(java.util.function.LongUnaryOperator key) {
    if (templates.isEmpty()) {
      return new KeyMatcher() {
        @Override
        public boolean anywhere(long key) {
          return false;
        }

        @Override
        public boolean isTemplate(long sourceKey, long key) {
          return false;
        }
      };
    }
    LongHashSet wide = new LongHashSet();
    LongHashSet scoped = new LongHashSet();
    LongHashSet any = new LongHashSet();
    for (Template t : templates) {
      for (long h : t.shingles()) {
        long k = key.applyAsLong(h);
        any.add(k);
        if (t.corpusWide()) {
          wide.add(k);
        } else {
          for (long s : t.scope()) {
            scoped.add(scoped(k, s));
          }
        }
      }
    }
    return new KeyMatcher() {
      @Override
      public boolean anywhere(long k) {
        return any.contains(k);
      }

      @Override
      public boolean isTemplate(long s, long k) {
        return any.contains(k) && (wide.contains(k) || scoped.contains(scoped(k, s)));
      }
    };
  }

  /** Writes the templates in a binary form {@link #read} reads back. */
  public void write(DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(templates.size());
    for (Template t : templates) {
      out.writeUTF(t.text().length() > 16_000 ? t.text().substring(0, 16_000) : t.text());
      out.writeInt(t.words());
      writeStrings(out, t.sources());
      out.writeInt(t.articles());
      writeStrings(out, t.examples());
      out.writeBoolean(t.corpusWide());
      writeLongs(out, t.scope());
      writeLongs(out, t.shingles());
    }
  }

  /**
   * Reads templates written by {@link #write}.
   *
   * @throws IOException when the data is not templates of this format
   */
  public static Templates read(DataInput in) throws IOException {
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("templates of format " + format + ", expected " + FORMAT);
    }
    int n = count(in.readInt());
    List<Template> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = in.readUTF();
      int words = in.readInt();
      List<String> sources = readStrings(in);
      int articles = in.readInt();
      List<String> examples = readStrings(in);
      boolean corpusWide = in.readBoolean();
      long[] scope = readLongs(in);
      long[] shingles = readLongs(in);
      list.add(new Template(text, words, sources, articles, examples, corpusWide, scope, shingles));
    }
    return new Templates(list);
  }

  private static int count(int n) throws IOException {
    if (n < 0 || n > 50_000_000) {
      throw new IOException("bad count " + n + " in templates");
    }
    return n;
  }

  private static void writeStrings(DataOutput out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      out.writeUTF(s.length() > 16_000 ? s.substring(0, 16_000) : s);
    }
  }

  private static List<String> readStrings(DataInput in) throws IOException {
    int n = count(in.readInt());
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }

  private static void writeLongs(DataOutput out, long[] values) throws IOException {
    out.writeInt(values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static long[] readLongs(DataInput in) throws IOException {
    int n = count(in.readInt());
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.readLong();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Templates other) || other.templates.size() != templates.size()) {
      return false;
    }
    for (int i = 0; i < templates.size(); i++) {
      Template a = templates.get(i);
      Template b = other.templates.get(i);
      if (!a.text().equals(b.text())
          || a.words() != b.words()
          || !a.sources().equals(b.sources())
          || a.articles() != b.articles()
          || !a.examples().equals(b.examples())
          || a.corpusWide() != b.corpusWide()
          || !Arrays.equals(a.scope(), b.scope())
          || !Arrays.equals(a.shingles(), b.shingles())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return templates.size();
  }
}
