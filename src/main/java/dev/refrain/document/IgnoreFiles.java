package dev.refrain.document;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The ignore files of one folder a load walks, and of each folder under it: a folder's {@value
 * Exclusions#IGNORE_FILE} and {@value Exclusions#GIT_IGNORE_FILE} leave out what they match
 * under that folder, their globs relative to it. A {@value Exclusions#IGNORE_FILE} match always
 * leaves out; the {@value Exclusions#GIT_IGNORE_FILE} files are read as git reads them, the last
 * matching line deciding and a deeper folder's file over a higher one's, so a {@code !} line reads
 * again what a line above it left out (but, as in git, nothing in a folder left out, which is not
 * entered). Ignore files above the walked folder are not read. Not thread-safe: one walk.
 */
final class IgnoreFiles {
  private record Level(Exclusions refrain, Exclusions git) {}

  /** The ignore files of each folder entered, by its path relative to the walked one. */
  private final Map<String, Level> levels = new HashMap<>();

  /**
   * Reads the ignore files of {@code folder}, at {@code relative} ({@code ""} for the walked
   * folder itself), shown as {@code shown}; each line that cannot be used goes to {@code
   * problems} with the path of its file.
   */
  void enter(Path folder, String relative, String shown, Problems problems) {
    Exclusions refrain =
        Exclusions.readIgnoreFile(
            folder, shown, (line, p) -> problems.accept(file(shown, Exclusions.IGNORE_FILE), line, p));
    Exclusions git =
        Exclusions.readGitIgnore(
            folder, shown,
            (line, p) -> problems.accept(file(shown, Exclusions.GIT_IGNORE_FILE), line, p));
    if (!refrain.isEmpty() || !git.isEmpty()) {
      levels.put(relative, new Level(refrain, git));
    }
  }

  /** Receives a problem of an ignore file: the file's path, the line (1-based, 0 for none). */
  @FunctionalInterface
  interface Problems {
    void accept(String file, long line, LoadProblem problem);
  }

  private static String file(String shown, String name) {
    return shown.endsWith("/") ? shown + name : shown + "/" + name;
  }

  /** Whether the file or folder at {@code relative} (names joined by {@code /}) is left out. */
  boolean ignores(String relative, boolean folder) {
    if (levels.isEmpty()) {
      return false;
    }
    Boolean git = null;
    int from = 0;
    while (true) {
      String dir = from == 0 ? "" : relative.substring(0, from - 1);
      Level level = levels.get(dir);
      if (level != null) {
        String below = relative.substring(from);
        if (level.refrain().excludes(below, folder)) {
          return true;
        }
        Boolean decided = level.git().decision(below, folder);
        if (decided != null) {
          git = decided;
        }
      }
      int slash = relative.indexOf('/', from);
      if (slash < 0) {
        return Boolean.TRUE.equals(git);
      }
      from = slash + 1;
    }
  }
}
