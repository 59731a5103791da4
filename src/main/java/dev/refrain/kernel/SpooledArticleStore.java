package dev.refrain.kernel;

import dev.refrain.document.Article;
import dev.refrain.minhash.Fingerprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link ArticleStore} for archives larger than the heap: in memory only each article's
 * metadata and fingerprints (8 bytes a fingerprint, about 2 KB for an 850-word article, 2 GB for
 * 10^6 articles), the texts in a temporary file (one byte a character when every character is
 * Latin-1, else two), read back and prepared again when a pair needs an article.
 *
 * <p>Built by a {@link Builder}, which keeps articles prepared in memory while they fit a budget
 * and spools them all once they do not, so small runs never touch the disk. The temporary file is
 * deleted on {@link #close}. Thread-safe for reading.
 */
public final class SpooledArticleStore implements ArticleStore {
  /** Low bits of a kept fingerprint hash that hold its distance to the fingerprint before. */
  private static final long GAP_BITS = 0xFFFF;

  private final Detector detector;
  private final Path file;
  private final FileChannel channel;
  private final int[] order;
  private final List<ArticleInfo> infos;
  /** Packed fingerprints (hash and gap), until {@link #dropFingerprintHashes}; then null. */
  private List<long[]> fingerprints;
  /** The gaps alone, once the hashes are dropped. */
  private char[][] gaps;
  private final List<long[]> repeated;
  private final long[] offsets;
  private final boolean[] wide;
  private long heapBytes;

  /** Heap bytes of an {@link ArticleInfo} and its strings' headers, beside their characters. */
  private static final long INFO_BYTES = 200;

  private SpooledArticleStore(Builder b, int[] order) {
    this.detector = b.detector;
    this.file = b.file;
    this.channel = b.channel;
    this.order = order;
    this.infos = b.infos;
    this.fingerprints = b.fingerprints;
    this.repeated = b.repeated;
    this.offsets = Arrays.copyOf(b.offsets, b.infos.size());
    this.wide = Arrays.copyOf(b.wide, b.infos.size());
    long bytes = 24L * order.length;
    for (int k = 0; k < infos.size(); k++) {
      ArticleInfo info = infos.get(k);
      bytes += INFO_BYTES + 2L * (length(info.id()) + length(info.path()) + length(info.title()));
      bytes += 16L + 8L * fingerprints.get(k).length + 16L + 8L * repeated.get(k).length;
    }
    this.heapBytes = bytes;
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  @Override
  public int size() {
    return order.length;
  }

  @Override
  public long heapBytes() {
    return heapBytes;
  }

  @Override
  public ArticleInfo info(int article) {
    return infos.get(order[article]);
  }

  @Override
  public Fingerprints fingerprints(int article) {
    if (fingerprints == null) {
      throw new IllegalStateException("the fingerprints' hashes were dropped after candidate search");
    }
    long[] packed = fingerprints.get(order[article]);
    long[] hashes = new long[packed.length];
    int[] positions = new int[packed.length];
    int position = 0;
    for (int i = 0; i < packed.length; i++) {
      hashes[i] = packed[i] & ~GAP_BITS;
      position += (int) (packed[i] & GAP_BITS);
      positions[i] = position;
    }
    return new Fingerprints(hashes, positions);
  }

  @Override
  public long[] repeatedFingerprints(int article) {
    return repeated.get(order[article]);
  }

  @Override
  public Article article(int article) {
    int k = order[article];
    ArticleInfo info = infos.get(k);
    return new Article(
        info.id(), info.path(), text(k), info.source(), info.title(), info.published());
  }

  @Override
  public PreparedArticle prepared(int article) {
    int k = order[article];
    int[] positions;
    if (fingerprints != null) {
      long[] packed = fingerprints.get(k);
      positions = new int[packed.length];
      int position = 0;
      for (int i = 0; i < packed.length; i++) {
        position += (int) (packed[i] & GAP_BITS);
        positions[i] = position;
      }
    } else {
      char[] g = gaps[k];
      positions = new int[g.length];
      int position = 0;
      for (int i = 0; i < g.length; i++) {
        position += g[i];
        positions[i] = position;
      }
    }
    return detector.prepareAgain(article(article), positions, repeated.get(k));
  }

  /**
   * Keeps of each fingerprint only its distance to the one before (2 bytes, not 8), what
   * preparing an article again needs: 1.6 GB less for 10^6 articles of 850 words. Called once
   * the candidate pairs are found, not while other threads read the store; {@link #fingerprints}
   * fails afterwards.
   */
  @Override
  public void dropFingerprintHashes() {
    if (fingerprints == null) {
      return;
    }
    char[][] kept = new char[fingerprints.size()][];
    long dropped = 0;
    for (int k = 0; k < kept.length; k++) {
      long[] packed = fingerprints.get(k);
      char[] g = new char[packed.length];
      for (int i = 0; i < packed.length; i++) {
        g[i] = (char) (packed[i] & GAP_BITS);
      }
      kept[k] = g;
      fingerprints.set(k, null);
      dropped += 6L * packed.length;
    }
    gaps = kept;
    fingerprints = null;
    heapBytes -= dropped;
  }

  @Override
  public boolean keepsPrepared() {
    return false;
  }

  private String text(int k) {
    int chars = infos.get(k).chars();
    int bytes = wide[k] ? 2 * chars : chars;
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    try {
      long at = offsets[k];
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, at + buffer.position());
        if (read < 0) {
          throw new IOException("the spool file ended early: " + file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading article texts back from " + file, e);
    }
    byte[] b = buffer.array();
    if (!wide[k]) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
    // UTF-16 by hand: a decoder would replace an unpaired surrogate, which the text may hold.
    char[] c = new char[chars];
    for (int i = 0; i < chars; i++) {
      c[i] = (char) ((b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF));
    }
    return new String(c);
  }

  /** Deletes the temporary file. */
  @Override
  public void close() {
    try {
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temporary file is all that can go wrong here; the run's results stand.
    }
  }

  /**
   * Collects a run's articles, in memory while they fit {@code budget} bytes, spooled once they
   * do not. Articles are added from one thread, in any order; the store numbers them by id.
   */
  public static final class Builder implements AutoCloseable {
    private final Detector detector;
    private final long budget;
    private final Path directory;
    private List<PreparedArticle> kept = new ArrayList<>();
    private long keptBytes;
    private Path file;
    private FileChannel channel;
    private long written;
    private final List<ArticleInfo> infos = new ArrayList<>();
    private final List<long[]> fingerprints = new ArrayList<>();
    private final List<long[]> repeated = new ArrayList<>();
    private long[] offsets = new long[1024];
    private boolean[] wide = new boolean[1024];
    private boolean built;

    /**
     * @param detector prepares spooled articles again
     * @param budget bytes the articles prepared in memory may take (estimated) before they are
     *     spooled; 0 spools from the first
     * @param directory where the temporary file goes
     */
    public Builder(Detector detector, long budget, Path directory) {
      this.detector = detector;
      this.budget = budget;
      this.directory = directory;
    }

    /**
     * Estimated heap bytes of a prepared article: words, shingles, look-up table, text, and the
     * word stems a pair's sentence alignment adds to it ({@code quote.StemmedText}, about 17 bytes
     * a word on generated news).
     */
    static long estimate(PreparedArticle p) {
      return 256L + 57L * p.tokens().size() + 2L * p.article().text().length()
          + 12L * p.fingerprints().size();
    }

    public void add(PreparedArticle p) {
      if (built) {
        throw new IllegalStateException("the store is built already");
      }
      if (kept != null) {
        kept.add(p);
        keptBytes += estimate(p);
        if (keptBytes > budget) {
          List<PreparedArticle> all = kept;
          kept = null;
          for (PreparedArticle q : all) {
            spool(q);
          }
        }
      } else {
        spool(p);
      }
    }

    /** Whether the articles went to the temporary file. */
    public boolean spooled() {
      return kept == null;
    }

    private void spool(PreparedArticle p) {
      try {
        if (channel == null) {
          file = Files.createTempFile(directory, ".refrain-texts-", ".tmp");
          file.toFile().deleteOnExit();
          channel =
              FileChannel.open(
                  file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING);
        }
        int k = infos.size();
        if (k == offsets.length) {
          offsets = Arrays.copyOf(offsets, k * 2);
          wide = Arrays.copyOf(wide, k * 2);
        }
        String text = p.article().text();
        boolean twoBytes = false;
        for (int i = 0; i < text.length() && !twoBytes; i++) {
          twoBytes = text.charAt(i) > 0xFF;
        }
        ByteBuffer bytes = ByteBuffer.allocate(twoBytes ? 2 * text.length() : text.length());
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (twoBytes) {
            bytes.putChar(c);
          } else {
            bytes.put((byte) c);
          }
        }
        bytes.flip();
        offsets[k] = written;
        wide[k] = twoBytes;
        while (bytes.hasRemaining()) {
          written += channel.write(bytes, written);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("spooling article texts to " + directory, e);
      }
      infos.add(ArticleInfo.of(p));
      Fingerprints fp = p.fingerprints();
      long[] packed = new long[fp.size()];
      int previous = 0;
      for (int i = 0; i < packed.length; i++) {
        int gap = fp.positions()[i] - previous;
        if (gap > GAP_BITS) {
          throw new IllegalStateException("fingerprints " + gap + " shingles apart");
        }
        packed[i] = (fp.hashes()[i] & ~GAP_BITS) | gap;
        previous = fp.positions()[i];
      }
      fingerprints.add(packed);
      repeated.add(p.repeatedFingerprints());
    }

    /** The store: in memory when everything fit the budget, else spooled. */
    public ArticleStore build() {
      built = true;
      if (kept != null) {
        return ArticleStore.inMemory(kept);
      }
      Integer[] boxed = new Integer[infos.size()];
      for (int i = 0; i < boxed.length; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (x, y) -> infos.get(x).id().compareTo(infos.get(y).id()));
      int[] order = new int[boxed.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = boxed[i];
      }
      SpooledArticleStore store = new SpooledArticleStore(this, order);
      channel = null;
      return store;
    }

    /** Deletes the temporary file unless a store was built from it. */
    @Override
    public void close() {
      if (channel != null) {
        try {
          channel.close();
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // Only a leftover temporary file.
        }
      }
    }
  }
}
