package dev.refrain.index;

import dev.refrain.document.Article;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.PreparedCorpus;
import dev.refrain.lsh.CandidatePairs;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.template.Templates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
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
 * text and metadata stored, its distinct fingerprints indexed as one-dimensional long points of
 * the field {@code fp}, so candidate search is one walk of each
 * segment's point tree for all of a checked article's fingerprints at once, and what template
 * learning reads (id, source, word count, fingerprints with their positions) kept once more as
 * one binary doc value, {@value #ENTRY}. Points, not terms: nearly every fingerprint is unique
 * in the archive, and a term each cost an in-memory term table entry at indexing and a term
 * dictionary seek per fingerprint and segment at check time (format 2; measured in the README's
 * Measured speed). The templates learned from the whole
 * archive are one more document, written in the same commit as the articles they were learned
 * from. The settings are kept in every commit's user data and checked on open.
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
  static final String FP = "fp";
  /** The type of {@value #FP}: one-dimensional 8-byte points, as {@link LongPoint}'s. */
  private static final org.apache.lucene.document.FieldType FP_TYPE = fingerprintType();
  /**
   * What template learning reads of an article, one binary doc value (read without
   * decompressing the stored text): id, source, word count and fingerprints (see {@link
   * #encodeEntry}).
   */
  static final String ENTRY = "entry";
  static final String SOURCE_KEY = "sourceKey";
  /** A 64-bit hash of the id: orders candidates that share as many fingerprints, whatever the doc ids. */
  static final String ID_KEY = "idKey";
  static final String META = "meta";
  static final String TEMPLATES = "templates";
  /**
   * The file that marks a folder as a refrain index, written before the index's first file (and
   * into an index written before there was a marker): a folder holding it is one refrain may
   * write in.
   */
  public static final String MARKER = dev.refrain.document.ArticleLoader.INDEX_MARKER;

  /** The commit user data key of the archive format (see {@link IndexSettings#toMap}). */
  private static final String FORMAT_KEY = "refrain.format";

  /** Commit user data: whether the stored templates were learned from the committed articles. */
  static final String TEMPLATES_CURRENT = "refrain.templatesCurrent";

  /** Articles between two commits of a long add. */
  public static final int COMMIT_EVERY = 10_000;

  /**
   * Fingerprints times segments above which a candidate search walks the segments on several
   * threads (512 fingerprints in one segment, 43 in twelve).
   */
  static final int PARALLEL_WORK = 512;

  private LuceneArchive() {}

  private static org.apache.lucene.document.FieldType fingerprintType() {
    org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType();
    type.setDimensions(1, Long.BYTES);
    type.freeze();
    return type;
  }

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
    } catch (IndexSettings.OtherFormatException e) {
      throw new ArchiveException(
          ArchiveException.Reason.SETTINGS_MISMATCH,
          dir + ": " + e.getMessage() + " (written by " + (e.format() < IndexSettings.FORMAT
              ? "an older" : "a newer") + " refrain; left as it is): rebuild it from the articles"
              + " with refrain index add <paths> --index NEW_DIR");
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
              + firstLine(e.getMessage()) + "); rebuild it from the articles with refrain index add",
          e);
    }
    return new ArchiveException(
        ArchiveException.Reason.IO,
        dir + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), e);
  }

  /**
   * Refuses a folder an index must not be written in, before anything is read or written: a
   * Lucene writer deletes every file in its folder that is named like one of its own ({@code
   * _*.*}, {@code segments*}) and that no commit references, so a user's {@code _notes.txt} is
   * lost when an index is created beside it. An index is written only in a folder that is missing
   * (it is created), empty, or a refrain index (marked by {@value #MARKER}, or, written before
   * the marker, a Lucene commit holding refrain's settings), and only when that folder holds no
   * file a Lucene writer would take for its own but Lucene did not write. Nothing is deleted.
   *
   * @throws ArchiveException {@link ArchiveException.Reason#FOREIGN_FILES} naming the folder, up
   *     to three of the files and what to do; or the reason the index in it cannot be read
   */
  public static void checkWritable(Path dir) throws ArchiveException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new ArchiveException(
          ArchiveException.Reason.FOREIGN_FILES,
          dir + ": not a folder; give --index a new or empty folder");
    }
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new ArchiveException(
          ArchiveException.Reason.IO, dir + ": cannot list the folder: " + e.getMessage(), e);
    }
    if (names.isEmpty()) {
      return;
    }
    if (!names.contains(MARKER) && !holdsRefrainCommit(dir)) {
      throw new ArchiveException(
          ArchiveException.Reason.FOREIGN_FILES,
          dir + ": not empty and not a refrain index (it holds " + some(names) + "); refrain"
              + " creates an index only in a new or empty folder: give --index another folder");
    }
    List<String> foreign = names.stream().filter(LuceneArchive::deletableButForeign).toList();
    if (!foreign.isEmpty()) {
      throw new ArchiveException(
          ArchiveException.Reason.FOREIGN_FILES,
          dir + ": holds files refrain did not write that writing the index would delete ("
              + some(foreign) + "); move them out of the index folder");
    }
  }

  /** Whether the last commit in {@code dir} carries refrain's settings (of any format). */
  private static boolean holdsRefrainCommit(Path dir) throws ArchiveException {
    if (!exists(dir)) {
      return false;
    }
    try (Directory d = FSDirectory.open(dir)) {
      return SegmentInfos.readLatestCommit(d).getUserData().containsKey(FORMAT_KEY);
    } catch (IOException e) {
      throw translate(dir, e);
    }
  }

  /** Up to three names, and how many more. */
  private static String some(List<String> names) {
    String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
    return names.size() <= 3 ? shown : shown + " and " + (names.size() - 3) + " more";
  }

  /**
   * Whether a Lucene writer would delete this file if no commit referenced it (its name looks
   * like a Lucene file) although Lucene did not write it (its extension, or the form of a
   * {@code segments} name, is not one Lucene 9's codecs write).
   */
  static boolean deletableButForeign(String name) {
    if (name.equals(MARKER) || name.equals(IndexWriter.WRITE_LOCK_NAME)) {
      return false;
    }
    if (name.startsWith(IndexFileNames.SEGMENTS) || name.startsWith(IndexFileNames.PENDING_SEGMENTS)) {
      return !SEGMENTS_NAME.matcher(name).matches();
    }
    if (!IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches()) {
      return false;
    }
    return !LUCENE_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
  }

  /** A commit file: {@code segments_N} or {@code pending_segments_N}, N in base 36. */
  private static final java.util.regex.Pattern SEGMENTS_NAME =
      java.util.regex.Pattern.compile("(pending_)?segments_[0-9a-z]+");

  /**
   * The extensions of the files Lucene 9's codecs write: segment info, compound file, field
   * infos, stored fields, term vectors, postings and terms, norms, doc values, points, vectors,
   * live docs, and temporary files.
   */
  private static final java.util.Set<String> LUCENE_EXTENSIONS =
      java.util.Set.of(
          "si", "cfs", "cfe", "fnm", "fdt", "fdx", "fdm", "tvd", "tvx", "tvm", "doc", "pos", "pay",
          "psm", "tim", "tip", "tmd", "nvd", "nvm", "dvd", "dvm", "kdd", "kdi", "kdm", "vec", "vem",
          "vex", "veq", "vemq", "vemf", "liv", "tmp");

  /**
   * Opens the archive for adding and removing articles, creating it if {@code dir} is missing or
   * empty. A folder {@link #checkWritable} refuses, and an existing archive built with other
   * settings, are refused.
   */
  public static Writer openWriter(Path dir, IndexSettings settings) throws ArchiveException {
    checkWritable(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ArchiveException(
          ArchiveException.Reason.IO, dir + ": cannot create the index folder: " + e.getMessage(), e);
    }
    boolean existing = exists(dir);
    if (existing) {
      IndexSettings stored = readSettings(dir);
      List<String> diff = stored.differences(settings);
      if (!diff.isEmpty()) {
        throw mismatch(dir, diff);
      }
    }
    writeMarker(dir);
    Directory d = null;
    try {
      d = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig();
      config.setOpenMode(
          existing ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
      config.setRAMBufferSizeMB(64);
      config.setCodec(new ArchiveCodec());
      config.setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(d, config);
      DirectoryReader before = null;
      try {
        before = existing ? DirectoryReader.open(d) : null;
      } catch (IOException | RuntimeException e) {
        closeQuietly(writer);
        throw e;
      }
      return new Writer(dir, d, writer, settings, before);
    } catch (IOException e) {
      closeQuietly(d);
      throw translate(dir, e);
    }
  }

  /** Writes the {@value #MARKER} file if the folder lacks it. */
  private static void writeMarker(Path dir) throws ArchiveException {
    Path marker = dir.resolve(MARKER);
    if (Files.isRegularFile(marker)) {
      return;
    }
    try {
      Files.writeString(
          marker,
          "# This folder is a refrain index (an embedded Lucene index). refrain writes an index\n"
              + "# only in a new or empty folder or in one holding this file; its settings are in\n"
              + "# the index itself (refrain index stats --index DIR).\n"
              + "refrain.marker=1\n",
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ArchiveException(
          ArchiveException.Reason.IO, dir + ": cannot write " + MARKER + ": " + e.getMessage(), e);
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

  /**
   * Adds and removes articles; one writer per archive at a time. Closing it learns the templates
   * of the whole archive again and commits them with the articles.
   */
  public static final class Writer implements AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final IndexSettings settings;
    /** The archive as it was when this writer was opened; null when it was new. */
    private final DirectoryReader before;
    private int pending;
    private boolean changed;
    /**
     * The {@value #ID_KEY}s of the articles this writer added: an id added twice is replaced
     * the second time (two ids sharing a key are both replaced by term, which is still right).
     */
    private final com.carrotsearch.hppc.LongHashSet addedKeys = new com.carrotsearch.hppc.LongHashSet();

    private Writer(
        Path dir, Directory directory, IndexWriter writer, IndexSettings settings,
        DirectoryReader before) {
      this.dir = dir;
      this.directory = directory;
      this.writer = writer;
      this.settings = settings;
      this.before = before;
    }

    /**
     * Adds an article, replacing any with the same id; commits every {@value #COMMIT_EVERY}.
     * Thread-safe: several threads may add at once.
     *
     * @return whether it replaced an article with its id that the archive held when this writer
     *     was opened (one a load hands out twice, it does not: ids are unique within a load)
     */
    public boolean add(PreparedArticle prepared) throws ArchiveException {
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
      doc.add(new NumericDocValuesField(SOURCE_KEY, prepared.sourceKey()));
      doc.add(new NumericDocValuesField(ID_KEY, idKey(a.id())));
      Fingerprints fp = prepared.fingerprints();
      doc.add(new BinaryDocValuesField(ENTRY, new BytesRef(encodeEntry(a, prepared.tokens().size(), fp))));
      long[] distinct = fp.hashes().clone();
      java.util.Arrays.sort(distinct);
      // The points as slices of one array, of one shared type: a LongPoint each cost a type,
      // an array and a BytesRef (some 270 an article; 5% of an add's samples).
      byte[] packed = new byte[distinct.length * Long.BYTES];
      int points = 0;
      for (int i = 0; i < distinct.length; i++) {
        if (i == 0 || distinct[i] != distinct[i - 1]) {
          org.apache.lucene.util.NumericUtils.longToSortableBytes(distinct[i], packed, points * Long.BYTES);
          doc.add(new Field(FP, new BytesRef(packed, points * Long.BYTES, Long.BYTES), FP_TYPE));
          points++;
        }
      }
      boolean replaced;
      try {
        Term id = new Term(ID, a.id());
        replaced = before != null && before.docFreq(id) > 0;
        // An id neither in the archive at open nor added since is new: adding it needs no
        // delete-by-term, which every flush would resolve against every segment (measured on
        // 30,000 articles: 22 s of CPU with a delete per article, 9.6 s without).
        if (replaced || !firstAdd(idKey(a.id()))) {
          writer.updateDocument(id, doc);
        } else {
          writer.addDocument(doc);
        }
      } catch (IOException e) {
        throw translate(dir, e);
      }
      boolean commitNow;
      synchronized (this) {
        changed = true;
        commitNow = ++pending >= COMMIT_EVERY;
        if (commitNow) {
          pending = 0;
        }
      }
      if (commitNow) {
        commit(false);
      }
      return replaced;
    }

    /** Whether this writer adds an article with this {@value #ID_KEY} for the first time. */
    private synchronized boolean firstAdd(long key) {
      return addedKeys.add(key);
    }

    /**
     * Removes the articles with these ids.
     *
     * @return the ids that were not in the archive, in the order given, each once
     */
    public List<String> remove(Collection<String> ids) throws ArchiveException {
      List<String> missing = new ArrayList<>();
      boolean found = false;
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        for (String id : new java.util.LinkedHashSet<>(ids)) {
          if (reader.docFreq(new Term(ID, id)) > 0) {
            found = true;
          } else {
            missing.add(id);
          }
        }
        Term[] terms = ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new);
        writer.deleteDocuments(terms);
        synchronized (this) {
          pending++;
          changed |= found;
        }
      } catch (IOException e) {
        throw translate(dir, e);
      }
      return missing;
    }

    /**
     * Merges the index into at most {@code maxSegments} segments and commits. Candidate search
     * walks every segment's point tree, so a freshly built archive in many segments
     * answers checks several times slower than merged into one (measured with {@code benchmark
     * check}). Takes time and temporary disk space proportional to the index.
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
      commit(!changed && templatesCurrent());
    }

    private boolean templatesCurrent() {
      try {
        return "true".equals(SegmentInfos.readLatestCommit(directory).getUserData()
            .get(TEMPLATES_CURRENT));
      } catch (IOException e) {
        return false;
      }
    }

    /**
     * Makes every change so far durable and visible to new readers, atomically. The templates
     * are learned again only by {@link #close}: until then the commit records that they were
     * learned from fewer articles.
     */
    public void commit() throws ArchiveException {
      commit(!changed && templatesCurrent());
    }

    /**
     * Commits; {@code templatesCurrent} records whether the stored templates were learned from
     * exactly these articles.
     */
    private void commit(boolean templatesCurrent) throws ArchiveException {
      try {
        Map<String, String> data = new java.util.LinkedHashMap<>(settings.toMap());
        data.put(TEMPLATES_CURRENT, Boolean.toString(templatesCurrent));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      } catch (IOException e) {
        throw translate(dir, e);
      }
    }

    /**
     * Learns the templates of every article now in the archive and stores them, replacing the
     * ones stored before. Reads each article's fingerprints once (and the text of a few carriers
     * of each template); costs a sort of all fingerprints.
     */
    public Templates learnTemplates(int threads) throws ArchiveException {
      Detector detector = new Detector(settings.detectorOptions(threads));
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        StoredCorpus corpus = StoredCorpus.read(reader, detector, dir);
        FingerprintTable table =
            FingerprintTable.build(corpus.size(), a -> corpus.fingerprints(a).hashes());
        Templates templates = detector.templateLearner().learn(corpus, table);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
          templates.write(out);
        }
        Document doc = new Document();
        doc.add(new StringField(META, TEMPLATES, Field.Store.NO));
        doc.add(new StoredField(TEMPLATES, bytes.toByteArray()));
        writer.updateDocument(new Term(META, TEMPLATES), doc);
        return templates;
      } catch (IOException e) {
        throw translate(dir, e);
      }
    }

    /**
     * Learns the templates again if anything changed, commits and closes: the articles and the
     * templates learned from them become visible together.
     */
    @Override
    public void close() throws ArchiveException {
      try {
        if (changed || !templatesCurrent()) {
          learnTemplates(Math.min(256, Runtime.getRuntime().availableProcessors()));
        }
        commit(true);
      } finally {
        closeQuietly(before);
        closeQuietly(writer);
        closeQuietly(directory);
      }
    }

    /** Closes without committing what was added since the last commit. */
    public void abort() {
      closeQuietly(before);
      try {
        writer.rollback();
      } catch (IOException | RuntimeException ignored) {
        // Rolling back after a failure; nothing more to do.
      }
      closeQuietly(directory);
    }
  }

  /**
   * An article's {@value #ENTRY}: its id and source (a byte count, -1 for no source, then UTF-8),
   * its word count, the number of fingerprints, then each hash (8 bytes) and the gap from the
   * previous one's position (varint).
   */
  static byte[] encodeEntry(Article a, int words, Fingerprints fp) {
    byte[] id = utf8(a.id());
    byte[] source = utf8(a.source());
    EntryBytes out =
        new EntryBytes(
            new byte[8 + (id == null ? 0 : id.length) + (source == null ? 0 : source.length)
                + 10 + fp.size() * 13]);
    out.string(id);
    out.string(source);
    out.varint(words);
    out.varint(fp.size());
    long[] hashes = fp.hashes();
    int[] positions = fp.positions();
    int previous = 0;
    for (int i = 0; i < hashes.length; i++) {
      out.fixedLong(hashes[i]);
      out.varint(positions[i] - previous);
      previous = positions[i];
    }
    return java.util.Arrays.copyOf(out.bytes, out.at);
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * An {@value #ENTRY} written into an array (sized for the worst case by the caller): strings
   * as an int byte count (-1 for none) then UTF-8, longs big-endian, varints of 7 bits a byte,
   * as {@link DataOutputStream} wrote them in format 3's first build.
   */
  private static final class EntryBytes {
    final byte[] bytes;
    int at;

    EntryBytes(byte[] bytes) {
      this.bytes = bytes;
    }

    void string(byte[] utf8) {
      fixedInt(utf8 == null ? -1 : utf8.length);
      if (utf8 != null) {
        System.arraycopy(utf8, 0, bytes, at, utf8.length);
        at += utf8.length;
      }
    }

    void fixedInt(int v) {
      bytes[at++] = (byte) (v >>> 24);
      bytes[at++] = (byte) (v >>> 16);
      bytes[at++] = (byte) (v >>> 8);
      bytes[at++] = (byte) v;
    }

    void fixedLong(long v) {
      fixedInt((int) (v >>> 32));
      fixedInt((int) v);
    }

    void varint(int v) {
      while ((v & ~0x7F) != 0) {
        bytes[at++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[at++] = (byte) v;
    }
  }

  /** An article's {@value #ENTRY} as read. */
  record Entry(String id, String source, int words, Fingerprints fingerprints) {}

  static Entry decodeEntry(BytesRef ref) throws IOException {
    EntryReader in = new EntryReader(ref);
    String id = in.string();
    if (id == null) {
      throw new CorruptIndexException("an article entry without id", "article entries");
    }
    String source = in.string();
    int words = in.varint();
    int n = in.varint();
    if (n < 0 || n > ref.length / 9) {
      throw new CorruptIndexException("bad fingerprint count " + n, "article entries");
    }
    long[] hashes = new long[n];
    int[] positions = new int[n];
    int position = 0;
    for (int i = 0; i < n; i++) {
      hashes[i] = in.fixedLong();
      position += in.varint();
      positions[i] = position;
    }
    return new Entry(id, source, words, new Fingerprints(hashes, positions));
  }

  /** Reads what {@link EntryBytes} wrote; running past the end is a damaged entry. */
  private static final class EntryReader {
    private final byte[] bytes;
    private final int end;
    private int at;

    EntryReader(BytesRef ref) {
      this.bytes = ref.bytes;
      this.at = ref.offset;
      this.end = ref.offset + ref.length;
    }

    private int next() throws IOException {
      if (at >= end) {
        throw new java.io.EOFException("article entry ends early");
      }
      return bytes[at++] & 0xFF;
    }

    int fixedInt() throws IOException {
      if (end - at < 4) {
        throw new java.io.EOFException("article entry ends early");
      }
      int v = ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16)
          | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
      at += 4;
      return v;
    }

    long fixedLong() throws IOException {
      long high = fixedInt();
      return (high << 32) | (fixedInt() & 0xFFFFFFFFL);
    }

    /** A string, null for none. */
    String string() throws IOException {
      int length = fixedInt();
      if (length == -1) {
        return null;
      }
      if (length < 0 || length > end - at) {
        throw new CorruptIndexException("bad string length " + length, "article entries");
      }
      String s = new String(bytes, at, length, java.nio.charset.StandardCharsets.UTF_8);
      at += length;
      return s;
    }

    int varint() throws IOException {
      int v = 0;
      for (int shift = 0; shift < 32; shift += 7) {
        int b = next();
        v |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new CorruptIndexException("bad varint", "article entries");
    }
  }

  /**
   * The archive's articles as template learning reads them: what every article needs held in
   * memory (id, source, word count, fingerprints), texts read again only for the few carriers
   * sampled per template.
   */
  static final class StoredCorpus extends PreparedCorpus {
    private final DirectoryReader reader;
    private final Detector detector;
    private final int[] docs;
    private final String[] ids;
    private final String[] sources;
    private final int[] words;
    private final Fingerprints[] fingerprints;
    /** The last few carriers read: a template reads each of its sampled carriers twice. */
    private final Map<Integer, PreparedArticle> prepared =
        new java.util.LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, PreparedArticle> eldest) {
            return size() > 64;
          }
        };

    private StoredCorpus(
        DirectoryReader reader, Detector detector, int[] docs, String[] ids, String[] sources,
        int[] words, Fingerprints[] fingerprints) {
      this.reader = reader;
      this.detector = detector;
      this.docs = docs;
      this.ids = ids;
      this.sources = sources;
      this.words = words;
      this.fingerprints = fingerprints;
    }

    /** Reads every live article, numbered by id order (as a scan numbers them). */
    static StoredCorpus read(DirectoryReader reader, Detector detector, Path dir)
        throws IOException {
      List<Object[]> rows = new ArrayList<>();
      StoredFields fields = reader.storedFields();
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        org.apache.lucene.index.BinaryDocValues entries = leaf.reader().getBinaryDocValues(ENTRY);
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          if (entries == null || !entries.advanceExact(d)) {
            String id = fields.document(leaf.docBase + d, java.util.Set.of(ID)).get(ID);
            if (id == null) {
              continue; // the templates document
            }
            throw new CorruptIndexException("article " + id + " lacks its fingerprints", dir.toString());
          }
          Entry e;
          try {
            e = decodeEntry(entries.binaryValue());
          } catch (RuntimeException bad) {
            throw new CorruptIndexException("a bad article entry", dir.toString(), bad);
          }
          rows.add(new Object[] {e.id(), leaf.docBase + d, e.source(), e.words(), e.fingerprints()});
        }
      }
      rows.sort(java.util.Comparator.comparing(r -> (String) r[0]));
      int n = rows.size();
      int[] docs = new int[n];
      String[] ids = new String[n];
      String[] sources = new String[n];
      int[] words = new int[n];
      Fingerprints[] fingerprints = new Fingerprints[n];
      for (int i = 0; i < n; i++) {
        Object[] r = rows.get(i);
        ids[i] = (String) r[0];
        docs[i] = (Integer) r[1];
        sources[i] = (String) r[2];
        words[i] = (Integer) r[3];
        fingerprints[i] = (Fingerprints) r[4];
      }
      return new StoredCorpus(reader, detector, docs, ids, sources, words, fingerprints);
    }

    @Override
    protected PreparedArticle prepared(int a) {
      return prepared.computeIfAbsent(a, x -> {
        try {
          Document d = reader.storedFields().document(docs[x]);
          return detector.prepare(new Article(
              d.get(ID), d.get(PATH), d.get(TEXT), d.get(SOURCE), d.get(TITLE), d.get(PUBLISHED)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    @Override
    public int size() {
      return ids.length;
    }

    @Override
    public String id(int a) {
      return ids[a];
    }

    @Override
    public String source(int a) {
      return sources[a];
    }

    @Override
    public int words(int a) {
      return words[a];
    }

    @Override
    public Fingerprints fingerprints(int a) {
      return fingerprints[a];
    }
  }

  /** An archived article found by candidate search, with the number of fingerprints it shares. */
  public record Candidate(int doc, int sharedKeys) {}

  /**
   * The candidates of a checked article and what the bucket cap changed.
   *
   * @param candidates most shared first, at most the limit asked for
   * @param total candidates before the limit
   * @param cappedFingerprints the article's fingerprints held by more than {@code maxBucket}
   *     archived articles: each proposed only its {@linkplain CandidatePairs#representative
   *     representative} holder
   * @param representatives distinct archived articles that were a capped fingerprint's
   *     representative
   */
  public record CandidateSearch(
      List<Candidate> candidates, int total, int cappedFingerprints, int representatives) {}

  /** The {@value #ID_KEY} of an article id. */
  static long idKey(String id) {
    return CandidatePairs.idKey(id);
  }

  /** A point-in-time, read-only view of the archive. Thread-safe. */
  public static final class Reader implements AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSettings settings;
    private final Templates templates;
    private final boolean templatesCurrent;
    private final int metaDocs;

    private Reader(Path dir, Directory directory, DirectoryReader reader, IndexSettings settings)
        throws IOException {
      this.dir = dir;
      this.directory = directory;
      this.reader = reader;
      this.settings = settings;
      this.templatesCurrent =
          "true".equals(reader.getIndexCommit().getUserData().get(TEMPLATES_CURRENT));
      Templates found = Templates.NONE;
      int meta = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        PostingsEnum p = leaf.reader().postings(new Term(META, TEMPLATES), PostingsEnum.NONE);
        if (p == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
          if (live == null || live.get(d)) {
            meta++;
            BytesRef bytes =
                reader.storedFields().document(leaf.docBase + d).getBinaryValue(TEMPLATES);
            if (bytes == null) {
              throw new CorruptIndexException("the templates document has no templates", dir.toString());
            }
            found = Templates.read(new DataInputStream(
                new ByteArrayInputStream(bytes.bytes, bytes.offset, bytes.length)));
          }
        }
      }
      this.templates = found;
      this.metaDocs = meta;
    }

    public IndexSettings settings() {
      return settings;
    }

    public Path dir() {
      return dir;
    }

    /** The templates learned from the archive's articles (see {@link Writer#close}). */
    public Templates templates() {
      return templates;
    }

    /**
     * Whether the stored templates were learned from exactly the committed articles: false
     * after an {@code index add} that was killed between two commits, until the next add.
     */
    public boolean templatesCurrent() {
      return templatesCurrent;
    }

    /** Number of Lucene segments: each adds a walk of its point tree to every check. */
    public int segments() {
      return reader.leaves().size();
    }

    /** Number of articles. */
    public int size() {
      return reader.numDocs() - metaDocs;
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
      return LuceneArchive.sizeOnDisk(dir);
    }

    /**
     * The archived articles sharing fingerprints with {@code hashes} (distinct, the checked
     * article's fingerprints that are not template text for it), most shared first, at most
     * {@code limit}. An archived article does not hold a fingerprint that is template text in
     * its own source (a scan drops such entries before pairing); a fingerprint held by more than
     * {@code maxBucket} articles is too common to propose anything and is skipped.
     */
    public List<Candidate> candidates(long[] hashes, int maxBucket, int limit) {
      return candidateSearch(hashes, maxBucket, limit).candidates();
    }

    /**
     * The archived articles sharing fingerprints with {@code hashes}, as {@link #candidates}, and
     * what the cap changed: a fingerprint held by more than {@code maxBucket} archived articles
     * proposes its {@linkplain CandidatePairs#representative representative} holder alone (the
     * one with the least id key, as a scan's star), never nothing, so an article carrying a
     * passage 2,000 archived articles hold is still compared with one of them.
     */
    public CandidateSearch candidateSearch(long[] hashes, int maxBucket, int limit) {
      java.util.Set<Integer> representativeDocs = new java.util.TreeSet<>();
      int cappedKeys = 0;
      // Per document: fingerprints shared, and the fewest holders of one (the checked article
      // counted), for the candidate rule.
      Map<Integer, int[]> counts = new HashMap<>();
      try {
        // Fingerprints an earlier check on this reader found above this cap are not looked up
        // again; the others are read in one walk of each segment's point tree.
        long[] sought = new long[hashes.length];
        int n = 0;
        for (long h : hashes) {
          int[] rep = representatives.get(h);
          if (rep != null && rep[1] > maxBucket) {
            cappedKeys++;
            representativeDocs.add(rep[0]);
            count(counts, rep[0], rep[1] + 1);
          } else {
            sought[n++] = h;
          }
        }
        sought = java.util.Arrays.copyOf(sought, n);
        java.util.Arrays.sort(sought);
        Holders holders = holders(sought);
        int[] docs = new int[64];
        for (int k = 0; k < n; k++) {
          boolean filtered = templates.isTemplateAnywhere(sought[k]);
          // The holders of this fingerprint, live and not holding it as template text.
          int held = 0;
          int leaf = -1;
          Bits live = null;
          NumericDocValues sourceKeys = null;
          for (int i = holders.start[k]; i < holders.start[k + 1]; i++) {
            int doc = holders.docs[i];
            if (leaf < 0 || doc >= leafEnd(leaf)) {
              leaf = org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves());
              live = reader.leaves().get(leaf).reader().getLiveDocs();
              sourceKeys =
                  filtered ? reader.leaves().get(leaf).reader().getNumericDocValues(SOURCE_KEY) : null;
            }
            int d = doc - reader.leaves().get(leaf).docBase;
            if (live != null && !live.get(d)) {
              continue;
            }
            if (filtered) {
              long source = sourceKeys != null && sourceKeys.advanceExact(d) ? sourceKeys.longValue() : 0;
              if (templates.isTemplate(source, sought[k])) {
                continue;
              }
            }
            if (held == docs.length) {
              docs = java.util.Arrays.copyOf(docs, held * 2);
            }
            docs[held++] = doc;
          }
          if (held > maxBucket) {
            // Capped: the representative alone is a candidate (remembered for this reader).
            int rep = representative(docs, held);
            representatives.put(sought[k], new int[] {rep, held});
            cappedKeys++;
            representativeDocs.add(rep);
            count(counts, rep, held + 1);
            continue;
          }
          for (int i = 0; i < held; i++) {
            count(counts, docs[i], held + 1);
          }
        }
      } catch (UncheckedIOException e) {
        throw damaged("searching it", e.getCause());
      } catch (IOException | RuntimeException e) {
        throw damaged("searching it", e);
      }
      List<Candidate> out = new ArrayList<>();
      counts.forEach(
          (doc, c) -> {
            if (CandidatePairs.proposes(c[0], c[1])) {
              out.add(new Candidate(doc, c[0]));
            }
          });
      // Most shared first; ties by the hash of the id, so the same archive gives the same
      // candidates however its documents were numbered (added by several threads, merged).
      // (Also unlimited: a caller may stop part way, as a check does at --max-candidates.)
      Map<Integer, Long> idKeys = out.size() > 1 ? idKeys(out) : Map.of();
      out.sort(
          java.util.Comparator.comparingInt(Candidate::sharedKeys)
              .reversed()
              .thenComparingLong(c -> idKeys.getOrDefault(c.doc(), 0L))
              .thenComparingInt(Candidate::doc));
      List<Candidate> kept = out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
      return new CandidateSearch(kept, out.size(), cappedKeys, representativeDocs.size());
    }

    /** One more fingerprint shared with {@code doc}, held by {@code holders} articles. */
    private static void count(Map<Integer, int[]> counts, int doc, int holders) {
      int[] c = counts.computeIfAbsent(doc, x -> new int[] {0, Integer.MAX_VALUE});
      c[0]++;
      c[1] = Math.min(c[1], holders);
    }

    /** The first index at or after {@code from} of {@code sorted} whose value is not below {@code v}. */
    private static int lowerBound(long[] sorted, int from, long v) {
      int i = java.util.Arrays.binarySearch(sorted, from, sorted.length, v);
      return i < 0 ? -i - 1 : i;
    }

    /** The global document after the last of leaf {@code l}. */
    private int leafEnd(int l) {
      LeafReaderContext leaf = reader.leaves().get(l);
      return leaf.docBase + leaf.reader().maxDoc();
    }

    /**
     * Every document holding each of {@code sorted} (distinct fingerprints, ascending), deleted
     * ones too: {@code docs[start[k]..start[k+1])}, global documents ascending.
     */
    private record Holders(int[] start, int[] docs) {}

    /**
     * The holders of {@code sorted} in one segment: {@code {keys, global docs, {count}}}, null
     * when it holds no fingerprints.
     */
    private static int[][] holders(LeafReaderContext leaf, long[] sorted) throws IOException {
      org.apache.lucene.index.PointValues points = leaf.reader().getPointValues(FP);
      if (points == null) {
        return null;
      }
      int n = sorted.length;
      int base = leaf.docBase;
      int[][] grown = {new int[64], new int[64], {0}};
      points.intersect(
          new org.apache.lucene.index.PointValues.IntersectVisitor() {
            @Override
            public void visit(int docID) {
              throw new IllegalStateException("a fingerprint cell is never inside the query");
            }

            /** The last value visited, and the first sought fingerprint not below it. */
            long last = Long.MIN_VALUE;
            int next = 0;

            @Override
            public void visit(int docID, byte[] packedValue) {
              long v = org.apache.lucene.document.LongPoint.decodeDimension(packedValue, 0);
              // A walk of a one-dimensional tree visits values in order, so most points cost
              // one comparison with the next fingerprint sought; any other order is still read
              // right, by a search from the start.
              if (v < last) {
                next = lowerBound(sorted, 0, v);
              }
              last = v;
              if (next < n && sorted[next] < v) {
                next = lowerBound(sorted, next + 1, v);
              }
              if (next == n || sorted[next] != v) {
                return;
              }
              int at = grown[2][0]++;
              if (at == grown[0].length) {
                grown[0] = java.util.Arrays.copyOf(grown[0], at * 2);
                grown[1] = java.util.Arrays.copyOf(grown[1], at * 2);
              }
              grown[0][at] = next;
              grown[1][at] = base + docID;
            }

            @Override
            public org.apache.lucene.index.PointValues.Relation compare(
                byte[] minPacked, byte[] maxPacked) {
              long min = org.apache.lucene.document.LongPoint.decodeDimension(minPacked, 0);
              long max = org.apache.lucene.document.LongPoint.decodeDimension(maxPacked, 0);
              int i = lowerBound(sorted, 0, min);
              return i < n && sorted[i] <= max
                  ? org.apache.lucene.index.PointValues.Relation.CELL_CROSSES_QUERY
                  : org.apache.lucene.index.PointValues.Relation.CELL_OUTSIDE_QUERY;
            }
          });
      return grown;
    }

    /**
     * Reads the holders of {@code sorted} from every segment's points: one walk of its
     * one-dimensional tree visits only the cells whose value range holds a sought fingerprint,
     * and, in each leaf block it reaches (up to {@value ArchiveCodec#POINTS_PER_LEAF} points), the fingerprints it holds.
     */
    private Holders holders(long[] sorted) throws IOException {
      int n = sorted.length;
      List<LeafReaderContext> leaves = reader.leaves();
      int[][][] perLeaf = new int[leaves.size()][][];
      if (n > 0) {
        // Segments are walked on their own, so a long list in several segments is spread over
        // the processors (a segment's walk costs about the same whatever its size).
        if (leaves.size() > 1 && (long) n * leaves.size() >= PARALLEL_WORK) {
          IntStream.range(0, leaves.size())
              .parallel()
              .forEach(
                  l -> {
                    try {
                      perLeaf[l] = holders(leaves.get(l), sorted);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
        } else {
          for (int l = 0; l < leaves.size(); l++) {
            perLeaf[l] = holders(leaves.get(l), sorted);
          }
        }
      }
      int total = 0;
      for (int[][] part : perLeaf) {
        total += part == null ? 0 : part[2][0];
      }
      int[] keyOf = new int[total];
      int[] docOf = new int[total];
      int[] found = {0};
      for (int[][] part : perLeaf) {
        if (part != null) {
          System.arraycopy(part[0], 0, keyOf, found[0], part[2][0]);
          System.arraycopy(part[1], 0, docOf, found[0], part[2][0]);
          found[0] += part[2][0];
        }
      }
      // Grouped by fingerprint (a counting sort); each group's documents ascending, as the
      // segments were walked in order and a segment's points of one value in document order.
      int[] start = new int[n + 1];
      for (int i = 0; i < found[0]; i++) {
        start[keyOf[i] + 1]++;
      }
      for (int k = 0; k < n; k++) {
        start[k + 1] += start[k];
      }
      int[] next = java.util.Arrays.copyOf(start, n);
      int[] docs = new int[found[0]];
      for (int i = 0; i < found[0]; i++) {
        docs[next[keyOf[i]]++] = docOf[i];
      }
      for (int k = 0; k < n; k++) {
        java.util.Arrays.sort(docs, start[k], start[k + 1]);
      }
      return new Holders(start, docs);
    }
    /**
     * Representatives of capped fingerprints met by earlier checks on this reader (one commit:
     * its holders never change): fingerprint hash to {@code {doc, holders}}, the representative
     * and the live holders not holding it as template text; used when those are above the cap
     * asked for.
     */
    private final Map<Long, int[]> representatives = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The {@linkplain CandidatePairs#representative representative} of {@code docs[0..held)}
     * (sorted global documents): the least {@value #ID_KEY}.
     */
    private int representative(int[] docs, int held) throws IOException {
      long[] keys = idKeysOf(docs, held);
      int[] order = new int[held];
      for (int i = 0; i < held; i++) {
        order[i] = i;
      }
      return docs[CandidatePairs.representative(order, held, i -> keys[i])];
    }

    /** The {@value #ID_KEY}s of {@code docs[0..n)}, sorted global documents (0 when absent). */
    private long[] idKeysOf(int[] docs, int n) throws IOException {
      long[] keys = new long[n];
      List<LeafReaderContext> leaves = reader.leaves();
      int l = 0;
      NumericDocValues values = null;
      for (int i = 0; i < n; i++) {
        int doc = docs[i];
        while (l + 1 < leaves.size() && leaves.get(l + 1).docBase <= doc) {
          l++;
          values = null;
        }
        LeafReaderContext leaf = leaves.get(l);
        if (values == null) {
          values = leaf.reader().getNumericDocValues(ID_KEY);
        }
        keys[i] = values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
      }
      return keys;
    }

    /** The id keys of the candidates' documents. */
    private Map<Integer, Long> idKeys(List<Candidate> candidates) {
      int[] docs = candidates.stream().mapToInt(Candidate::doc).sorted().toArray();
      Map<Integer, Long> keys = new HashMap<>();
      try {
        long[] values = idKeysOf(docs, docs.length);
        for (int i = 0; i < docs.length; i++) {
          keys.put(docs[i], values[i]);
        }
      } catch (IOException e) {
        throw damaged("ordering candidates", e);
      }
      return keys;
    }

    private static boolean anyDeletions(List<LeafReaderContext> leaves) {
      for (LeafReaderContext leaf : leaves) {
        if (leaf.reader().hasDeletions()) {
          return true;
        }
      }
      return false;
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
              String id = fields.document(leaf.docBase + d, java.util.Set.of(ID)).get(ID);
              if (id != null) {
                ids.add(id);
              }
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
                    + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")",
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

    @Override
    public void close() {
      closeQuietly(reader);
      closeQuietly(directory);
    }
  }

  /**
   * The first line of a message, printable: Lucene quotes damaged bytes (a codec name read from
   * a flipped header) into its messages, which must not break the one line a user gets.
   */
  private static String firstLine(String s) {
    if (s == null) {
      return "no message";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      out.append(Character.isISOControl(c) || c == '\uFFFD' ? '?' : c);
    }
    return out.toString();
  }
}
