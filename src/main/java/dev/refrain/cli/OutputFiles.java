package dev.refrain.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes output files whole or not at all: to a temporary file beside the target, then moved; a
 * set of files only once all of them are written.
 */
final class OutputFiles {
  private OutputFiles() {}

  /** What writes a file's content. */
  @FunctionalInterface
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** One file of a set: where it goes and what writes it. */
  record Output(Path target, Content content) {}

  static void writeAtomically(Path target, String content) throws IOException {
    writeAtomically(target, out -> out.write(content));
  }

  /**
   * Streams the content to a temporary file beside the target, then moves it into place: a run
   * that fails half-way leaves the target as it was, and no output is held whole in memory.
   */
  static void writeAtomically(Path target, Content content) throws IOException {
    writeAll(List.of(new Output(target, content)));
  }

  /**
   * Writes a set of files, such as the reports of one run, so that a run that fails while writing
   * any of them leaves every one as it was: each is streamed to a temporary file beside its
   * target, and only when all are written are they moved into place, one after the other. (A
   * failure of a move itself, after all were written, can still leave the set part new, part
   * old; each file is whole either way.)
   */
  static void writeAll(List<Output> outputs) throws IOException {
    List<Path> temps = new ArrayList<>();
    try {
      for (Output o : outputs) {
        Path parent = o.target().toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".refrain-", ".tmp");
        temps.add(tmp);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          o.content().writeTo(w);
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
          // Temporary files are private; an output is as readable as any file the user writes.
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
      for (int i = 0; i < outputs.size(); i++) {
        Path target = outputs.get(i).target();
        try {
          Files.move(
              temps.get(i), target, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temps.get(i), target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      for (Path tmp : temps) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
