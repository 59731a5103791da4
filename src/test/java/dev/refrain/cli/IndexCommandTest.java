package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index add} and {@code index remove} through the command line: what they write and say. */
class IndexCommandTest {
  @TempDir Path tmp;

  static MainTest.Run run(String... args) {
    return MainTest.run(args);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void refusesAFolderOfUserFilesWithExitCode3AndDeletesNone() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(d.resolve("_notes.txt"), "my notes");
    Files.writeString(d.resolve("_2024_budget.xlsx"), "numbers");

    MainTest.Run r = run("index", "add", "seeds", "--index", d.toString(), "--progress", "never");

    assertEquals(3, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("refrain: " + d + ": not empty and not a refrain index"), r.err());
    assertEquals(List.of("_2024_budget.xlsx", "_notes.txt"), names(d));
    assertEquals("my notes", Files.readString(d.resolve("_notes.txt")));
    assertEquals("", r.out());
  }

  @Test
  void refusesAnIndexInsideItsOwnInputFolder() throws IOException {
    Path news = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(news.resolve("_breaking.txt"), "Breaking: the minister resigned this morning.");
    Files.writeString(news.resolve("story.txt"), "A story about the budget and the minister.");

    MainTest.Run r =
        run("index", "add", news.toString(), "--index", news.toString(), "--progress", "never");

    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("not empty and not a refrain index"), r.err());
    assertEquals(List.of("_breaking.txt", "story.txt"), names(news), "nothing written or deleted");
    assertEquals(
        "Breaking: the minister resigned this morning.",
        Files.readString(news.resolve("_breaking.txt")));
  }

  @Test
  void anIndexOfTheOlderFormatIsExitCode2WithOneLineAndIsNeverWritten() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, run("index", "add", CheckCommandTest.S000, "--index", index.toString()).code());
    dev.refrain.index.FormatStamp.stamp(index, dev.refrain.index.IndexSettings.FORMAT - 1);
    java.util.Map<String, String> before = dev.refrain.index.FormatStamp.files(index);
    String line =
        "refrain: " + index + ": index format " + (dev.refrain.index.IndexSettings.FORMAT - 1)
            + ", this refrain reads format " + dev.refrain.index.IndexSettings.FORMAT
            + " (written by an older refrain; left as it is): rebuild it from the articles with"
            + " refrain index add <paths> --index NEW_DIR";
    for (String[] args : List.of(
        new String[] {"index", "add", CheckCommandTest.S001, "--index", index.toString()},
        new String[] {"index", "remove", "000_c36cad3b898c0f9e", "--index", index.toString()},
        new String[] {"index", "stats", "--index", index.toString()},
        new String[] {"check", CheckCommandTest.S001, "--index", index.toString()})) {
      MainTest.Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(line, r.err().strip(), String.join(" ", args));
      assertEquals(before, dev.refrain.index.FormatStamp.files(index), "no file written, changed or deleted");
    }
  }

  @Test
  void addsAgainToAnIndexItCreated() {
    Path index = tmp.resolve("index");
    assertEquals(0, run("index", "add", CheckCommandTest.S000, "--index", index.toString()).code());
    assertTrue(Files.isRegularFile(index.resolve("refrain-index.properties")));
    MainTest.Run again = run("index", "add", CheckCommandTest.S001, "--index", index.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("the index holds 2"), again.out());
    assertFalse(again.err().contains("refrain:"), again.err());
  }

  @Test
  void saysHowManyArticlesItAddedAndHowManyItReplaced() throws IOException {
    Path first = Files.createDirectories(tmp.resolve("first"));
    Path second = Files.createDirectories(tmp.resolve("second"));
    Files.copy(Path.of(CheckCommandTest.S000), first.resolve("a.txt"));
    Files.copy(Path.of(CheckCommandTest.S001), first.resolve("b.txt"));
    Files.copy(Path.of(CheckCommandTest.S002), second.resolve("a.txt"));
    Files.copy(Path.of(CheckCommandTest.S003), second.resolve("c.txt"));
    Path index = tmp.resolve("index");

    MainTest.Run one = run("index", "add", first.toString(), "--index", index.toString());
    assertEquals("added 2 articles, replaced 0 (same id); the index holds 2\n", one.out());
    MainTest.Run two = run("index", "add", second.toString(), "--index", index.toString());
    assertEquals(
        "added 1 article, replaced 1 (same id, named with --verbose); the index holds 3\n",
        two.out());
    MainTest.Run verbose =
        run("index", "add", second.toString(), "--index", index.toString(), "--verbose");
    assertEquals(
        "replaced a\nreplaced c\nadded 0 articles, replaced 2 (same id); the index holds 3\n",
        verbose.out());
  }

  @Test
  void removeNamesTheIdsItDidNotFind() {
    Path index = tmp.resolve("index");
    assertEquals(
        0, run("index", "add", CheckCommandTest.S000, CheckCommandTest.S001, "--index", index.toString()).code());
    MainTest.Run r =
        run("index", "remove", "000_c36cad3b898c0f9e", "nope", "2023/typo", "nope", "--index",
            index.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("removed 1 of 3 ids\n", r.out());
    assertEquals("refrain: not in the index, so not removed: nope, 2023/typo\n", r.err());
  }

  @Test
  void anIndexInsideItsInputFolderIsNotReadAsInput() throws IOException {
    Path news = Files.createDirectories(tmp.resolve("news"));
    Files.copy(Path.of(CheckCommandTest.S000), news.resolve("a.txt"));
    Path index = news.resolve("idx");
    assertEquals(0, run("index", "add", news.toString(), "--index", index.toString()).code());

    MainTest.Run again = run("index", "add", news.toString(), "--index", index.toString());

    assertEquals(0, again.code(), again.err());
    assertEquals("refrain: " + index + ": warning: a refrain index, not articles; not read\n",
        again.err());
    assertEquals("added 0 articles, replaced 1 (same id, named with --verbose); the index holds 1\n",
        again.out());
  }
}
