package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aSetThatFailsWhileOneIsWrittenLeavesEveryPreviousFileWhole() throws IOException {
    Path html = dir.resolve("report.html");
    Path json = dir.resolve("report.json");
    Path md = dir.resolve("report.md");
    OutputFiles.writeAll(
        List.of(
            new OutputFiles.Output(html, w -> w.write("old html")),
            new OutputFiles.Output(json, w -> w.write("old json")),
            new OutputFiles.Output(md, w -> w.write("old md"))));

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                OutputFiles.writeAll(
                    List.of(
                        new OutputFiles.Output(html, w -> w.write("new html")),
                        new OutputFiles.Output(
                            json,
                            w -> {
                              w.write("half of the new js");
                              throw new IOException("Input length = 1");
                            }),
                        new OutputFiles.Output(md, w -> w.write("new md")))));

    assertEquals("Input length = 1", e.getMessage());
    assertEquals("old html", Files.readString(html), "the first was written, not moved");
    assertEquals("old json", Files.readString(json));
    assertEquals("old md", Files.readString(md));
    assertEquals(List.of("report.html", "report.json", "report.md"), names(), "no temporary file left");
  }

  @Test
  void aSetWrittenWholeReplacesEveryFile() throws IOException {
    Path a = dir.resolve("sub/a.txt");
    Path b = dir.resolve("b.txt");
    Files.writeString(b, "old");
    OutputFiles.writeAll(
        List.of(new OutputFiles.Output(a, w -> w.write("a")), new OutputFiles.Output(b, w -> w.write("b"))));
    assertEquals("a", Files.readString(a));
    assertEquals("b", Files.readString(b));
  }
}
