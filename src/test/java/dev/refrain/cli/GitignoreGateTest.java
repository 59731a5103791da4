package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A .gitignore in a checked folder says what the gate leaves out on purpose, as --exclude does. */
class GitignoreGateTest {
  @TempDir Path tmp;

  @Test
  void checkReadsEverythingAGitignoreDoesNotList() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, MainTest.run("index", "add", CheckCommandTest.S000, "--index",
        index.toString()).code());
    Path news = Files.createDirectories(tmp.resolve("news/2024"));
    Files.copy(Path.of(CheckCommandTest.S001), news.resolve("story.txt"));
    Files.writeString(news.resolve("scan.pdf"), "%PDF-1.4");

    MainTest.Run unread = MainTest.run("check", tmp.resolve("news").toString(), "--index",
        index.toString());
    assertEquals(3, unread.code(), "a file it cannot read fails the gate: " + unread.err());

    Files.writeString(news.resolve(".gitignore"), "*.pdf\n");
    MainTest.Run r = MainTest.run("check", tmp.resolve("news").toString(), "--index",
        index.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    assertEquals("", r.err());
    assertTrue(r.out().contains("1 article checked"), r.out());
  }
}
