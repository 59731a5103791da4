package dev.refrain.index;

import dev.refrain.document.Article;
import dev.refrain.lsh.LshBanding;
import dev.refrain.scan.Stages.PreparedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The persistent archive of articles: an embedded Lucene index in one folder, no server.
 *
 * <p>One Lucene document per article: its id (unique; adding an id again replaces the article),
 * text and metadata stored, and its LSH band keys indexed as 8-byte terms of the field {@code
 * band}, so candidate search is a term lookup per key. The settings that made the band keys are
 * kept in every commit's user data and checked on open.
 *
 * <p>Safety comes from Lucene's commits: a writer makes its changes visible only by an atomic
 * commit (every {@value #COMMIT_EVERY} articles and at the end), so a process killed during an
 * add leaves the index at its last commit, every article from before intact; readers open a
 * point-in-time view of the last commit, consistent while another process writes; a second
 * writer is refused by Lucene's lock.
 */
public final class LuceneArchive {
  static final String ID = "id";
  static final String PATH = "path";
  static final String TEXT = "text";
  static final String SOURCE = "source";
  static final String TITLE = "title";
  static final String PUBLISHED = "published";
  static final String BAND = "band";

  /** Articles between two commits of a long add. */
  public static final int COMMIT_EVERY = 10_000;

  /** Keys per processor below which a candidate search seeks on one thread. */
  static final int PARALLEL_KEYS = 256;

  private static final FieldType BAND_TYPE = new FieldType();

  static {
    BAND_TYPE.setIndexOptions(IndexOptions.DOCS);
    BAND_TYPE.setOmitNorms(true);
    BAND_TYPE.setTokenized(false);
    BAND_TYPE.setStored(false);
    BAND_TYPE.freeze();
  }

  private LuceneArchive() {}

  /** True when {@code dir} holds a Lucene index. */
  public static boolean exists(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    } catch (IOException e) {
      return false;
    }
  }

  /** The settings stored in the archive in {@code dir}. */
  public static IndexSettings readSettings(Path dir) throws ArchiveException {
    if (!exists(dir)) {
      throw missing(dir);
    }
    try (Directory d = FSDirectory.open(dir)) {
      return settingsOf(dir, SegmentInfos.readLatestCommit(d).getUserData());
    } catch (IOException e) {
      throw translate(dir, e);
    }
  }

  private static IndexSettings settingsOf(Path dir, Map<String, String> userData)
      throws ArchiveException {
    try {
      return IndexSettings.fromMap(userData);
    } catch (IllegalArgumentException e) {
      throw new ArchiveException(
          ArchiveException.Reason.CORRUPT,
          dir + ": not a refrain index (" + e.getMessage() + ")");
    }
  }

  static ArchiveException missing(Path dir) {
    return new ArchiveException(
        ArchiveException.Reason.MISSING,
        dir + ": no refrain index here; create one with: refrain index add <paths> --index " + dir);
  }

  static ArchiveException translate(Path dir, IOException e) {
    if (e instanceof LockObtainFailedException) {
      return new ArchiveException(
          ArchiveException.Reason.LOCKED,
          dir + ": another process is writing to this index; try again when it is done",
          e);
    }
    if (e instanceof IndexNotFoundException) {
      return missing(dir);
    }
    if (e instanceof CorruptIndexException
        || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException
        || e instanceof java.io.EOFException
        || e instanceof java.nio.file.NoSuchFileException) {
      return new ArchiveException(
          ArchiveException.Reason.CORRUPT,
          dir + ": the index is damaged (" + e.getClass().getSimpleName() + ": "
              + e.getMessage() + "); rebuild it from the articles with refrain index add",
          e);
    }
    return new ArchiveException(
        ArchiveException.Reason.IO, dir + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  /**
   * Opens the archive for adding and removing articles, creating it if {@code dir} holds none.
   * An existing archive built with other settings is refused.
   */
  public static Writer openWriter(Path dir, IndexSettings settings) throws ArchiveException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ArchiveException(
          ArchiveException.Reason.IO, dir + ": cannot create the index folder: " + e.getMessage(), e);
    }
    if (exists(dir)) {
      IndexSettings stored = readSettings(dir);
      List<String> diff = stored.differences(settings);
      if (!diff.isEmpty()) {
        throw mismatch(dir, diff);
      }
    }
    Directory d = null;
    try {
      d = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig();
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      config.setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(d, config);
      return new Writer(dir, d, writer, settings);
    } catch (IOException e) {
      closeQuietly(d);
      throw translate(dir, e);
    }
  }

  static ArchiveException mismatch(Path dir, List<String> diff) {
    return new ArchiveException(
        ArchiveException.Reason.SETTINGS_MISMATCH,
        dir + ": index built with other settings (" + String.join("; ", diff)
            + "); use the index's settings, or build a new index: refrain index add <paths> --index NEW_DIR");
  }

  /** Opens a point-in-time view of the archive's last commit, for searching. */
  public static Reader openReader(Path dir) throws ArchiveException {
    if (!exists(dir)) {
      throw missing(dir);
    }
    Directory d = null;
    try {
      d = FSDirectory.open(dir);
      DirectoryReader reader = DirectoryReader.open(d);
      IndexSettings settings = settingsOf(dir, reader.getIndexCommit().getUserData());
      return new Reader(dir, d, reader, settings);
    } catch (IOException e) {
      closeQuietly(d);
      throw translate(dir, e);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // Already failing; the first error is the one to report.
      }
    }
  }

  static BytesRef keyTerm(long key) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (key >>> (56 - 8 * i));
    }
    return new BytesRef(b);
  }

  /** Bytes the files of the index take on disk. */
  static long sizeOnDisk(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Adds and removes articles; one writer per archive at a time. */
  public static final class Writer implements AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final IndexSettings settings;
    private int pending;

    private Writer(Path dir, Directory directory, IndexWriter writer, IndexSettings settings) {
      this.dir = dir;
      this.directory = directory;
      this.writer = writer;
      this.settings = settings;
    }

    /** Adds an article, replacing any with the same id; commits every {@value #COMMIT_EVERY}. */
    public void add(PreparedArticle prepared) throws ArchiveException {
      Article a = prepared.article();
      Document doc = new Document();
      doc.add(new StringField(ID, a.id(), Field.Store.YES));
      doc.add(new StoredField(PATH, a.path()));
      doc.add(new StoredField(TEXT, a.text()));
      if (a.source() != null) {
        doc.add(new StoredField(SOURCE, a.source()));
      }
      if (a.title() != null) {
        doc.add(new StoredField(TITLE, a.title()));
      }
      if (a.published() != null) {
        doc.add(new StoredField(PUBLISHED, a.published()));
      }
      LshBanding.BandKeys keys = prepared.keys();
      for (long key : keys.keys()) {
        doc.add(new Field(BAND, keyTerm(key), BAND_TYPE));
      }
      try {
        writer.updateDocument(new Term(ID, a.id()), doc);
      } catch (IOException e) {
        throw translate(dir, e);
      }
      if (++pending >= COMMIT_EVERY) {
        commit();
      }
    }

    /** Removes the articles with these ids; returns how many of the ids were in the archive. */
    public int remove(Collection<String> ids) throws ArchiveException {
      int found = 0;
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        for (String id : ids) {
          if (reader.docFreq(new Term(ID, id)) > 0) {
            found++;
          }
        }
        Term[] terms = ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new);
        writer.deleteDocuments(terms);
        pending++;
      } catch (IOException e) {
        throw translate(dir, e);
      }
      return found;
    }

    /**
     * Merges the index into at most {@code maxSegments} segments and commits. Candidate search
     * seeks every band key in every segment, so a freshly built archive of 100,000 articles in 27
     * segments answers a check in about 21 ms and, merged into one, in about 2 ms (measured with
     * {@code benchmark check}). Takes time and temporary disk space proportional to the index.
     */
    public void optimize(int maxSegments) throws ArchiveException {
      if (maxSegments < 1) {
        throw new IllegalArgumentException("maxSegments must be at least 1, was " + maxSegments);
      }
      try {
        writer.forceMerge(maxSegments);
      } catch (IOException e) {
        throw translate(dir, e);
      }
      commit();
    }

    /** Makes every change so far durable and visible to new readers, atomically. */
    public void commit() throws ArchiveException {
      try {
        writer.setLiveCommitData(settings.toMap().entrySet());
        writer.commit();
        pending = 0;
      } catch (IOException e) {
        throw translate(dir, e);
      }
    }

    /** Commits and closes. */
    @Override
    public void close() throws ArchiveException {
      try {
        commit();
      } finally {
        closeQuietly(writer);
        closeQuietly(directory);
      }
    }

    /** Closes without committing what was added since the last commit. */
    public void abort() {
      try {
        writer.rollback();
      } catch (IOException ignored) {
        // Rolling back after a failure; nothing more to do.
      }
      closeQuietly(directory);
    }
  }

  /** An archived article found by candidate search, with the number of band keys it shares. */
  public record Candidate(int doc, int sharedKeys) {}

  /** A point-in-time, read-only view of the archive. Thread-safe. */
  public static final class Reader implements AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSettings settings;

    private Reader(Path dir, Directory directory, DirectoryReader reader, IndexSettings settings) {
      this.dir = dir;
      this.directory = directory;
      this.reader = reader;
      this.settings = settings;
    }

    public IndexSettings settings() {
      return settings;
    }

    public Path dir() {
      return dir;
    }

    /** Number of Lucene segments: each adds a seek per band key to every check. */
    public int segments() {
      return reader.leaves().size();
    }

    /** Number of articles. */
    public int size() {
      return reader.numDocs();
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
      return LuceneArchive.sizeOnDisk(dir);
    }

    /**
     * The archived articles sharing band keys with {@code keys}, most shared keys first, at most
     * {@code limit}. A key in more than {@code maxBucket} articles is too common to propose
     * anything and is skipped.
     */
    public List<Candidate> candidates(long[] keys, int maxBucket, int limit) {
      Map<Integer, Integer> counts = new HashMap<>();
      try {
        // One seek per key and segment: document frequencies and term states together, then
        // postings only for keys under the cap, re-seeking by term state (no second lookup).
        // The seeks dominate a check (each loads a block of the term dictionary), so a long
        // key list is split over the processors, each part with its own TermsEnum.
        List<LeafReaderContext> leaves = reader.leaves();
        BytesRef[] terms = new BytesRef[keys.length];
        TermState[][] states = new TermState[leaves.size()][keys.length];
        int[] df = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
          terms[k] = keyTerm(keys[k]);
        }
        int parts =
            keys.length < PARALLEL_KEYS
                ? 1
                : Math.min(Runtime.getRuntime().availableProcessors(), keys.length / PARALLEL_KEYS);
        if (parts <= 1) {
          seek(leaves, terms, 0, terms.length, states, df);
        } else {
          IntStream.range(0, parts)
              .parallel()
              .forEach(
                  part -> {
                    try {
                      seek(
                          leaves,
                          terms,
                          (int) ((long) terms.length * part / parts),
                          (int) ((long) terms.length * (part + 1) / parts),
                          states,
                          df);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
        }
        PostingsEnum postings = null;
        for (int l = 0; l < leaves.size(); l++) {
          LeafReaderContext leaf = leaves.get(l);
          Terms field = leaf.reader().terms(BAND);
          if (field == null) {
            continue;
          }
          TermsEnum te = field.iterator();
          Bits live = leaf.reader().getLiveDocs();
          for (int k = 0; k < keys.length; k++) {
            if (states[l][k] == null || df[k] > maxBucket) {
              continue;
            }
            te.seekExact(terms[k], states[l][k]);
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
              if (live == null || live.get(d)) {
                counts.merge(leaf.docBase + d, 1, Integer::sum);
              }
            }
          }
        }
      } catch (UncheckedIOException e) {
        throw damaged("searching it", e.getCause());
      } catch (IOException | RuntimeException e) {
        throw damaged("searching it", e);
      }
      List<Candidate> out = new ArrayList<>();
      counts.forEach((doc, n) -> out.add(new Candidate(doc, n)));
      out.sort(
          java.util.Comparator.comparingInt(Candidate::sharedKeys)
              .reversed()
              .thenComparingInt(Candidate::doc));
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Number of archived articles holding band key {@code key} (deleted ones may count). */
    public int docFreq(long key) {
      try {
        return reader.docFreq(new Term(BAND, keyTerm(key)));
      } catch (IOException | RuntimeException e) {
        throw damaged("counting a band key", e);
      }
    }

    /** The document of the article with this id, or -1. */
    public int docOf(String id) {
      try {
        for (LeafReaderContext leaf : reader.leaves()) {
          PostingsEnum p = leaf.reader().postings(new Term(ID, id), PostingsEnum.NONE);
          if (p == null) {
            continue;
          }
          Bits live = leaf.reader().getLiveDocs();
          for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
            if (live == null || live.get(d)) {
              return leaf.docBase + d;
            }
          }
        }
        return -1;
      } catch (IOException | RuntimeException e) {
        throw damaged("looking up article " + id, e);
      }
    }

    /** The stored article of document {@code doc}. */
    public Article article(int doc) {
      try {
        StoredFields fields = reader.storedFields();
        Document d = fields.document(doc);
        return new Article(
            d.get(ID), d.get(PATH), d.get(TEXT), d.get(SOURCE), d.get(TITLE), d.get(PUBLISHED));
      } catch (IOException | RuntimeException e) {
        throw damaged("reading archived article " + doc, e);
      }
    }

    /** Every article id in the archive, sorted. */
    public List<String> ids() {
      List<String> ids = new ArrayList<>();
      try {
        StoredFields fields = reader.storedFields();
        for (LeafReaderContext leaf : reader.leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          for (int d = 0; d < leaf.reader().maxDoc(); d++) {
            if (live == null || live.get(d)) {
              ids.add(fields.document(leaf.docBase + d, java.util.Set.of(ID)).get(ID));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        throw damaged("listing its articles", e);
      }
      ids.sort(null);
      return ids;
    }

    /**
     * Reads every file of the archive's last commit in full and checks its checksum, so damage
     * that opening alone does not see (inside postings or stored articles) is found. Costs one
     * read of the whole index.
     */
    public void verify() throws ArchiveException {
      try {
        for (LeafReaderContext leaf : reader.leaves()) {
          leaf.reader().checkIntegrity();
        }
      } catch (IOException e) {
        throw translate(dir, e);
      } catch (RuntimeException e) {
        throw damaged("verifying it", e).getCause();
      }
    }

    /**
     * Damage met while reading: Lucene reports a byte flipped inside postings or stored fields
     * as anything from a checksum error to an array index out of bounds.
     */
    private UncheckedArchiveException damaged(String what, Exception e) {
      if (e instanceof UncheckedArchiveException u) {
        return u;
      }
      if (e instanceof IOException io && !(e instanceof CorruptIndexException)) {
        ArchiveException t = translate(dir, io);
        if (t.reason() != ArchiveException.Reason.IO) {
          return new UncheckedArchiveException(t);
        }
        return new UncheckedArchiveException(
            new ArchiveException(
                ArchiveException.Reason.IO,
                dir + ": reading the index failed while " + what + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                e));
      }
      return new UncheckedArchiveException(
          new ArchiveException(
              ArchiveException.Reason.CORRUPT,
              dir + ": the index is damaged (" + e.getClass().getSimpleName() + ": "
                  + firstLine(e.getMessage()) + ", while " + what + "); rebuild it from the"
                  + " articles with refrain index add",
              e));
    }

    /**
     * Seeks terms {@code from} to {@code to} in every leaf, with enums of its own: adds their
     * document frequencies to {@code df} and keeps their term states. Parts of disjoint ranges
     * write disjoint slots, so they may run at once.
     */
    private static void seek(
        List<LeafReaderContext> leaves,
        BytesRef[] terms,
        int from,
        int to,
        TermState[][] states,
        int[] df)
        throws IOException {
      for (int l = 0; l < leaves.size(); l++) {
        Terms field = leaves.get(l).reader().terms(BAND);
        if (field == null) {
          continue;
        }
        TermsEnum te = field.iterator();
        for (int k = from; k < to; k++) {
          if (te.seekExact(terms[k])) {
            df[k] += te.docFreq();
            states[l][k] = te.termState();
          }
        }
      }
    }

    @Override
    public void close() {
      closeQuietly(reader);
      closeQuietly(directory);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no message";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
