package dev.refrain.document;

import java.util.Objects;

/**
 * Something that went wrong, or was worth noting, while loading one file, record or path.
 *
 * @param path the path as reported, with {@code :line} appended for a record of a JSON or JSON
 *     Lines file, otherwise the plain path (as typed, for a missing path)
 * @param kind how serious it is
 * @param message what happened, in lower case, without the path
 */
public record LoadProblem(String path, Kind kind, String message) {

  /** How serious a load problem is. */
  public enum Kind {
    /** The file or record was loaded, but something about it is worth knowing. */
    WARNING,
    /** The file or record was not loaded; the rest of the load went on. */
    SKIPPED,
    /** A path given on the command line does not exist. */
    MISSING
  }

  public LoadProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** A warning about {@code path}. */
  public static LoadProblem warning(String path, String message) {
    return new LoadProblem(path, Kind.WARNING, message);
  }

  /** A file or record at {@code path} that was skipped. */
  public static LoadProblem skipped(String path, String message) {
    return new LoadProblem(path, Kind.SKIPPED, message);
  }

  /** A path that does not exist. */
  public static LoadProblem missing(String path) {
    return new LoadProblem(path, Kind.MISSING, "no such file or directory");
  }

  /**
   * Formats this problem as one line for standard error, such as {@code refrain: seeds/bad.bin:
   * skipped: binary file}.
   */
  public String toLine() {
    return switch (kind) {
      case WARNING -> "refrain: " + path + ": warning: " + message;
      case SKIPPED -> "refrain: " + path + ": skipped: " + message;
      case MISSING -> "refrain: " + path + ": " + message;
    };
  }
}
