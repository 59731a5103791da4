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
  void addsAgainToAnIndexItCreated() {
    Path index = tmp.resolve("index");
    assertEquals(0, run("index", "add", CheckCommandTest.S000, "--index", index.toString()).code());
    assertTrue(Files.isRegularFile(index.resolve("refrain-index.properties")));
    MainTest.Run again = run("index", "add", CheckCommandTest.S001, "--index", index.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("the index holds 2"), again.out());
    assertFalse(again.err().contains("refrain:"), again.err());
  }
}
