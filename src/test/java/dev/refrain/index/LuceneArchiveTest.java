package dev.refrain.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.Detector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneArchiveTest {
  static final DetectorOptions OPTIONS = DetectorOptions.defaults().withThreads(1);
  static final Detector DETECTOR = new Detector(OPTIONS);
  static final IndexSettings SETTINGS = IndexSettings.of(OPTIONS);

  @TempDir Path dir;

  void add(Article... articles) throws ArchiveException {
    try (LuceneArchive.Writer w = LuceneArchive.openWriter(dir, SETTINGS)) {
      for (Article a : articles) {
        w.add(DETECTOR.prepare(a));
      }
    }
  }

  @Test
  void addsReopensReplacesAndRemoves() throws Exception {
    add(Article.of("a", "first text of a"), Article.of("b", "text of b"));
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      assertEquals(2, r.size());
      assertEquals(List.of("a", "b"), r.ids());
      assertEquals("first text of a", r.article(r.docOf("a")).text());
      assertEquals(SETTINGS, r.settings());
    }
    add(Article.of("a", "second text of a"), Article.of("c", "text of c"));
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      assertEquals(3, r.size(), "re-adding id a replaced it");
      assertEquals("second text of a", r.article(r.docOf("a")).text());
    }
    try (LuceneArchive.Writer w = LuceneArchive.openWriter(dir, SETTINGS)) {
      assertEquals(List.of("nope"), w.remove(List.of("b", "nope", "nope")));
    }
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      assertEquals(List.of("a", "c"), r.ids());
      assertEquals(-1, r.docOf("b"));
      assertTrue(r.sizeOnDisk() > 0);
    }
  }

  @Test
  void keepsMetadata() throws Exception {
    add(new Article("x", "in/x.json#1", "some text here", "AFP", "A title", "2023-06-14"));
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      Article x = r.article(r.docOf("x"));
      assertEquals(new Article("x", "in/x.json#1", "some text here", "AFP", "A title", "2023-06-14"), x);
    }
  }

  @Test
  void refusesToOpenWithOtherSettingsSayingHowToRebuild() throws Exception {
    add(Article.of("a", "text"));
    IndexSettings other =
        IndexSettings.of(
            new DetectorOptions(4, 10, 8, 8, 0.5, 3, 200, 1, OPTIONS.seed()));
    ArchiveException e =
        assertThrows(ArchiveException.class, () -> LuceneArchive.openWriter(dir, other));
    assertEquals(ArchiveException.Reason.SETTINGS_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("shingleSize is 5 in the index, 4 here"), e.getMessage());
    assertTrue(e.getMessage().contains("refrain index add"), e.getMessage());
  }

  @Test
  void refusesAnIndexOfTheOlderFormatNamingItAndLeavesItAsItIs() throws Exception {
    add(Article.of("a", "an archived text of some twenty words or so, long enough to hold a few"
        + " fingerprints of its own for the index"));
    FormatStamp.stamp(dir, IndexSettings.FORMAT - 1);
    java.util.Map<String, String> before = FormatStamp.files(dir);
    for (org.junit.jupiter.api.function.Executable open :
        List.<org.junit.jupiter.api.function.Executable>of(
            () -> LuceneArchive.openReader(dir),
            () -> LuceneArchive.openWriter(dir, SETTINGS),
            () -> LuceneArchive.readSettings(dir))) {
      ArchiveException e = assertThrows(ArchiveException.class, open);
      assertEquals(ArchiveException.Reason.SETTINGS_MISMATCH, e.reason());
      assertEquals(
          dir + ": index format " + (IndexSettings.FORMAT - 1) + ", this refrain reads format "
              + IndexSettings.FORMAT + " (written by an older refrain; left as it is): rebuild it"
              + " from the articles with refrain index add <paths> --index NEW_DIR",
          e.getMessage());
    }
    assertEquals(before, FormatStamp.files(dir), "no file written, changed or deleted");
  }

  @Test
  void saysWhenThereIsNoIndex() {
    ArchiveException e =
        assertThrows(ArchiveException.class, () -> LuceneArchive.openReader(dir.resolve("none")));
    assertEquals(ArchiveException.Reason.MISSING, e.reason());
    assertTrue(e.getMessage().contains("refrain index add"), e.getMessage());
  }

  @Test
  void reportsADamagedIndexWithoutTouchingIt() throws Exception {
    add(Article.of("a", "text one two three four five six"));
    Path segments;
    try (Stream<Path> files = Files.list(dir)) {
      segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segments);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(segments, bytes);
    ArchiveException e = assertThrows(ArchiveException.class, () -> LuceneArchive.openReader(dir));
    assertEquals(ArchiveException.Reason.CORRUPT, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(segments)), "left as it was");
  }

  @Test
  void refusesAFolderOfOtherFilesAndDeletesNoneOfThem() throws Exception {
    // A Lucene writer deletes unreferenced files named like its own: these two, before the fix.
    Files.writeString(dir.resolve("_notes.txt"), "my notes");
    Files.writeString(dir.resolve("_2024_budget.xlsx"), "numbers");
    ArchiveException e =
        assertThrows(ArchiveException.class, () -> LuceneArchive.openWriter(dir, SETTINGS));
    assertEquals(ArchiveException.Reason.FOREIGN_FILES, e.reason());
    assertEquals(
        dir + ": not empty and not a refrain index (it holds _2024_budget.xlsx, _notes.txt);"
            + " refrain creates an index only in a new or empty folder: give --index another folder",
        e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("_2024_budget.xlsx", "_notes.txt"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "nothing written, nothing deleted");
    }
    assertEquals("my notes", Files.readString(dir.resolve("_notes.txt")));
  }

  @Test
  void createsAnIndexInAMissingOrEmptyFolderWithItsMarker() throws Exception {
    add(Article.of("a", "text of a"));
    assertTrue(Files.isRegularFile(dir.resolve(LuceneArchive.MARKER)));
    Path fresh = dir.resolve("new/deeper");
    try (LuceneArchive.Writer w = LuceneArchive.openWriter(fresh, SETTINGS)) {
      w.add(DETECTOR.prepare(Article.of("b", "text of b")));
    }
    assertTrue(Files.isRegularFile(fresh.resolve(LuceneArchive.MARKER)));
  }

  @Test
  void refusesAnIndexThatHoldsAFileLuceneWouldDelete() throws Exception {
    add(Article.of("a", "text of a"));
    Files.writeString(dir.resolve("_notes.txt"), "my notes");
    Files.writeString(dir.resolve("notes.txt"), "a writer leaves this one alone");
    ArchiveException e =
        assertThrows(ArchiveException.class, () -> LuceneArchive.openWriter(dir, SETTINGS));
    assertEquals(ArchiveException.Reason.FOREIGN_FILES, e.reason());
    assertTrue(e.getMessage().contains("(_notes.txt); move them out"), e.getMessage());
    assertEquals("my notes", Files.readString(dir.resolve("_notes.txt")));
    Files.delete(dir.resolve("_notes.txt"));
    add(Article.of("b", "text of b"));
    assertEquals("a writer leaves this one alone", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void recognisesAnIndexWrittenBeforeTheMarkerAndMarksIt() throws Exception {
    add(Article.of("a", "text of a"));
    Files.delete(dir.resolve(LuceneArchive.MARKER));
    add(Article.of("b", "text of b"));
    assertTrue(Files.isRegularFile(dir.resolve(LuceneArchive.MARKER)));
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      assertEquals(List.of("a", "b"), r.ids());
    }
  }

  @Test
  void refusesALuceneIndexThatIsNotRefrains() throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
        org.apache.lucene.index.IndexWriter w =
            new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
      w.addDocument(new org.apache.lucene.document.Document());
      w.commit();
    }
    ArchiveException e =
        assertThrows(ArchiveException.class, () -> LuceneArchive.openWriter(dir, SETTINGS));
    assertEquals(ArchiveException.Reason.FOREIGN_FILES, e.reason());
    assertTrue(e.getMessage().contains("not a refrain index"), e.getMessage());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "_notes.txt, true",
    "_2024_budget.xlsx, true",
    "_breaking.txt, true",
    "segments_notes.txt, true",
    "segments_a1, false",
    "pending_segments_2, false",
    "write.lock, false",
    "refrain-index.properties, false",
    "_0.cfs, false",
    "_0.cfe, false",
    "_0.si, false",
    "_1_Lucene90_0.dvd, false",
    "_3_Lucene912_0.psm, false",
    "_a_1.liv, false",
    "_0_fdt_0.tmp, false",
    "notes.txt, false",
    "Notes.cfs, false",
  })
  void tellsFilesLuceneWouldDeleteButDidNotWrite(String name, boolean foreign) {
    assertEquals(foreign, LuceneArchive.deletableButForeign(name), name);
  }

  @Test
  void refusesASecondWriter() throws Exception {
    add(Article.of("a", "text"));
    try (LuceneArchive.Writer first = LuceneArchive.openWriter(dir, SETTINGS)) {
      ArchiveException e =
          assertThrows(ArchiveException.class, () -> LuceneArchive.openWriter(dir, SETTINGS));
      assertEquals(ArchiveException.Reason.LOCKED, e.reason());
    }
  }

  @Test
  void findsCandidatesByFingerprintsAndProposesTheRepresentativeOfThoseAboveTheBucketCap()
      throws Exception {
    String quote =
        "We are not going to Beijing with the intention of making progress or bringing about"
            + " transformations, the official said.";
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // In the middle of each article: the same quote at five articles' tails would be template.
      articles.add(
          Article.of(
              "with-" + i,
              ArchiveWriterProcess.text(1000 + i) + quote + " " + ArchiveWriterProcess.text(3000 + i)));
    }
    articles.add(Article.of("without", ArchiveWriterProcess.text(2000)));
    add(articles.toArray(Article[]::new));
    long[] keys =
        java.util.Arrays.stream(DETECTOR.prepare(Article.of("new", quote)).fingerprints().hashes())
            .distinct().sorted().toArray();
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      List<String> found =
          r.candidates(keys, 200, 100).stream().map(c -> r.article(c.doc()).id()).sorted().toList();
      assertEquals(List.of("with-0", "with-1", "with-2", "with-3", "with-4"), found);
      // Every fingerprint is in 5 articles > cap 4: each proposes its representative alone, the
      // holder of least id key, and says so.
      LuceneArchive.CandidateSearch capped = r.candidateSearch(keys, 4, 100);
      String representative =
          java.util.stream.IntStream.range(0, 5).mapToObj(i -> "with-" + i)
              .min(java.util.Comparator.comparingLong(LuceneArchive::idKey)).orElseThrow();
      assertEquals(List.of(representative),
          capped.candidates().stream().map(c -> r.article(c.doc()).id()).toList());
      assertEquals(keys.length, capped.cappedFingerprints());
      assertEquals(1, capped.representatives());
      assertEquals(1, r.candidateSearch(keys, 4, 100).representatives(), "the same from the cache");
      assertEquals(2, r.candidates(keys, 200, 2).size(), "limit holds");
    }
  }

  /** Starts the writer process; it prints "committed N" after each batch. */
  Process startWriter(int batches, int batchSize) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"),
            ArchiveWriterProcess.class.getName(), dir.toString(),
            Integer.toString(batches), Integer.toString(batchSize))
        .redirectErrorStream(true)
        .start();
  }

  @Test
  void survivesAWriterKilledMidAdd() throws Exception {
    Process writer = startWriter(0, 40);
    int committed = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed = Integer.parseInt(line.substring(10));
          if (committed >= 200) {
            break;
          }
        }
      }
      // Still adding the next batch: kill -9 now.
      writer.destroyForcibly();
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(committed >= 200, "the writer committed before it was killed");
    try (FSDirectory d = FSDirectory.open(dir); CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean, "the index is clean after kill -9");
    }
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      assertTrue(r.size() >= committed, r.size() + " < " + committed);
      assertEquals(0, r.size() % 40, "only whole commits are visible");
      for (int n = 0; n < committed; n++) {
        int doc = r.docOf("article-" + n);
        assertTrue(doc >= 0, "article-" + n + " from before the kill is there");
        assertEquals(ArchiveWriterProcess.text(n), r.article(doc).text());
      }
    }
    add(Article.of("after", "the index takes new articles after the crash"));
  }

  @Test
  void readersSeeAConsistentIndexWhileAnotherProcessAdds() throws Exception {
    add(Article.of("seed", "a first article so the index exists"));
    Process writer = startWriter(15, 30);
    int views = 0;
    try {
      while (writer.isAlive() || views == 0) {
        try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
          int size = r.size();
          assertEquals(1, size % 30, "a view holds whole commits only: " + size);
          for (int n = 0; n < size - 1; n++) {
            assertEquals(ArchiveWriterProcess.text(n), r.article(r.docOf("article-" + n)).text());
          }
          views++;
        }
      }
      assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
      String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, writer.exitValue(), output);
    } finally {
      writer.destroyForcibly();
    }
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      assertEquals(15 * 30 + 1, r.size());
    }
    assertTrue(views > 0);
  }

  /**
   * The entry layout written into an array is the one {@link java.io.DataOutputStream} wrote
   * (indexes of format 3 written before stay readable), and reads back; a cut entry is damage.
   */
  @Test
  void entryBytesAreTheDataOutputLayoutAndReadBack() throws Exception {
    long[] hashes = {Long.MIN_VALUE, -1L, 0L, 42L, Long.MAX_VALUE, 0x0102030405060708L};
    int[] positions = {0, 3, 200, 16_500, 2_100_000, 300_000_000};
    dev.refrain.minhash.Fingerprints fp = new dev.refrain.minhash.Fingerprints(hashes, positions);
    for (Article a :
        List.of(
            new Article("id-é\u4e2d", "p", "text", "The Sourcé", null, null),
            new Article("b", "p", "text", null, null, null))) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
        for (String s : new String[] {a.id(), a.source()}) {
          if (s == null) {
            out.writeInt(-1);
          } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
          }
        }
        for (int v : new int[] {1234, hashes.length}) {
          writeVarint(out, v);
        }
        int previous = 0;
        for (int i = 0; i < hashes.length; i++) {
          out.writeLong(hashes[i]);
          writeVarint(out, positions[i] - previous);
          previous = positions[i];
        }
      }
      byte[] encoded = LuceneArchive.encodeEntry(a, 1234, fp);
      org.junit.jupiter.api.Assertions.assertArrayEquals(bytes.toByteArray(), encoded);
      byte[] padded = new byte[encoded.length + 7];
      System.arraycopy(encoded, 0, padded, 3, encoded.length);
      LuceneArchive.Entry e =
          LuceneArchive.decodeEntry(new org.apache.lucene.util.BytesRef(padded, 3, encoded.length));
      assertEquals(a.id(), e.id());
      assertEquals(a.source(), e.source());
      assertEquals(1234, e.words());
      org.junit.jupiter.api.Assertions.assertArrayEquals(hashes, e.fingerprints().hashes());
      org.junit.jupiter.api.Assertions.assertArrayEquals(positions, e.fingerprints().positions());
      assertThrows(
          IOException.class,
          () -> LuceneArchive.decodeEntry(
              new org.apache.lucene.util.BytesRef(encoded, 0, encoded.length - 3)));
    }
  }

  private static void writeVarint(java.io.DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }
}
