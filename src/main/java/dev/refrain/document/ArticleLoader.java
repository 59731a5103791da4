package dev.refrain.document;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Loads articles from files and folders: plain text, Markdown, HTML, JSON and JSON Lines.
 *
 * <p>Each path is loaded as given: a file by itself, a folder recursively (hidden entries, whose
 * names start with {@code .}, and files of other types are ignored; files are taken in order of
 * their relative path). Paths are loaded in the order given. Files are decoded as strict UTF-8
 * (byte order mark dropped) with a fallback to windows-1252, or as UTF-16 when they start with a
 * UTF-16 byte order mark. Files that cannot be used (binary, empty, too large, unreadable, of an
 * unsupported type when named explicitly) are reported as {@link LoadProblem}s and the load goes
 * on; paths that do not exist are reported as {@link LoadProblem.Kind#MISSING}. When two articles
 * have the same id the first loaded is kept. Input files are never modified.
 *
 * <p>Instances are immutable and thread-safe; {@link #load} keeps no state between calls.
 */
public final class ArticleLoader {

  /** The message for a file of an unsupported type named explicitly. */
  static final String UNSUPPORTED =
      "unsupported file type; expected .txt, .md, .html, .json or .jsonl";

  private enum Type {
    TEXT,
    HTML,
    JSON,
    JSONL
  }

  private static final Map<String, Type> TYPES =
      Map.of(
          "txt", Type.TEXT,
          "md", Type.TEXT,
          "html", Type.HTML,
          "htm", Type.HTML,
          "json", Type.JSON,
          "jsonl", Type.JSONL);

  private final LoaderOptions options;
  private final JsonRecords json;

  /** A loader with the {@linkplain LoaderOptions#defaults() default options}. */
  public ArticleLoader() {
    this(LoaderOptions.defaults());
  }

  /** A loader with the given options. */
  public ArticleLoader(LoaderOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.json = new JsonRecords(options.maxFileBytes());
  }

  /** The options this loader was made with. */
  public LoaderOptions options() {
    return options;
  }

  /**
   * Loads the articles in {@code paths}, each a file or folder as the user typed it.
   *
   * @return the articles, sorted by id, and the problems met, sorted by path and line
   */
  public LoadResult load(List<String> paths) {
    Objects.requireNonNull(paths, "paths");
    Run run = new Run();
    for (String arg : paths) {
      loadArgument(run, Objects.requireNonNull(arg, "path"));
    }
    return run.finish();
  }

  private void loadArgument(Run run, String arg) {
    Path path;
    try {
      path = arg.isEmpty() ? null : Path.of(arg);
    } catch (InvalidPathException e) {
      path = null;
    }
    if (path == null || !Files.exists(path)) {
      run.problem(arg, 0, LoadProblem.missing(arg));
      return;
    }
    String shown = displayPath(arg);
    if (Files.isDirectory(path)) {
      loadFolder(run, path, shown);
    } else if (Files.isRegularFile(path)) {
      String name = path.getFileName() == null ? shown : path.getFileName().toString();
      Type type = typeOf(name);
      if (type == null) {
        run.problem(shown, 0, LoadProblem.skipped(shown, UNSUPPORTED));
      } else {
        loadFile(run, path, shown, withoutExtension(name), type);
      }
    } else {
      run.problem(shown, 0, LoadProblem.skipped(shown, "not a regular file"));
    }
  }

  private void loadFolder(Run run, Path folder, String shown) {
    Map<String, Path> files = new HashMap<>();
    Map<String, LoadProblem> walkProblems = new LinkedHashMap<>();
    try {
      Files.walkFileTree(
          folder,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(folder) && isHidden(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isHidden(file) || typeOf(file.getFileName().toString()) == null) {
                return FileVisitResult.CONTINUE;
              }
              String rel = relative(folder, file);
              if (attrs.isRegularFile()) {
                files.put(rel, file);
              } else if (attrs.isSymbolicLink()) {
                String p = join(shown, rel);
                walkProblems.put(p, LoadProblem.skipped(p, "broken symbolic link"));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (isHidden(file) && !file.equals(folder)) {
                return FileVisitResult.CONTINUE;
              }
              String p = file.equals(folder) ? shown : join(shown, relative(folder, file));
              walkProblems.put(
                  p,
                  e instanceof FileSystemLoopException
                      ? LoadProblem.warning(p, "symbolic link loop; not followed")
                      : LoadProblem.skipped(p, describe(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      walkProblems.put(shown, LoadProblem.skipped(shown, describe(e)));
    }
    walkProblems.forEach((p, problem) -> run.problem(p, 0, problem));
    if (files.isEmpty() && walkProblems.isEmpty()) {
      run.problem(
          shown, 0, LoadProblem.warning(shown, "no .txt, .md, .html, .json or .jsonl files found"));
    }
    List<String> rels = new ArrayList<>(files.keySet());
    rels.sort(Comparator.naturalOrder());
    for (String rel : rels) {
      String name = files.get(rel).getFileName().toString();
      loadFile(run, files.get(rel), join(shown, rel), withoutExtension(rel), typeOf(name));
    }
  }

  private void loadFile(Run run, Path file, String shown, String id, Type type) {
    String firstPath = run.firstPathOf(file, shown);
    if (firstPath != null) {
      run.problem(
          shown, 0, LoadProblem.warning(shown, "same file as " + firstPath + "; loaded once"));
      return;
    }
    long limit = options.maxFileBytes();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limit) {
        run.problem(shown, 0, tooLarge(shown, size, limit));
        return;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      run.problem(shown, 0, LoadProblem.skipped(shown, describe(e)));
      return;
    }
    if (bytes.length > limit) {
      run.problem(shown, 0, tooLarge(shown, bytes.length, limit));
      return;
    }
    TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
    if (decoded.binary()) {
      run.problem(shown, 0, LoadProblem.skipped(shown, "binary file"));
      return;
    }
    String text = decoded.text();
    if (TextDecoding.isBlank(text)) {
      run.problem(shown, 0, LoadProblem.skipped(shown, "empty article"));
      return;
    }
    if (decoded.warning() != null) {
      run.problem(shown, 0, LoadProblem.warning(shown, decoded.warning()));
    }
    switch (type) {
      case TEXT -> run.article(new Article(id, shown, text, null, null, null), shown, shown, 0);
      case HTML -> {
        HtmlText html = HtmlText.parse(text);
        if (TextDecoding.isBlank(html.text())) {
          run.problem(shown, 0, LoadProblem.skipped(shown, "empty article"));
        } else {
          Article a =
              new Article(
                  id, shown, html.text(), html.siteName(), html.title(), html.publishedTime());
          run.article(a, shown, shown, 0);
        }
      }
      case JSON -> json.readJson(text, shown, run.sinkFor(shown));
      case JSONL -> json.readJsonLines(text, shown, run.sinkFor(shown));
    }
  }

  private static LoadProblem tooLarge(String shown, long size, long limit) {
    return LoadProblem.skipped(shown, "too large (" + size + " bytes; limit " + limit + ")");
  }

  /** The state of one {@link #load} call. */
  private static final class Run {
    private record Loaded(Article article, String fileKey, String problemPath, int line) {}

    private record Pending(String fileKey, int line, long seq, LoadProblem problem) {}

    private static final Comparator<Pending> PROBLEM_ORDER =
        Comparator.comparing(Pending::fileKey)
            .thenComparingInt(Pending::line)
            .thenComparingLong(Pending::seq);

    private final List<Loaded> loaded = new ArrayList<>();
    private final List<Pending> problems = new ArrayList<>();
    private final Map<Path, String> seenFiles = new HashMap<>();
    private long seq;

    void problem(String fileKey, int line, LoadProblem problem) {
      problems.add(new Pending(fileKey, line, seq++, problem));
    }

    void article(Article article, String fileKey, String problemPath, int line) {
      loaded.add(new Loaded(article, fileKey, problemPath, line));
    }

    /** Remembers {@code file}; returns the path it was first loaded as, or null if new. */
    String firstPathOf(Path file, String shown) {
      Path real;
      try {
        real = file.toRealPath();
      } catch (IOException | SecurityException e) {
        return null;
      }
      return seenFiles.putIfAbsent(real, shown);
    }

    JsonRecords.Sink sinkFor(String fileKey) {
      return new JsonRecords.Sink() {
        @Override
        public void article(Article article, String problemPath, int line) {
          Run.this.article(article, fileKey, problemPath, line);
        }

        @Override
        public void problem(int line, LoadProblem problem) {
          Run.this.problem(fileKey, line, problem);
        }
      };
    }

    LoadResult finish() {
      Map<String, Article> byId = new HashMap<>();
      List<Article> articles = new ArrayList<>();
      for (Loaded l : loaded) {
        Article first = byId.putIfAbsent(l.article().id(), l.article());
        if (first == null) {
          articles.add(l.article());
        } else {
          problem(
              l.fileKey(),
              l.line(),
              LoadProblem.skipped(
                  l.problemPath(),
                  "duplicate article id \""
                      + l.article().id()
                      + "\" (first in "
                      + first.path()
                      + ")"));
        }
      }
      articles.sort(Comparator.comparing(Article::id));
      List<Pending> sorted = new ArrayList<>(problems);
      sorted.sort(PROBLEM_ORDER);
      return new LoadResult(articles, sorted.stream().map(Pending::problem).toList());
    }
  }

  private static Type typeOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    return TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** {@code name} (or a relative path) without its extension; the whole name if that is blank. */
  private static String withoutExtension(String name) {
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    if (dot <= slash + 1) {
      return name;
    }
    return name.substring(0, dot);
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** {@code file}'s path relative to {@code folder}, with {@code /} separators. */
  private static String relative(Path folder, Path file) {
    StringBuilder sb = new StringBuilder();
    for (Path part : folder.relativize(file)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  private static String join(String folder, String rel) {
    return folder.endsWith("/") ? folder + rel : folder + "/" + rel;
  }

  /** The path as typed, with {@code /} separators and without trailing slashes. */
  static String displayPath(String arg) {
    String p = File.separatorChar == '/' ? arg : arg.replace(File.separatorChar, '/');
    int end = p.length();
    while (end > 1 && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(0, end);
  }

  /** A short, human message for an I/O error. */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
