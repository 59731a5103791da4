package dev.refrain.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.PatternSyntaxException;

/**
 * The files and folders a load leaves out on purpose: globs given as options ({@code --exclude})
 * and read from a walked folder's {@value #IGNORE_FILE} and {@value #GIT_IGNORE_FILE} (see {@link
 * IgnoreFiles}). A file left out so is not read and not
 * reported; every other file that is not read is reported (see {@link ArticleLoader}).
 *
 * <p>One glob a rule, in the syntax of {@link FileSystems#getDefault()}{@code .getPathMatcher}
 * ({@code *} within a name, {@code **} across folders, {@code ?}, {@code [abc]}, {@code {a,b}}),
 * matched against paths relative to the scanned folder with {@code /} between names:
 *
 * <ul>
 *   <li>a glob without {@code /} matches a file's or a folder's name at any depth: {@code *.pdf},
 *       {@code drafts};
 *   <li>a glob with {@code /} matches the whole relative path: {@code 2019/*.txt}, {@code
 *       archive/**}; a leading {@code /} is dropped ({@code /notes.txt} is {@code notes.txt} in
 *       the scanned folder only);
 *   <li>a trailing {@code /} makes it match folders only: {@code build/};
 *   <li>a folder that matches is not entered.
 * </ul>
 *
 * <p>In {@value #IGNORE_FILE}, blank lines and lines starting with {@code #} are passed over. A
 * line starting with {@code !} (git's re-include) is not supported and an invalid glob cannot be
 * used: either is reported as a skipped line, so a check that relied on it fails rather than
 * reading less than meant. Immutable.
 */
final class Exclusions {
  /** The file in a scanned folder that lists what to leave out of it, one glob a line. */
  static final String IGNORE_FILE = ".refrainignore";

  static final Exclusions NONE = new Exclusions(List.of());

  /** The file git reads the same way: honoured in every folder a load walks, like {@value #IGNORE_FILE}. */
  static final String GIT_IGNORE_FILE = ".gitignore";

  /**
   * @param matcher matches a name ({@code path} false) or a relative path
   * @param foldersOnly whether it matches folders only
   * @param negated a {@value #GIT_IGNORE_FILE} {@code !} line: what it matches is read again
   */
  private record Rule(PathMatcher matcher, boolean path, boolean foldersOnly, boolean negated) {}

  private final List<Rule> rules;

  private Exclusions(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * The rules of these globs.
   *
   * @throws IllegalArgumentException naming the first glob that is blank or invalid
   */
  static Exclusions of(List<String> globs) {
    List<Rule> rules = new ArrayList<>();
    for (String glob : globs) {
      rules.add(rule(glob));
    }
    return new Exclusions(rules);
  }

  private static Rule rule(String glob) {
    return rule(glob, glob.strip(), false);
  }

  /** The rule of {@code g}, the glob {@code glob} as written once its markers are taken off. */
  private static Rule rule(String glob, String g, boolean negated) {
    boolean foldersOnly = g.endsWith("/");
    while (g.endsWith("/")) {
      g = g.substring(0, g.length() - 1);
    }
    boolean anchored = g.startsWith("/");
    while (g.startsWith("/")) {
      g = g.substring(1);
    }
    if (g.isEmpty()) {
      throw new IllegalArgumentException("'" + glob + "' is not a glob: it matches nothing");
    }
    try {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + g);
      return new Rule(matcher, anchored || g.contains("/"), foldersOnly, negated);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "'" + glob + "' is not a valid glob (" + e.getDescription() + ")", e);
    }
  }

  /** These rules and {@code other}'s. */
  Exclusions plus(Exclusions other) {
    if (other.rules.isEmpty()) {
      return this;
    }
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(other.rules);
    return new Exclusions(all);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Whether the file or folder at {@code relative} (names joined by {@code /}, not empty) is left
   * out.
   */
  boolean excludes(String relative, boolean folder) {
    if (rules.isEmpty()) {
      return false;
    }
    Path path = Path.of(relative);
    Path name = path.getFileName();
    for (Rule r : rules) {
      if (r.foldersOnly() && !folder) {
        continue;
      }
      if (r.matcher().matches(r.path() ? path : name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the last rule matching {@code relative} leaves it out (true) or reads it again (false,
   * a {@code !} line); null when none matches. This is how git reads a {@value #GIT_IGNORE_FILE}.
   */
  Boolean decision(String relative, boolean folder) {
    Path path = Path.of(relative);
    Path name = path.getFileName();
    Boolean decided = null;
    for (Rule r : rules) {
      if ((!r.foldersOnly() || folder) && r.matcher().matches(r.path() ? path : name)) {
        decided = !r.negated();
      }
    }
    return decided;
  }

  /**
   * The rules of {@code folder}'s {@value #GIT_IGNORE_FILE}, read as git reads one, none when it
   * has none: blank lines and {@code #} comments passed over, {@code \#} and {@code \!} for a
   * leading {@code #} or {@code !}, trailing spaces dropped, a {@code !} line reading again what
   * an earlier line left out, a leading {@code **}{@code /} matching in any folder. An invalid
   * glob is handed to {@code problems} as a skipped line, as in {@value #IGNORE_FILE}.
   */
  static Exclusions readGitIgnore(
      Path folder, String shown, BiConsumer<Long, LoadProblem> problems) {
    String where = shown.endsWith("/") ? shown + GIT_IGNORE_FILE : shown + "/" + GIT_IGNORE_FILE;
    List<String> lines = lines(folder.resolve(GIT_IGNORE_FILE), where, problems);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      while (line.endsWith(" ") && !line.endsWith("\\ ")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      String g = negated ? line.substring(1) : line;
      if (g.startsWith("\\#") || g.startsWith("\\!")) {
        g = g.substring(1);
      }
      if (g.startsWith("**/")) {
        // "**/logs" is the name logs anywhere; "**/a/b" the path a/b in any folder.
        String rest = g.substring(3);
        String folderMark = rest.endsWith("/") ? "/" : "";
        String body = rest.substring(0, rest.length() - folderMark.length());
        g = body.contains("/") ? "{" + body + ",**/" + body + "}" + folderMark : rest;
      }
      try {
        rules.add(rule(line, g, negated));
      } catch (IllegalArgumentException e) {
        problems.accept(
            (long) i + 1,
            LoadProblem.skipped(where + ":" + (i + 1), e.getMessage() + "; not used"));
      }
    }
    return new Exclusions(rules);
  }

  /** The lines of {@code file}, none when there is no such file (or it cannot be read: said). */
  private static List<String> lines(
      Path file, String where, BiConsumer<Long, LoadProblem> problems) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R", -1));
    } catch (IOException e) {
      problems.accept(0L, LoadProblem.skipped(where, ArticleLoader.describe(e)));
      return List.of();
    }
  }

  /**
   * The rules of {@code folder}'s {@value #IGNORE_FILE}, none when it has none; each line that
   * cannot be used is handed to {@code problems} with its 1-based line number, as a skipped
   * problem at {@code shown/.refrainignore:N}.
   */
  static Exclusions readIgnoreFile(
      Path folder, String shown, BiConsumer<Long, LoadProblem> problems) {
    String where = shown.endsWith("/") ? shown + IGNORE_FILE : shown + "/" + IGNORE_FILE;
    List<String> lines = lines(folder.resolve(IGNORE_FILE), where, problems);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      long n = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("!")) {
        problems.accept(
            n,
            LoadProblem.skipped(
                where + ":" + n, "a line starting with ! (re-include) is not supported; not used"));
        continue;
      }
      try {
        rules.add(rule(line));
      } catch (IllegalArgumentException e) {
        problems.accept(n, LoadProblem.skipped(where + ":" + n, e.getMessage() + "; not used"));
      }
    }
    return new Exclusions(rules);
  }
}
