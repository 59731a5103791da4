package dev.refrain.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ArticleLoader#stream}: articles and problems one at a time in reading order, and JSON
 * Lines files and JSON arrays of any size read a record at a time with a limit per record.
 */
class ArticleStreamTest {

  @TempDir Path dir;

  private static String shown(Path p) {
    return p.toString().replace(File.separatorChar, '/');
  }

  private Path write(String rel, String text) throws IOException {
    return write(rel, text.getBytes(UTF_8));
  }

  private Path write(String rel, byte[] bytes) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private static ArticleLoader limit(long maxFileBytes) {
    return new ArticleLoader(new LoaderOptions(maxFileBytes));
  }

  private static String record(String id, String text) {
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\"}";
  }

  /** {@code count} JSON Lines records of about 40 bytes, ids {@code r0} and up. */
  private static String records(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(record("r" + i, "text of record " + i)).append('\n');
    }
    return sb.toString();
  }

  private static List<String> ids(List<Article> articles) {
    return articles.stream().map(Article::id).toList();
  }

  private static List<String> lines(List<LoadProblem> problems) {
    return problems.stream().map(LoadProblem::toLine).toList();
  }

  // --- order

  @Test
  void handsOutArticlesAndProblemsInReadingOrder() throws IOException {
    write("d/b.txt", "bee");
    write("d/a/z.jsonl", record("z2", "two") + "\n{bad\n" + record("z1", "one") + "\n");
    write("d/a/y.txt", new byte[] {0, 1, 2});
    Path single = write("c.txt", "sea");
    String d = shown(dir.resolve("d"));

    BothWays.Streamed s =
        BothWays.stream(new ArticleLoader(), List.of(shown(single), dir.resolve("d").toString()));

    assertEquals(
        List.of(
            "article c",
            "problem refrain: " + d + "/a/y.txt: skipped: binary file",
            "article z2",
            "problem refrain: "
                + d
                + "/a/z.jsonl:2: skipped: invalid JSON: Unexpected character ('b' (code 98)):"
                + " was expecting double-quote to start field name",
            "article z1",
            "article b"),
        s.events());
  }

  @Test
  void reportsADuplicateIdRightAfterItsRecord() throws IOException {
    Path feed =
        write(
            "feed.jsonl",
            record("a", "first") + "\n" + record("b", "bee") + "\n" + record("a", "again") + "\n");
    String p = shown(feed);

    BothWays.Streamed s = BothWays.stream(limit(50), List.of(p));
    LoadResult loaded = BothWays.load(limit(50), List.of(p));

    assertEquals(
        List.of(
            "article a",
            "article b",
            "problem refrain: "
                + p
                + ":3: skipped: duplicate article id \"a\" (first in "
                + p
                + "#1)"),
        s.events());
    assertEquals("first", loaded.articles().get(0).text());
  }

  @Test
  void keepsTheFirstOfDuplicateIdsAcrossStreamedFiles() throws IOException {
    Path one = write("d/1.jsonl", records(40));
    write("d/2.json", "[" + record("r7", "again") + ", " + record("new", "new") + "]");

    LoadResult r = BothWays.load(limit(100), List.of(dir.resolve("d").toString()));

    assertEquals(41, r.articles().size());
    assertEquals(
        List.of(
            LoadProblem.skipped(
                shown(dir.resolve("d/2.json")) + ":1",
                "duplicate article id \"r7\" (first in " + shown(one) + "#8)")),
        r.problems());
  }

  @Test
  void givesTheSinkWhatItThrowsAndClosesTheFile() throws IOException {
    Path feed = write("feed.jsonl", records(10));
    ArticleSink stopping =
        ArticleSink.of(
            a -> {
              throw new IllegalStateException("stop at " + a.id());
            },
            p -> {});

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> limit(100).stream(List.of(feed.toString()), stopping));

    assertEquals("stop at r0", e.getMessage());
    Files.delete(feed);
  }

  @Test
  void refusesNullPathsBeforeReadingAny() throws IOException {
    Path f = write("a.txt", "a");
    List<String> paths = new ArrayList<>();
    paths.add(f.toString());
    paths.add(null);
    List<Article> seen = new ArrayList<>();

    assertThrows(
        NullPointerException.class,
        () -> new ArticleLoader().stream(paths, ArticleSink.of(seen::add, p -> {})));
    assertEquals(List.of(), seen);
  }

  // --- JSON Lines of any size

  @Test
  void streamsAJsonLinesFileFarOverTheLimitWhole() throws IOException {
    Path feed = write("big.jsonl", records(20_000));
    assertTrue(Files.size(feed) > 700 * 1000L, "the file is over 700 times the limit");

    LoadResult r = BothWays.load(limit(1000), List.of(feed.toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(20_000, r.articles().size());
    assertTrue(r.articles().stream().anyMatch(a -> a.path().equals(shown(feed) + "#20000")));
  }

  @Test
  void handsOutRecordsBeforeTheFileIsReadToItsEnd() throws IOException {
    // The sink adds a record to the end of the file on seeing the first: a loader that had read
    // the file before handing anything out would never see it.
    Path feed = write("growing.jsonl", records(5_000));
    List<String> ids = new ArrayList<>();
    ArticleSink appending =
        ArticleSink.of(
            a -> {
              if (ids.isEmpty()) {
                append(feed, record("appended", "written while the file was read") + "\n");
              }
              ids.add(a.id());
            },
            p -> ids.add("problem " + p.toLine()));

    limit(1000).stream(List.of(feed.toString()), appending);

    assertEquals(5_001, ids.size());
    assertEquals("appended", ids.get(5_000));
  }

  @Test
  void skipsARecordOverTheLimitNamingItsLine() throws IOException {
    String big = record("big", "x".repeat(200));
    Path feed =
        write("feed.jsonl", record("a", "alpha") + "\r\n" + big + "\r\n" + record("c", "c"));
    int size = big.length() + 1; // with its carriage return

    LoadResult r = BothWays.load(limit(100), List.of(feed.toString()));

    assertEquals(List.of("a", "c"), ids(r.articles()));
    assertEquals(
        List.of(
            "refrain: " + shown(feed) + ":2: skipped: too large (" + size + " bytes; limit 100)"),
        lines(r.problems()));
  }

  @Test
  void keepsARecordExactlyAtTheLimit() throws IOException {
    String exact = record("e", "é “q”");
    int bytes = exact.getBytes(UTF_8).length;
    Path feed = write("feed.jsonl", exact + "\n" + record("o", "pad") + "\n");

    LoadResult fits = BothWays.load(limit(bytes), List.of(feed.toString()));
    LoadResult over = BothWays.load(limit(bytes - 1), List.of(feed.toString()));

    assertEquals(List.of("e", "o"), ids(fits.articles()));
    assertEquals(
        List.of(
            LoadProblem.skipped(
                shown(feed) + ":1", "too large (" + bytes + " bytes; limit " + (bytes - 1) + ")")),
        over.problems());
  }

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("UTF-8", new byte[0], UTF_8),
        Arguments.of("UTF-8 with BOM", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, UTF_8),
        Arguments.of("UTF-16BE", new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE),
        Arguments.of("UTF-16LE", new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
        Arguments.of("windows-1252", new byte[0], Charset.forName("windows-1252")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void decodesAStreamedFileAsTheSameFileReadWhole(String name, byte[] bom, Charset charset)
      throws IOException {
    // Line 3 holds U+0A00 U+4100: in UTF-16LE the bytes 00 0A 00 41, whose middle pair would be a
    // line feed if the lines were split off the 2-byte grid.
    List<String> records =
        List.of(
            record("a", "Zürich “news” é"),
            record("b", "Genève") + "\r",
            charset.newEncoder().canEncode("\u0a00\u4100")
                ? record("c", "\u0a00\u4100 grid")
                : record("c", "grid"));
    int longest = records.stream().mapToInt(r -> r.getBytes(charset).length).max().orElseThrow();
    byte[] body = (String.join("\n", records) + "\n").getBytes(charset);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    Path feed = write("feed.jsonl", bytes);

    LoadResult whole = BothWays.load(limit(1 << 20), List.of(feed.toString()));
    LoadResult streamed = BothWays.load(limit(longest), List.of(feed.toString()));

    assertTrue(bytes.length > longest, "the file is over the limit");
    assertEquals(whole, streamed);
    assertEquals(List.of("a", "b", "c"), ids(streamed.articles()));
    assertEquals("Zürich “news” é", streamed.articles().get(0).text());
  }

  @Test
  void warnsOnceForAStreamedFileThatIsNotUtf8() throws IOException {
    byte[] cp1252 = (record("a", "caf\u00e9") + "\n").getBytes(Charset.forName("windows-1252"));
    byte[] ascii = records(30).getBytes(UTF_8);
    byte[] bytes = new byte[ascii.length + cp1252.length];
    System.arraycopy(ascii, 0, bytes, 0, ascii.length);
    System.arraycopy(cp1252, 0, bytes, ascii.length, cp1252.length);
    Path feed = write("mixed.jsonl", bytes);

    BothWays.Streamed s = BothWays.stream(limit(100), List.of(feed.toString()));

    assertEquals(
        "problem refrain: " + shown(feed) + ": warning: not valid UTF-8; read as windows-1252",
        s.events().get(0));
    assertEquals(1, s.problems().size());
    assertEquals("café", s.articles().get(30).text());
  }

  @Test
  void skipsALineThatIsNoLongerUtf8WhenTheFileChangesWhileRead() throws IOException {
    Path feed = write("changing.jsonl", records(5_000));
    byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'};
    List<LoadProblem> problems = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    ArticleSink appending =
        ArticleSink.of(
            a -> {
              if (articles.isEmpty()) {
                append(feed, bad);
              }
              articles.add(a);
            },
            problems::add);

    limit(1000).stream(List.of(feed.toString()), appending);

    assertEquals(5_000, articles.size());
    assertEquals(
        List.of(
            LoadProblem.skipped(
                shown(feed) + ":5001", "not valid UTF-8 (the file changed while it was read)")),
        problems);
  }

  @Test
  void reportsBinaryAndBlankStreamedFilesAsWholeFiles() throws IOException {
    byte[] binary = new byte[5000];
    binary[10] = 0;
    Path bin = write("bin.jsonl", binary);
    Path blank = write("blank.jsonl", " \n".repeat(3000) + "\u00a0\n");

    LoadResult r = BothWays.load(limit(100), List.of(bin.toString(), blank.toString()));

    assertEquals(
        List.of(
            LoadProblem.skipped(shown(bin), "binary file"),
            LoadProblem.skipped(shown(blank), "empty article")),
        r.problems());
  }

  // --- JSON arrays of any size

  @Test
  void streamsAJsonArrayFarOverTheLimit() throws IOException {
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < 5_000; i++) {
      sb.append(i == 0 ? "" : ",\n").append(record("e" + i, "element " + i));
    }
    Path f = write("big.json", sb.append("\n]\n").toString());

    LoadResult r = BothWays.load(limit(100), List.of(f.toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(5_000, r.articles().size());
    assertTrue(r.articles().stream().anyMatch(a -> a.path().equals(shown(f) + "#4999")));
  }

  @Test
  void skipsAnArrayElementOverTheLimitWithItsSizeInBytes() throws IOException {
    String big = "{\"id\": \"big\", \"text\": \"" + "é".repeat(60) + "\", \"x\": [1, {\"y\": 2}]}";
    int bytes = big.getBytes(UTF_8).length;
    Path f =
        write(
            "arr.json",
            "[\n" + record("a", "alpha") + ",\n  " + big + ",\n" + record("c", "gamma") + "\n]");

    LoadResult r = BothWays.load(limit(100), List.of(f.toString()));

    assertEquals(List.of("a", "c"), ids(r.articles()));
    assertEquals(shown(f) + "#2", r.articles().get(1).path());
    assertEquals(
        List.of(
            LoadProblem.skipped(
                shown(f) + ":3", "element 1: too large (" + bytes + " bytes; limit 100)")),
        r.problems());
  }

  @Test
  void stillSkipsAJsonObjectFileOverTheLimitWhole() throws IOException {
    Path f = write("one.json", "  \n" + record("one", "x".repeat(200)));
    long size = Files.size(f);

    LoadResult r = BothWays.load(limit(100), List.of(f.toString()));

    assertEquals(
        List.of(LoadProblem.skipped(shown(f), "too large (" + size + " bytes; limit 100)")),
        r.problems());
  }

  @Test
  void reportsAnArrayOverTheLimitThatIsNotJsonAtTheLineItBreaks() throws IOException {
    Path f = write("broken.json", "[\n" + records(5).replace("}\n", "},\n") + "{oops}\n]");

    LoadResult r = BothWays.load(limit(100), List.of(f.toString()));

    assertEquals(5, r.articles().size());
    assertEquals(1, r.problems().size());
    assertEquals(shown(f) + ":7", r.problems().get(0).path());
    assertTrue(r.problems().get(0).message().startsWith("invalid JSON: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void measuresAnArrayElementInTheBytesOfTheFile(String name, byte[] bom, Charset charset)
      throws IOException {
    String wide = "{\"id\": \"w\", \"text\": \"Genève “news” é\", \"more\": {\"k\": [1, 2]}}";
    String body = "[" + record("a", "alpha") + ",\n " + wide + ",\n" + record("c", "c") + "]";
    byte[] text = body.getBytes(charset);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(text, 0, bytes, bom.length, text.length);
    Path f = write("arr.json", bytes);
    int size = wide.getBytes(charset).length;

    LoadResult fits = BothWays.load(limit(size), List.of(f.toString()));
    LoadResult over = BothWays.load(limit(size - 1), List.of(f.toString()));

    assertEquals(List.of("a", "c", "w"), ids(fits.articles()));
    assertEquals(
        List.of("element 1: too large (" + size + " bytes; limit " + (size - 1) + ")"),
        over.problems().stream()
            .filter(p -> p.kind() == LoadProblem.Kind.SKIPPED)
            .map(LoadProblem::message)
            .toList());
  }

  @Test
  void skipsTheRestOfAJsonArrayThatIsNoLongerUtf8WhenItChangesWhileRead() throws IOException {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 3_000; i++) {
      sb.append(record("e" + i, "element " + i)).append(",\n");
    }
    Path f = write("open.json", sb.toString());
    List<LoadProblem> problems = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    ArticleSink appending =
        ArticleSink.of(
            a -> {
              if (articles.isEmpty()) {
                append(f, new byte[] {'"', (byte) 0xE9, '"', ']'});
              }
              articles.add(a);
            },
            problems::add);

    limit(1000).stream(List.of(f.toString()), appending);

    assertEquals(3_000, articles.size());
    assertEquals(
        List.of(
            LoadProblem.skipped(shown(f), "not valid UTF-8 (the file changed while it was read)")),
        problems);
  }

  private static void append(Path file, String text) {
    append(file, text.getBytes(UTF_8));
  }

  private static void append(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
