package dev.refrain.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where articles' sources come from: their own fields, or the folders they sit in. */
class SourceFromTest {

  @TempDir Path dir;

  private final ArticleLoader byField = new ArticleLoader();
  private final ArticleLoader byFolder =
      new ArticleLoader(LoaderOptions.defaults().withSourceFrom(SourceFrom.FOLDER));

  @BeforeEach
  void writeCorpus() throws IOException {
    write("corpus/reuters/2023/a.txt", "Reuters text");
    write("corpus/reuters/b.md", "More Reuters text");
    write("corpus/c.txt", "At the top");
    write(
        "corpus/ap/page.html",
        "<html><head><meta property=\"og:site_name\" content=\"AP News\"></head>"
            + "<body><p>AP page</p></body></html>");
    write(
        "corpus/feeds/mixed.jsonl",
        "{\"id\": \"own\", \"text\": \"t\", \"source\": \"AFP\"}\n"
            + "{\"id\": \"none\", \"text\": \"t\"}\n"
            + "{\"id\": \"blank\", \"text\": \"t\", \"source\": \"  \"}\n"
            + "{\"id\": \"odd\", \"text\": \"t\", \"source\": {\"name\": \"x\"}}\n");
  }

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(UTF_8));
  }

  private static String shown(Path p) {
    return p.toString().replace(File.separatorChar, '/');
  }

  private static Map<String, String> sources(LoadResult r) {
    Map<String, String> out = new TreeMap<>();
    r.articles().forEach(a -> out.put(a.id(), String.valueOf(a.source())));
    return out;
  }

  @Test
  void takesSourcesFromFieldsByDefault() {
    LoadResult r = BothWays.load(byField, List.of(dir.resolve("corpus").toString()));

    assertEquals(SourceFrom.FIELD, LoaderOptions.defaults().sourceFrom());
    assertEquals(
        Map.of(
            "ap/page", "AP News",
            "c", "null",
            "reuters/2023/a", "null",
            "reuters/b", "null",
            "own", "AFP",
            "none", "null",
            "blank", "null",
            "odd", "null"),
        sources(r));
  }

  @ParameterizedTest(name = "{0} has source {1}")
  @CsvSource({
    "reuters/2023/a, reuters/2023",
    "reuters/b, reuters",
    "c, corpus",
    "ap/page, ap",
    "own, AFP",
    "none, feeds",
    "blank, feeds",
    "odd, feeds",
  })
  void takesSourcesFromTheFolderUnderTheScannedFolder(String id, String source) {
    LoadResult r = BothWays.load(byFolder, List.of(shown(dir.resolve("corpus")) + "/"));

    assertEquals(source, sources(r).get(id));
  }

  @Test
  void stillWarnsAboutASourceFieldThatIsNotAString() {
    LoadResult r = BothWays.load(byFolder, List.of(dir.resolve("corpus").toString()));

    assertEquals(
        List.of(
            LoadProblem.warning(
                shown(dir.resolve("corpus/feeds/mixed.jsonl")) + ":4",
                "field \"source\" is not a string; ignored")),
        r.problems());
  }

  @Test
  void namesAFileGivenOnItsOwnByItsParentFolder() {
    String file = dir.resolve("corpus/reuters/2023/a.txt").toString();

    LoadResult r = BothWays.load(byFolder, List.of(file));

    assertEquals("2023", r.articles().get(0).source());
    assertEquals("a", r.articles().get(0).id());
  }

  @Test
  void namesTheScannedFolderByItsOwnNameHoweverItIsWritten() {
    String dotted = shown(dir.resolve("corpus/reuters")) + "/./";

    LoadResult r = BothWays.load(byFolder, List.of(dotted));

    assertEquals(Map.of("2023/a", "2023", "b", "reuters"), sources(r));
  }

  @Test
  void takesSourcesFromFoldersInAStreamedJsonLinesFile() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      sb.append("{\"id\": \"s").append(i).append("\", \"text\": \"t\"}\n");
    }
    write("big/wire/feed.jsonl", sb.toString());
    ArticleLoader small = new ArticleLoader(new LoaderOptions(100, SourceFrom.FOLDER));

    LoadResult r = BothWays.load(small, List.of(dir.resolve("big").toString()));

    assertEquals(List.of(), r.problems());
    assertEquals(100, r.articles().size());
    r.articles().forEach(a -> assertEquals("wire", a.source(), a.id()));
  }

  @Test
  void leavesTextFilesWithoutSourceUnderFields() {
    LoadResult r = BothWays.load(byField, List.of(dir.resolve("corpus/c.txt").toString()));

    assertNull(r.articles().get(0).source());
  }
}
