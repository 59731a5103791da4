package dev.refrain.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.LoadProblem.Kind;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleLoaderTest {

  @TempDir Path dir;

  private final ArticleLoader loader = new ArticleLoader();

  /** How the loader reports {@code p}: the path as given, with {@code /} separators. */
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

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static List<String> ids(LoadResult r) {
    return r.articles().stream().map(Article::id).toList();
  }

  private static List<String> lines(LoadResult r) {
    return r.problems().stream().map(LoadProblem::toLine).toList();
  }

  // --- text files and decoding

  @Test
  void loadsTextFileExactlyAsWritten() throws IOException {
    Path f = write("story.txt", "  Hello\r\nworld \n\n");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.problems());
    Article a = r.articles().get(0);
    assertEquals("story", a.id());
    assertEquals(shown(f), a.path());
    assertEquals("  Hello\r\nworld \n\n", a.text());
    assertNull(a.title());
    assertNull(a.source());
    assertNull(a.published());
  }

  @Test
  void dropsUtf8ByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path f = write("bom.md", concat(bom, "# Café “quoted”\n".getBytes(UTF_8)));

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.problems());
    assertEquals("# Café “quoted”\n", r.articles().get(0).text());
    assertEquals("bom", r.articles().get(0).id());
  }

  @Test
  void readsInvalidUtf8AsWindows1252WithWarning() throws IOException {
    byte[] bytes =
        concat("He said ".getBytes(UTF_8), new byte[] {(byte) 0x93, 'h', 'i', (byte) 0x94});
    bytes = concat(bytes, new byte[] {' ', (byte) 0xE9, 't', (byte) 0xE9, '.'});
    Path f = write("cp.txt", bytes);

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals("He said “hi” été.", r.articles().get(0).text());
    assertEquals(
        List.of(LoadProblem.warning(shown(f), "not valid UTF-8; read as windows-1252")),
        r.problems());
    assertEquals(
        "refrain: " + shown(f) + ": warning: not valid UTF-8; read as windows-1252",
        r.problems().get(0).toLine());
    assertFalse(r.anySkipped());
  }

  @Test
  void decodesUtf16WithByteOrderMark() throws IOException {
    byte[] be =
        concat(
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            "Zürich “news”".getBytes(StandardCharsets.UTF_16BE));
    byte[] le =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "Genève\r\nline".getBytes(StandardCharsets.UTF_16LE));
    write("u/be.txt", be);
    write("u/le.txt", le);

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("u").toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(List.of("be", "le"), ids(r));
    assertEquals("Zürich “news”", r.articles().get(0).text());
    assertEquals("Genève\r\nline", r.articles().get(1).text());
  }

  @Test
  void readsUtf16WithoutAByteOrderMarkAsTextAndJsonLines() throws IOException {
    Path txt = write("n/le.txt", "Genève\r\nline".getBytes(StandardCharsets.UTF_16LE));
    write(
        "n/records.jsonl",
        "{\"id\": \"r1\", \"text\": \"Zürich “news”\"}\n{\"id\": \"r2\", \"text\": \"more\"}\n"
            .getBytes(StandardCharsets.UTF_16BE));

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("n").toString()));

    assertEquals(List.of("le", "r1", "r2"), ids(r));
    assertEquals("Genève\r\nline", r.articles().get(0).text());
    assertEquals("Zürich “news”", r.articles().get(1).text());
    assertEquals(
        List.of(
            "refrain: " + shown(txt) + ": warning: no byte order mark; read as UTF-16LE by its zero bytes",
            "refrain: " + shown(dir.resolve("n/records.jsonl"))
                + ": warning: no byte order mark; read as UTF-16BE by its zero bytes"),
        lines(r));
    assertFalse(r.anySkipped());
  }

  @Test
  void repairsAnUnpairedSurrogateInAJsonRecordNamingTheRecord() throws IOException {
    Path f =
        write(
            "s.jsonl",
            "{\"id\": \"a1\", \"text\": \"some words x\\ud800y\", \"title\": \"\\udc00\"}\n"
                + "{\"id\": \"a2\", \"text\": \"a pair \\ud83d\\ude00 is fine\"}\n");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals("some words x\uFFFDy", r.articles().get(0).text());
    assertEquals("\uFFFD", r.articles().get(0).title());
    assertEquals("a pair \uD83D\uDE00 is fine", r.articles().get(1).text());
    assertEquals(
        List.of(
            "refrain: " + shown(f) + ":1: warning: unpaired surrogate (not Unicode text) in text,"
                + " title replaced with U+FFFD"),
        lines(r));
  }

  // --- standard input

  private static ArticleLoader reading(String stdin, long limit) {
    return new ArticleLoader(
        new LoaderOptions(limit), new java.io.ByteArrayInputStream(stdin.getBytes(UTF_8)));
  }

  @Test
  void readsStandardInputAsOneArticle() throws IOException {
    Path f = write("a.txt", "a file");
    String text = "{not json} but an article that starts with a brace\nsecond line";

    LoadResult r = reading(text, LoaderOptions.DEFAULT_MAX_FILE_BYTES).load(List.of("-", f.toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(List.of("a", "stdin"), ids(r));
    assertEquals(new Article("stdin", "-", text, null, null, null), r.articles().get(1));
  }

  @Test
  void readsStandardInputAsJsonLinesWhenItsFirstLineIsAnObject() {
    String lines = "\n{\"id\": \"w1\", \"text\": \"wire copy\"}\n{\"id\": \"w2\", \"text\": \"more\"}\nnot json\n";

    LoadResult r = reading(lines, LoaderOptions.DEFAULT_MAX_FILE_BYTES).load(List.of("-", "-"));

    assertEquals(List.of("w1", "w2"), ids(r));
    assertEquals("-#2", r.articles().get(0).path());
    assertEquals(
        List.of(
            "refrain: -: warning: standard input named again; read once",
            "refrain: -:4: skipped: invalid JSON: Unrecognized token 'not': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
        lines(r));
  }

  @Test
  void readsJsonLinesOnStandardInputLargerThanTheSizeLimit() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      lines.append("{\"id\": \"r").append(i).append("\", \"text\": \"record ").append(i).append("\"}\n");
    }

    LoadResult big = reading(lines.toString(), 100).load(List.of("-"));
    LoadResult text = reading("x".repeat(101), 100).load(List.of("-"));

    assertEquals(20, big.articles().size(), big.problems().toString());
    assertEquals(List.of(), big.problems());
    assertEquals(List.of("refrain: -: skipped: too large (101 bytes; limit 100)"), lines(text));
  }

  // --- files that cannot be used

  @Test
  void skipsBinaryFileAndGoesOn() throws IOException {
    write("d/a.txt", "fine text");
    write("d/b.txt", new byte[] {'P', 'K', 3, 4, 0, 0, 'x'});
    byte[] controls = new byte[100];
    Arrays.fill(controls, (byte) 'a');
    for (int i = 0; i < 20; i++) {
      controls[i * 5] = 0x01;
    }
    write("d/c.txt", controls);
    write("d/e.txt", "still loads");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("d").toString()));

    assertEquals(List.of("a", "e"), ids(r));
    String d = shown(dir.resolve("d"));
    assertEquals(
        List.of(
            "refrain: " + d + "/b.txt: skipped: binary file",
            "refrain: " + d + "/c.txt: skipped: binary file"),
        lines(r));
    assertTrue(r.anySkipped());
    assertFalse(r.anyMissing());
  }

  @Test
  void keepsTextWithAFewControlCharacters() throws IOException {
    Path f = write("ctl.txt", "form\ffeed\ttab and one \u0007 bell in a longer line of text");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(1, r.articles().size());
  }

  @Test
  void skipsEmptyAndWhitespaceOnlyFiles() throws IOException {
    write("e/empty.txt", "");
    write("e/blank.md", " \n\t\r\n ");
    write("e/real.txt", "x");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("e").toString()));

    assertEquals(List.of("real"), ids(r));
    String e = shown(dir.resolve("e"));
    assertEquals(
        List.of(
            LoadProblem.skipped(e + "/blank.md", "empty article"),
            LoadProblem.skipped(e + "/empty.txt", "empty article")),
        r.problems());
  }

  @Test
  void skipsFileLargerThanLimit() throws IOException {
    ArticleLoader small = new ArticleLoader(new LoaderOptions(10));
    Path big = write("big.txt", "01234567890");
    Path fits = write("fits.txt", "0123456789");

    LoadResult r = BothWays.load(small, List.of(big.toString(), fits.toString()));

    assertEquals(List.of("fits"), ids(r));
    assertEquals(
        List.of("refrain: " + shown(big) + ": skipped: too large (11 bytes; limit 10)"), lines(r));
    assertEquals(64L * 1024 * 1024, new ArticleLoader().options().maxFileBytes());
  }

  @Test
  void reportsMissingPathAsMissing() throws IOException {
    Path real = write("real.txt", "text");
    String nope = shown(dir) + "/nope/";

    LoadResult r = BothWays.load(loader, List.of(nope, real.toString()));

    assertEquals(List.of("real"), ids(r));
    assertEquals(
        List.of(new LoadProblem(nope, Kind.MISSING, "no such file or directory")), r.problems());
    assertEquals("refrain: " + nope + ": no such file or directory", r.problems().get(0).toLine());
    assertTrue(r.anyMissing());
    assertFalse(r.anySkipped());
  }

  @Test
  void skipsAnUnsupportedFileNamingItWhetherNamedExplicitlyOrFoundInAFolder() throws IOException {
    Path pdf = write("f/report.pdf", "%PDF-1.4 not really");
    write("f/notes.txt", "notes");
    String skipped = ": skipped: unsupported file type; expected .txt, .md, .html, .json or .jsonl";

    LoadResult fromFolder = BothWays.load(loader, List.of(dir.resolve("f").toString()));
    LoadResult explicit = BothWays.load(loader, List.of(pdf.toString()));

    assertEquals(List.of("notes"), ids(fromFolder));
    assertEquals(List.of("refrain: " + shown(pdf) + skipped), lines(fromFolder));
    assertTrue(fromFolder.anySkipped());
    assertEquals(List.of(), explicit.articles());
    assertEquals(List.of("refrain: " + shown(pdf) + skipped), lines(explicit));
  }

  @Test
  void leavesOutWhatExcludeGlobsMatchWithoutAWord() throws IOException {
    write("f/report.pdf", "%PDF-1.4 not really");
    write("f/sub/scan.PDF", "%PDF-1.4");
    write("f/drafts/draft.txt", "a draft");
    write("f/2019/old.txt", "old");
    write("f/2019/keep/kept.txt", "kept");
    write("f/notes.txt", "notes");
    ArticleLoader excluding =
        new ArticleLoader(
            LoaderOptions.defaults().withExclude(List.of("*.pdf", "*.PDF", "drafts/", "2019/*.txt")));

    LoadResult r = BothWays.load(excluding, List.of(dir.resolve("f").toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(List.of("2019/keep/kept", "notes"), ids(r));
  }

  @Test
  void leavesOutWhatTheFoldersRefrainignoreLists() throws IOException {
    write("f/.refrainignore", "# not articles\n\n*.pdf\n/top.txt\nimages/\n");
    write("f/report.pdf", "%PDF-1.4");
    write("f/top.txt", "left out");
    write("f/sub/top.txt", "read: the leading / anchors the glob");
    write("f/images/logo.png", "png");
    write("f/story.txt", "story");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("f").toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(List.of("story", "sub/top"), ids(r));
  }

  @Test
  void aRefrainignoreLineItCannotUseIsASkippedLineNotASilentlyNarrowerLoad() throws IOException {
    write("f/.refrainignore", "*.pdf\n!keep.pdf\n[oops\n");
    write("f/story.txt", "story");
    String ignore = shown(dir.resolve("f")) + "/.refrainignore";

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("f").toString()));

    assertEquals(List.of("story"), ids(r));
    assertEquals(2, r.problems().size(), r.problems().toString());
    assertEquals(
        "refrain: " + ignore + ":2: skipped: a line starting with ! (re-include) is not supported;"
            + " not used",
        lines(r).get(0));
    assertTrue(lines(r).get(1).startsWith("refrain: " + ignore + ":3: skipped: '[oops' is not a"
        + " valid glob"), lines(r).get(1));
    assertTrue(r.anySkipped());
  }

  @Test
  void leavesOutWhatEachFoldersGitignoreListsAsGitDoes() throws IOException {
    write("f/.gitignore", "# drafts are not published\ndrafts/\n*.md\n!keep.md\n**/tmp/*.txt\n");
    write("f/drafts/a.txt", "left out: a folder listed");
    write("f/notes.md", "left out");
    write("f/keep.md", "read again by the ! line");
    write("f/tmp/t.txt", "left out: **/tmp in the folder itself");
    write("f/sub/tmp/t.txt", "left out: **/tmp in any folder");
    write("f/sub/.gitignore", "/local.txt\n!notes.md\n");
    write("f/sub/local.txt", "left out: anchored to sub");
    write("f/sub/notes.md", "read: sub's ! line is deeper than f's *.md");
    write("f/sub/deep/local.txt", "read: the anchor is sub itself");
    write("f/local.txt", "read: sub's .gitignore says nothing about f");
    write("f/story.txt", "story");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("f").toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(List.of("keep", "local", "story", "sub/deep/local", "sub/notes"), ids(r));
  }

  @Test
  void listsAFoldersFilesAsALoadReadsThem() throws IOException {
    write("f/.gitignore", "*.md\n[oops\n");
    write("f/sub/.refrainignore", "x.txt\n");
    write("f/sub/x.txt", "left out");
    write("f/sub/y.txt", "listed");
    write("f/notes.md", "left out");
    write("f/a.pdf", "listed: a load names it as skipped");
    write("f/.hidden.txt", "left out");

    ArticleLoader.FolderFiles listed = loader.folderFiles(dir.resolve("f"), "f");

    assertEquals(List.of("a.pdf", "sub/y.txt"), listed.relativePaths());
    assertEquals(dir.resolve("f/sub/y.txt"), listed.files().get("sub/y.txt"));
    assertEquals(1, listed.problems().size(), listed.problems().toString());
    assertEquals("f/.gitignore", listed.problems().get(0).fileKey());
    assertEquals(2, listed.problems().get(0).line());
    LoadResult r = loader.load(List.of(dir.resolve("f").toString()));
    assertEquals(List.of("sub/y"), ids(r));
  }

  @Test
  void aSubfoldersRefrainignoreLeavesOutWhatItListsUnderIt() throws IOException {
    write("f/sub/.refrainignore", "x.txt\n");
    write("f/sub/x.txt", "left out");
    write("f/sub/y/x.txt", "left out: a name at any depth under sub");
    write("f/x.txt", "read");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("f").toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(List.of("x"), ids(r));
  }

  @Test
  void aGitignoreLineItCannotUseIsASkippedLine() throws IOException {
    write("f/sub/.gitignore", "[oops\n");
    write("f/sub/story.txt", "story");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("f").toString()));

    assertEquals(List.of("sub/story"), ids(r));
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(lines(r).get(0).startsWith(
        "refrain: " + shown(dir.resolve("f")) + "/sub/.gitignore:1: skipped: '[oops' is not a valid glob"),
        lines(r).get(0));
  }

  @Test
  void rejectsAnInvalidExcludeGlobNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LoaderOptions.defaults().withExclude(List.of("{a,b")));
    assertTrue(e.getMessage().startsWith("'{a,b' is not a valid glob"), e.getMessage());
  }

  @Test
  void acceptsExtensionsInAnyCase() throws IOException {
    Path f = write("LOUD.TXT", "shouting");
    write("g/Page.HTM", "<p>page</p>");

    LoadResult r = BothWays.load(loader, List.of(f.toString(), dir.resolve("g").toString()));

    assertEquals(List.of("LOUD", "Page"), ids(r));
    assertEquals("page", r.articles().get(1).text());
  }

  // --- folders

  @Test
  void walksFoldersRecursivelyInPathOrder() throws IOException {
    write("root/b.txt", "b");
    write("root/a.md", "a");
    write("root/sub/a.txt", "sub a");
    write("root/sub/deeper/z.txt", "z");
    write("root/.hidden/x.txt", "hidden dir");
    write("root/.y.txt", "hidden file");
    write("root/image.png", "not an article");
    String arg = shown(dir.resolve("root")) + "/";

    LoadResult r = BothWays.load(loader, List.of(arg));

    assertEquals(
        List.of(
            LoadProblem.skipped(
                shown(dir.resolve("root")) + "/image.png", ArticleLoader.UNSUPPORTED)),
        r.problems(),
        "hidden entries are no input; a file of another type is named");
    assertEquals(List.of("a", "b", "sub/a", "sub/deeper/z"), ids(r));
    String root = shown(dir.resolve("root"));
    assertEquals(
        List.of(root + "/a.md", root + "/b.txt", root + "/sub/a.txt", root + "/sub/deeper/z.txt"),
        r.articles().stream().map(Article::path).toList());
    assertEquals("sub a", r.articles().get(2).text());
  }

  @Test
  void warnsAboutFolderWithoutArticles() throws IOException {
    write("nothing/readme.pdf", "x");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("nothing").toString()));

    assertEquals(List.of(), r.articles());
    assertEquals(
        List.of(
            LoadProblem.warning(
                shown(dir.resolve("nothing")), "no .txt, .md, .html, .json or .jsonl files found"),
            LoadProblem.skipped(
                shown(dir.resolve("nothing")) + "/readme.pdf", ArticleLoader.UNSUPPORTED)),
        r.problems());
  }

  @Test
  void loadsTheSameFileOnlyOnce() throws IOException {
    Path f = write("once/a.txt", "a");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("once").toString(), f.toString()));

    assertEquals(List.of("a"), ids(r));
    assertEquals(
        List.of(LoadProblem.warning(shown(f), "same file as " + shown(f) + "; loaded once")),
        r.problems());
  }

  // --- HTML

  @Test
  void extractsHtmlTextAndMetadata() throws IOException {
    Path f =
        write(
            "page.html",
            "<!doctype html><html><head><title>Blinken in Beijing</title>"
                + "<meta property=\"og:site_name\" content=\"DN\">"
                + "<meta property=\"article:published_time\" content=\"2023-06-18\">"
                + "<script>track()</script></head><body>"
                + "<p>The head of   US diplomacy.</p><script>alert(1)</script>"
                + "<p>Code: &lt;script&gt; stays.</p></body></html>");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.problems());
    Article a = r.articles().get(0);
    assertEquals("page", a.id());
    assertEquals("The head of US diplomacy.\n\nCode: <script> stays.", a.text());
    assertEquals("Blinken in Beijing", a.title());
    assertEquals("DN", a.source());
    assertEquals("2023-06-18", a.published());
  }

  @Test
  void skipsHtmlPageWithoutText() throws IOException {
    Path f = write("blank.htm", "<html><head><title>Only a title</title></head><body></body>");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.articles());
    assertEquals(List.of(LoadProblem.skipped(shown(f), "empty article")), r.problems());
  }

  // --- JSON

  @Test
  void loadsSingleJsonObject() throws IOException {
    Path f =
        write(
            "one.json",
            "{\"id\": \"art-1\", \"text\": \"Body\\nline\", \"source\": \"AP\","
                + " \"title\": \"T\", \"published\": \"2023-06-18\", \"extra\": [1]}");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(
        List.of(new Article("art-1", shown(f), "Body\nline", "AP", "T", "2023-06-18")),
        r.articles());
  }

  @Test
  void loadsJsonArrayWithIndexedPaths() throws IOException {
    Path f =
        write(
            "many.json",
            "[\n  {\"id\": 7, \"text\": \"seven\"},\n  {\"id\": \"b\", \"text\": 12},\n"
                + "  {\"id\": \"c\", \"text\": \"see\"}\n]\n");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of("7", "c"), ids(r));
    assertEquals(shown(f) + "#0", r.articles().get(0).path());
    assertEquals(shown(f) + "#2", r.articles().get(1).path());
    assertEquals(
        List.of(LoadProblem.skipped(shown(f) + ":3", "element 1: field \"text\" must be a string")),
        r.problems());
  }

  @Test
  void loadsJsonLinesAndSkipsOnlyTheMalformedLine() throws IOException {
    Path f =
        write(
            "feed.jsonl",
            "{\"id\": \"a\", \"text\": \"alpha\"}\n"
                + "\n"
                + "{\"id\": \"b\", \"title\": \"no text\"}\r\n"
                + "{\"id\": \"c\", \"text\": \"gamma\", \"source\": \"Reuters\"}\n"
                + "{not json\n"
                + "{\"id\": \"e\", \"text\": \"   \"}\n"
                + "[1, 2]\n"
                + "{\"text\": \"no id\"}\n"
                + "{\"id\": \"i\", \"text\": \"iota\"}\n"
                + "{\"id\": \"j\", \"text\": \"x\"} {\"id\": \"k\", \"text\": \"y\"}\n");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    String p = shown(f);
    assertEquals(List.of("a", "c", "i"), ids(r));
    assertEquals(
        List.of(p + "#1", p + "#4", p + "#9"), r.articles().stream().map(Article::path).toList());
    assertEquals("Reuters", r.articles().get(1).source());
    assertEquals(6, r.problems().size());
    assertEquals(
        "refrain: " + p + ":3: skipped: missing field \"text\"", r.problems().get(0).toLine());
    assertEquals(p + ":5", r.problems().get(1).path());
    assertTrue(
        r.problems().get(1).message().startsWith("invalid JSON: "), r.problems().get(1).message());
    assertEquals(LoadProblem.skipped(p + ":6", "empty article"), r.problems().get(2));
    assertEquals(LoadProblem.skipped(p + ":7", "expected a JSON object"), r.problems().get(3));
    assertEquals(LoadProblem.skipped(p + ":8", "missing field \"id\""), r.problems().get(4));
    assertEquals(p + ":10", r.problems().get(5).path());
    assertTrue(r.problems().get(5).message().startsWith("invalid JSON: "));
  }

  @Test
  void sortsProblemsByPathThenLineNumber() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      sb.append(
          i == 2 || i == 10 ? "{\"id\": \"x" + i + "\"}" : "{\"id\": " + i + ", \"text\": \"t\"}");
      sb.append('\n');
    }
    write("s/b.jsonl", sb.toString());
    write("s/a.txt", new byte[] {0, 1, 2});

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("s").toString()));

    String s = shown(dir.resolve("s"));
    assertEquals(
        List.of(s + "/a.txt", s + "/b.jsonl:2", s + "/b.jsonl:10"),
        r.problems().stream().map(LoadProblem::path).toList());
    assertEquals(10, r.articles().size());
  }

  @Test
  void skipsJsonFileThatIsNotJson() throws IOException {
    Path f = write("bad.json", "{\n  \"id\": \"a\",\n  \"text\": oops\n}");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.articles());
    assertEquals(1, r.problems().size());
    assertEquals(shown(f) + ":3", r.problems().get(0).path());
    assertTrue(r.problems().get(0).message().startsWith("invalid JSON: "));
  }

  @Test
  void skipsAnEmptyJsonArrayWithALine() throws IOException {
    Path f = write("none.json", "[ ]");

    LoadResult r = BothWays.load(loader, List.of(f.toString()));

    assertEquals(List.of(), r.articles());
    assertEquals(
        List.of("refrain: " + shown(f) + ": skipped: empty JSON array: no articles"),
        r.problems().stream().map(LoadProblem::toLine).toList());
  }

  @Test
  void reportsJsonRecordsThatAreNotArticles() throws IOException {
    Path scalar = write("scalar.json", "\"just a string\"");
    Path two =
        write("two.json", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}");
    Path odd =
        write(
            "odd.jsonl",
            "{\"id\": \"bin\", \"text\": \"a\\u0000b\"}\n"
                + "{\"id\": true, \"text\": \"t\"}\n"
                + "{\"id\": \"ok\", \"text\": \"fine\", \"title\": {\"x\": 1}}\n");

    LoadResult r =
        BothWays.load(loader, List.of(scalar.toString(), two.toString(), odd.toString()));

    assertEquals(List.of("a", "ok"), ids(r));
    assertNull(r.articles().get(1).title());
    String o = shown(odd);
    assertEquals(
        List.of(
            LoadProblem.skipped(o + ":1", "binary text"),
            LoadProblem.skipped(o + ":2", "field \"id\" must be a string or a number"),
            LoadProblem.warning(o + ":3", "field \"title\" is not a string; ignored"),
            LoadProblem.skipped(
                shown(scalar), "expected a JSON object or an array of JSON objects"),
            LoadProblem.skipped(
                shown(two) + ":2",
                "unexpected content after the JSON value (one object per line needs .jsonl)")),
        r.problems());
  }

  @Test
  void skipsAJsonIdNumberTooLargeToRead() throws IOException {
    Path f =
        write(
            "huge.jsonl",
            "{\"id\": 1e999, \"text\": \"t\"}\n"
                + "{\"id\": -1E400, \"text\": \"t\"}\n"
                + "{\"id\": 2.5, \"text\": \"t\"}\n");
    Path array = write("huge.json", "[{\"id\": 1e999, \"text\": \"t\"}]");

    LoadResult r = BothWays.load(loader, List.of(f.toString(), array.toString()));

    assertEquals(List.of("2.5"), ids(r));
    String tooLarge = "field \"id\" is a number too large to read; quote it";
    assertEquals(
        List.of(
            LoadProblem.skipped(shown(array) + ":1", "element 0: " + tooLarge),
            LoadProblem.skipped(shown(f) + ":1", tooLarge),
            LoadProblem.skipped(shown(f) + ":2", tooLarge)),
        r.problems());
  }

  @Test
  void rejectsNonPositiveSizeLimit() {
    assertThrows(IllegalArgumentException.class, () -> new LoaderOptions(0));
  }

  // --- ids

  @Test
  void keepsFirstOfDuplicateIds() throws IOException {
    Path first = write("one/story.txt", "first");
    write("two/story.md", "second");
    Path feed = write("two/z.jsonl", "{\"id\": \"story\", \"text\": \"third\"}\n");

    LoadResult r =
        BothWays.load(
            loader, List.of(dir.resolve("one").toString(), dir.resolve("two").toString()));

    assertEquals(1, r.articles().size());
    assertEquals("first", r.articles().get(0).text());
    String two = shown(dir.resolve("two"));
    assertEquals(
        List.of(
            "refrain: "
                + two
                + "/story.md: skipped: duplicate article id \"story\" (first in "
                + shown(first)
                + ")",
            "refrain: "
                + shown(feed)
                + ":1: skipped: duplicate article id \"story\" (first in "
                + shown(first)
                + ")"),
        lines(r));
  }

  @Test
  void sortsArticlesById() throws IOException {
    write("o/zeta.txt", "z");
    Path feed =
        write(
            "o/m.jsonl",
            "{\"id\": \"beta\", \"text\": \"b\"}\n{\"id\": \"Alpha\", \"text\": \"a\"}\n");

    LoadResult r = BothWays.load(loader, List.of(dir.resolve("o").toString(), feed.toString()));

    assertEquals(List.of("Alpha", "beta", "zeta"), ids(r));
    assertEquals(
        List.of(LoadProblem.warning(shown(feed), "same file as " + shown(feed) + "; loaded once")),
        r.problems());
  }

  // --- the real seeds

  @Test
  void loadsTheSeedsFolder() {
    LoadResult r = BothWays.load(loader, List.of("seeds/"));

    assertEquals(List.of(), r.problems());
    assertEquals(
        List.of(
            "000_c36cad3b898c0f9e",
            "001_3bf4201df3802dec",
            "002_00bb0b47ee1a1f3c",
            "003_1db7f69e6dbc993b",
            "004_e532a696cc3e8e02"),
        ids(r));
    Article first = r.articles().get(0);
    assertEquals("seeds/000_c36cad3b898c0f9e.txt", first.path());
    // 3373 bytes of UTF-8 on disk; curly quotes take 3 bytes but one char each.
    assertEquals(3373, first.text().getBytes(UTF_8).length);
    assertEquals(3337, first.text().length());
    assertTrue(first.text().startsWith("The head of US diplomacy, Antony Blinken,"));
    assertTrue(first.text().endsWith("Source: DN\n"));
  }

  @Test
  void namesSeedFileGivenDirectlyByItsFileName() {
    LoadResult r = BothWays.load(loader, List.of("seeds/003_1db7f69e6dbc993b.txt"));

    assertEquals(List.of("003_1db7f69e6dbc993b"), ids(r));
    assertEquals("seeds/003_1db7f69e6dbc993b.txt", r.articles().get(0).path());
    assertEquals(2719, r.articles().get(0).text().length());
  }
}
