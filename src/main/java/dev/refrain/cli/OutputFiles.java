package dev.refrain.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes output files whole or not at all: to a temporary file beside the target, then moved. */
final class OutputFiles {
  private OutputFiles() {}

  /** What writes a file's content. */
  @FunctionalInterface
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  static void writeAtomically(Path target, String content) throws IOException {
    writeAtomically(target, out -> out.write(content));
  }

  /**
   * Streams the content to a temporary file beside the target, then moves it into place: a run
   * that fails half-way leaves the target as it was, and no output is held whole in memory.
   */
  static void writeAtomically(Path target, Content content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".refrain-", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      }
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // Temporary files are private; an output is as readable as any file the user writes.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
