package dev.refrain.document;

import static dev.refrain.document.ArticlePaths.displayPath;
import static dev.refrain.document.ArticlePaths.isHidden;
import static dev.refrain.document.ArticlePaths.join;
import static dev.refrain.document.ArticlePaths.relative;
import static dev.refrain.document.ArticlePaths.withoutExtension;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
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
 * <p>Each path is loaded as given: a file by itself, a folder recursively (files are taken in
 * order of their relative path). Hidden entries, whose names start with {@code .}, are not
 * inputs, and what {@link LoaderOptions#exclude()} or the folder's {@code .refrainignore} leaves
 * out (see {@link Exclusions}) is neither read nor reported; every other file found is read or
 * reported: a file of another type in a folder is skipped with a problem naming it, as it is when
 * named explicitly. Paths are loaded in the order given, and the records of a JSON or JSON
 * Lines file in file order. Files are decoded as strict UTF-8 (byte order mark dropped) with a
 * fallback to windows-1252, or as UTF-16 when they start with a UTF-16 byte order mark. Files that
 * cannot be used (binary, empty, too large, unreadable, of an unsupported type when named
 * explicitly) are reported as {@link LoadProblem}s and the load goes on; paths that do not exist
 * are reported as {@link LoadProblem.Kind#MISSING}. When two articles have the same id the first
 * loaded is kept. Input files are never modified.
 *
 * <p>{@link #stream} hands the articles to a sink one at a time as they are read; {@link #load}
 * collects them and sorts them by id. A text, Markdown or HTML file is read whole, so it must be
 * within {@link LoaderOptions#maxFileBytes()}. A JSON Lines file, and a JSON file holding an array,
 * may be of any size: it is read a record at a time, and a single record larger than the limit is
 * skipped. Such a file (when over the limit) is read twice: once to choose its encoding, since one
 * invalid byte anywhere makes the whole file windows-1252 as for any other file, and once for its
 * records. A JSON file holding one object is one record, within the limit.
 *
 * <p>Across one call the loader keeps the id and path of each article it has handed out, to refuse
 * duplicates, and the real path of each file, to load each once: some 150 to 500 bytes per article
 * (the more when each article is a file of its own), under 0.5 GB for 10^6 articles, and never
 * their texts.
 *
 * <p>Instances are immutable and thread-safe; {@link #load} and {@link #stream} keep no state
 * between calls.
 */
public final class ArticleLoader {

  /** The message for a file of an unsupported type named explicitly. */
  static final String UNSUPPORTED =
      "unsupported file type; expected .txt, .md, .html, .json or .jsonl";

  /**
   * The path that names standard input: one article (id {@value #STANDARD_INPUT_ID}), or JSON
   * Lines when its first line that is not blank is a JSON object.
   */
  public static final String STANDARD_INPUT = "-";

  /**
   * The file that marks a folder as a refrain index (written by the {@code index} package): such
   * a folder inside a scanned one is refrain's own data, not input, and is passed over with a
   * warning, so {@code index add news --index news/idx} does not read its own index.
   */
  public static final String INDEX_MARKER = "refrain-index.properties";

  /** The id of the article read from standard input as text. */
  static final String STANDARD_INPUT_ID = "stdin";

  /** The message for a record that is not valid UTF-8 in a file that was, a moment before. */
  static final String CHANGED = "not valid UTF-8 (the file changed while it was read)";

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
  private final Exclusions exclusions;
  private final JsonRecords json;
  private final InputStream standardInput;

  /** A loader with the {@linkplain LoaderOptions#defaults() default options}. */
  public ArticleLoader() {
    this(LoaderOptions.defaults());
  }

  /** A loader with the given options, reading {@value #STANDARD_INPUT} from {@code System.in}. */
  public ArticleLoader(LoaderOptions options) {
    this(options, System.in);
  }

  /**
   * A loader with the given options, reading the path {@value #STANDARD_INPUT} from {@code
   * standardInput} (to its end, once).
   */
  public ArticleLoader(LoaderOptions options, InputStream standardInput) {
    this.standardInput = Objects.requireNonNull(standardInput, "standardInput");
    this.options = Objects.requireNonNull(options, "options");
    this.exclusions = Exclusions.of(options.exclude());
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
    Collected collected = new Collected();
    read(paths, collected);
    return collected.result();
  }

  /**
   * Reads the articles in {@code paths}, each a file or folder as the user typed it, handing each
   * article and each problem to {@code sink} as it is met, and keeping no article once handed out.
   *
   * <p>The order is the order of reading: paths in the order given, the files of a folder in order
   * of their relative path, the records of a file in file order; a file's problems come as they are
   * met, a duplicate id's just after the record. The same articles and problems as {@link #load}
   * gives, which sorts them.
   */
  public void stream(List<String> paths, ArticleSink sink) {
    Objects.requireNonNull(sink, "sink");
    read(
        paths,
        new Emitter() {
          @Override
          public void article(Article article) {
            sink.article(article);
          }

          @Override
          public void problem(String fileKey, long line, boolean duplicate, LoadProblem problem) {
            sink.problem(problem);
          }
        });
  }

  private void read(List<String> paths, Emitter out) {
    Objects.requireNonNull(paths, "paths");
    for (String arg : paths) {
      Objects.requireNonNull(arg, "path");
    }
    Run run = new Run(out);
    for (String arg : paths) {
      loadArgument(run, arg);
    }
  }

  private void loadArgument(Run run, String arg) {
    if (arg.equals(STANDARD_INPUT)) {
      loadStandardInput(run);
      return;
    }
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
      if (exclusions.excludes(shown, false)) {
        return;
      }
      if (type == null) {
        run.problem(shown, 0, LoadProblem.skipped(shown, UNSUPPORTED));
      } else {
        String source = options.sourceFrom() == SourceFrom.FOLDER ? parentName(path) : null;
        loadFile(run, path, shown, withoutExtension(name), type, source);
      }
    } else {
      run.problem(shown, 0, LoadProblem.skipped(shown, "not a regular file"));
    }
  }

  /**
   * The files a load of folder {@code folder} reads, as it walks it, before reading any: their
   * paths relative to it (names joined by {@code /}), sorted, with the file each is; and the
   * problems the walk meets, in the order a load reports them (lines of its ignore files that
   * cannot be used, entries that cannot be walked, a folder without article files). Hidden
   * entries and what {@link LoaderOptions#exclude()} or the ignore files of the folder and the
   * folders under it leave out are not listed; a file of a type the loader does not read is, as
   * a load names it when it comes to it. The Spark job lists its input folders with this.
   *
   * @param shown the folder as the user typed it, for the problems' paths
   */
  public FolderFiles folderFiles(Path folder, String shown) {
    List<FolderProblem> met = new ArrayList<>();
    Exclusions rules = exclusions;
    // The .refrainignore and .gitignore of this folder and of each folder under it.
    IgnoreFiles ignored = new IgnoreFiles();
    IgnoreFiles.Problems ignoreProblems = (file, line, p) -> met.add(new FolderProblem(file, line, p));
    ignored.enter(folder, "", shown, ignoreProblems);
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
              if (dir.equals(folder)) {
                return FileVisitResult.CONTINUE;
              }
              String rel = relative(folder, dir);
              if (isHidden(dir) || rules.excludes(rel, true) || ignored.ignores(rel, true)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (Files.isRegularFile(dir.resolve(INDEX_MARKER))) {
                String p = join(shown, rel);
                walkProblems.put(p, LoadProblem.warning(p, "a refrain index, not articles; not read"));
                return FileVisitResult.SKIP_SUBTREE;
              }
              ignored.enter(dir, rel, join(shown, rel), ignoreProblems);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String rel = relative(folder, file);
              if (isHidden(file) || rules.excludes(rel, false) || ignored.ignores(rel, false)) {
                return FileVisitResult.CONTINUE;
              }
              String p = join(shown, rel);
              if (attrs.isRegularFile()) {
                files.put(rel, file);
              } else if (attrs.isSymbolicLink()) {
                walkProblems.put(p, LoadProblem.skipped(p, "broken symbolic link"));
              } else {
                walkProblems.put(p, LoadProblem.skipped(p, "not a regular file"));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (!file.equals(folder)
                  && (isHidden(file) || rules.excludes(relative(folder, file), false)
                      || ignored.ignores(relative(folder, file), false))) {
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
    walkProblems.forEach((p, problem) -> met.add(new FolderProblem(p, 0, problem)));
    List<String> rels = new ArrayList<>(files.keySet());
    rels.sort(Comparator.naturalOrder());
    boolean anyArticleFile =
        rels.stream().anyMatch(rel -> typeOf(files.get(rel).getFileName().toString()) != null);
    if (!anyArticleFile && walkProblems.isEmpty()) {
      met.add(
          new FolderProblem(
              shown, 0,
              LoadProblem.warning(shown, "no .txt, .md, .html, .json or .jsonl files found")));
    }
    return new FolderFiles(
        java.util.Collections.unmodifiableList(rels), java.util.Collections.unmodifiableMap(files),
        java.util.Collections.unmodifiableList(met));
  }

  /**
   * What {@link #folderFiles} lists: the relative paths, sorted; the file at each; the problems.
   */
  public record FolderFiles(
      List<String> relativePaths, Map<String, Path> files, List<FolderProblem> problems) {}

  /**
   * A problem a folder's walk meets, with the file it is reported under and its line there (0:
   * none), as a load reports it.
   */
  public record FolderProblem(String fileKey, long line, LoadProblem problem) {}

  private void loadFolder(Run run, Path folder, String shown) {
    FolderFiles listed = folderFiles(folder, shown);
    for (FolderProblem p : listed.problems()) {
      run.problem(p.fileKey(), p.line(), p.problem());
    }
    List<String> rels = listed.relativePaths();
    Map<String, Path> files = listed.files();
    String folderName = options.sourceFrom() == SourceFrom.FOLDER ? nameOf(folder) : null;
    for (String rel : rels) {
      String name = files.get(rel).getFileName().toString();
      Type type = typeOf(name);
      if (type == null) {
        // Named, never ignored in silence: a gate must not pass on a file it did not read.
        String p = join(shown, rel);
        run.problem(p, 0, LoadProblem.skipped(p, UNSUPPORTED));
        continue;
      }
      String source = null;
      if (options.sourceFrom() == SourceFrom.FOLDER) {
        int slash = rel.lastIndexOf('/');
        source = slash < 0 ? folderName : rel.substring(0, slash);
      }
      loadFile(run, files.get(rel), join(shown, rel), withoutExtension(rel), type, source);
    }
  }

  /**
   * Loads one file as {@code type}.
   *
   * @param source the folder's source under {@link SourceFrom#FOLDER}, else null
   */
  private void loadFile(Run run, Path file, String shown, String id, Type type, String source) {
    String firstPath = run.firstPathOf(file, shown);
    if (firstPath != null) {
      run.problem(
          shown, 0, LoadProblem.warning(shown, "same file as " + firstPath + "; loaded once"));
      return;
    }
    if (type == Type.JSON || type == Type.JSONL) {
      loadRecords(run, file, shown, type, source);
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
    loadText(run, bytes, shown, id, type, source);
  }

  /**
   * Reads standard input, the path {@value #STANDARD_INPUT}, to its end: JSON Lines when its first
   * line that is not blank is a JSON object, else one text article. Input within the size limit
   * is held in memory; more (which only JSON Lines may be) is spooled to a temporary file, deleted
   * when read. Named twice, it is read once.
   */
  private void loadStandardInput(Run run) {
    String shown = STANDARD_INPUT;
    if (run.standardInputRead) {
      run.problem(shown, 0, LoadProblem.warning(shown, "standard input named again; read once"));
      return;
    }
    run.standardInputRead = true;
    long limit = options.maxFileBytes();
    Path spool = null;
    try {
      byte[] head = standardInput.readNBytes((int) (limit + 1));
      Content content;
      if (head.length <= limit) {
        content = Content.of(head);
      } else {
        spool = Files.createTempFile("refrain-stdin-", ".jsonl");
        try (java.io.OutputStream out = Files.newOutputStream(spool)) {
          out.write(head);
          standardInput.transferTo(out);
        }
        content = Content.onDisk(spool, Files.size(spool));
      }
      if (isJsonLines(content)) {
        loadRecords(run, content, shown, Type.JSONL, null);
      } else if (spool != null) {
        run.problem(shown, 0, tooLarge(shown, content.length(), limit));
      } else {
        loadText(run, head, shown, STANDARD_INPUT_ID, Type.TEXT, null);
      }
    } catch (IOException e) {
      run.problem(shown, 0, LoadProblem.skipped(shown, "standard input: " + describe(e)));
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // A temporary file left behind; the load's outcome stands.
        }
      }
    }
  }

  /**
   * Whether the first line of {@code content} that is not blank is a JSON object; for content
   * spooled to disk (larger than the size limit), whether its first character that is not white
   * space is <code>{</code>.
   */
  private boolean isJsonLines(Content content) throws IOException {
    if (content.bytes() == null) {
      try (InputStream in = content.open()) {
        byte[] head = in.readNBytes(4096);
        int i = TextDecoding.Bom.of(head).length();
        while (i < head.length && Character.isWhitespace(head[i])) {
          i++;
        }
        return i < head.length && head[i] == '{';
      }
    }
    TextDecoding.Decoded decoded = TextDecoding.decode(content.bytes());
    if (decoded.binary()) {
      return false;
    }
    for (String line : (Iterable<String>) decoded.text().lines()::iterator) {
      if (!TextDecoding.isBlank(line)) {
        return json.isObject(line);
      }
    }
    return false;
  }

  /** Loads a text, Markdown or HTML file's bytes, within the size limit, as {@code type}. */
  private void loadText(Run run, byte[] bytes, String shown, String id, Type type, String source) {
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
    if (type == Type.TEXT) {
      run.article(
          new Article(id, shown, text, source, null, DateLine.published(text)), shown, shown, 0);
      return;
    }
    HtmlText html = HtmlText.parse(text);
    if (TextDecoding.isBlank(html.text())) {
      run.problem(shown, 0, LoadProblem.skipped(shown, "empty article"));
    } else {
      String site = options.sourceFrom() == SourceFrom.FOLDER ? source : html.siteName();
      run.article(
          new Article(id, shown, html.text(), site, html.title(), html.publishedTime()),
          shown,
          shown,
          0);
    }
  }

  /**
   * Loads a JSON or JSON Lines file a record at a time. A file within the size limit is read into
   * memory once; a larger one is read from disk twice, first to choose its encoding. The encoding
   * is chosen for the whole file, not per line, so that a JSON Lines file decodes as it would if
   * read whole (and as a text file of the same bytes does): one invalid UTF-8 byte anywhere reads
   * every line as windows-1252, with one warning naming the file. A line that then turns out not to
   * be valid UTF-8 after all (the file changed between the two reads) is skipped, never decoded
   * with replacement characters.
   *
   * @param source the folder's source under {@link SourceFrom#FOLDER}, else null
   */
  private void loadRecords(Run run, Path file, String shown, Type type, String source) {
    long limit = options.maxFileBytes();
    Content content;
    try {
      long size = Files.size(file);
      content = size <= limit ? Content.of(Files.readAllBytes(file)) : Content.onDisk(file, size);
    } catch (IOException e) {
      run.problem(shown, 0, LoadProblem.skipped(shown, describe(e)));
      return;
    }
    loadRecords(run, content, shown, type, source);
  }

  /** Loads a JSON or JSON Lines file's content a record at a time. */
  private void loadRecords(Run run, Content content, String shown, Type type, String source) {
    long limit = options.maxFileBytes();
    FileSink sink = run.sinkFor(shown);
    try {
      if (type == Type.JSON && content.length() > limit && !startsWithArray(content)) {
        run.problem(shown, 0, tooLarge(shown, content.length(), limit));
        return;
      }
      TextDecoding.Probe probe;
      try (InputStream in = content.open()) {
        probe = TextDecoding.probe(in);
      }
      if (probe.binary()) {
        run.problem(shown, 0, LoadProblem.skipped(shown, "binary file"));
        return;
      }
      sink.warnFirst(probe.warning());
      try (InputStream in = content.open()) {
        in.skipNBytes(probe.start());
        if (type == Type.JSONL) {
          readLines(in, probe, shown, source, sink);
        } else {
          readJson(in, probe, content, shown, source, sink);
        }
      }
    } catch (CharacterCodingException e) {
      sink.problem(0, LoadProblem.skipped(shown, CHANGED));
    } catch (IOException e) {
      sink.problem(0, LoadProblem.skipped(shown, describe(e)));
    }
    if (!sink.spoke()) {
      // Every record, and every line that is not blank, yields an article or a problem.
      run.problem(shown, 0, LoadProblem.skipped(shown, "empty article"));
    }
  }

  private void readLines(
      InputStream in, TextDecoding.Probe probe, String shown, String source, FileSink sink)
      throws IOException {
    long limit = options.maxFileBytes();
    boolean bigEndian = probe.charset().equals(StandardCharsets.UTF_16BE);
    LineReader lines = new LineReader(in, probe.unitBytes(), bigEndian, (int) limit);
    CharsetDecoder utf8 =
        probe.charset().equals(StandardCharsets.UTF_8)
            ? TextDecoding.strict(StandardCharsets.UTF_8)
            : null;
    while (lines.next()) {
      long n = lines.number();
      if (lines.tooLarge()) {
        sink.problem(
            n, LoadProblem.skipped(shown + ":" + n, JsonRecords.tooLarge(lines.length(), limit)));
        continue;
      }
      String line;
      if (utf8 == null) {
        line = new String(lines.bytes(), 0, (int) lines.length(), probe.charset());
      } else {
        try {
          line = utf8.decode(ByteBuffer.wrap(lines.bytes(), 0, (int) lines.length())).toString();
        } catch (CharacterCodingException e) {
          sink.problem(n, LoadProblem.skipped(shown + ":" + n, CHANGED));
          continue;
        }
      }
      json.readJsonLine(line, n, shown, source, sink);
    }
  }

  private void readJson(
      InputStream in,
      TextDecoding.Probe probe,
      Content content,
      String shown,
      String source,
      FileSink sink)
      throws IOException {
    ByteOffsetReader text = new ByteOffsetReader(in, probe.charset());
    json.readJson(
        text,
        shown,
        source,
        () -> {
          try (InputStream again = content.open()) {
            again.skipNBytes(probe.start());
            return TextDecoding.isBlank(new ByteOffsetReader(again, probe.charset()));
          } catch (IOException e) {
            return false;
          }
        },
        sink);
  }

  /** Whether a JSON file's value, after any byte order mark and white space, is an array. */
  private static boolean startsWithArray(Content content) throws IOException {
    try (InputStream in = content.open()) {
      byte[] head = in.readNBytes(3);
      TextDecoding.Bom bom = TextDecoding.Bom.of(head);
      InputStream rest =
          new SequenceInputStream(
              new ByteArrayInputStream(head, bom.length(), head.length - bom.length()), in);
      return JsonRecords.startsWithArray(new InputStreamReader(rest, bom.charset()));
    }
  }

  /**
   * A file's bytes: held in memory when the file is within the size limit, else read from disk each
   * time it is opened.
   *
   * @param length the length in bytes, as read or as the file system last told it
   */
  private record Content(Path file, byte[] bytes, long length) {
    static Content of(byte[] bytes) {
      return new Content(null, bytes, bytes.length);
    }

    static Content onDisk(Path file, long size) {
      return new Content(file, null, size);
    }

    InputStream open() throws IOException {
      return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }
  }

  private static LoadProblem tooLarge(String shown, long size, long limit) {
    return LoadProblem.skipped(shown, JsonRecords.tooLarge(size, limit));
  }

  /** Where one call's articles and problems go, with what {@link #load} sorts problems by. */
  private interface Emitter {
    void article(Article article);

    /**
     * A problem of file {@code fileKey} at {@code line} (0 for the whole file); {@code duplicate}
     * for a duplicate id.
     */
    void problem(String fileKey, long line, boolean duplicate, LoadProblem problem);
  }

  /** The state of one {@link #load} or {@link #stream} call: what it has seen so far. */
  private static final class Run {
    private final Emitter out;
    private final Map<Path, String> seenFiles = new HashMap<>();

    /** Whether {@value #STANDARD_INPUT} was read: it can be, once. */
    boolean standardInputRead;

    /** The path of the article each id was first loaded from. */
    private final Map<String, String> firstPaths = new HashMap<>();

    Run(Emitter out) {
      this.out = out;
    }

    void problem(String fileKey, long line, LoadProblem problem) {
      out.problem(fileKey, line, false, problem);
    }

    void article(Article given, String fileKey, String problemPath, long line) {
      Article article = repaired(given);
      String first = firstPaths.putIfAbsent(article.id(), article.path());
      if (first == null) {
        if (article != given) {
          out.problem(fileKey, line, false, LoadProblem.warning(problemPath, repairNote(given)));
        }
        out.article(article);
      } else {
        out.problem(
            fileKey,
            line,
            true,
            LoadProblem.skipped(
                problemPath,
                "duplicate article id \"" + article.id() + "\" (first in " + first + ")"));
      }
    }

    /**
     * {@code a} with its unpaired surrogates replaced by U+FFFD (they cannot be written as UTF-8,
     * so no report could hold them); {@code a} itself when it has none.
     */
    private static Article repaired(Article a) {
      String id = TextDecoding.withoutLoneSurrogates(a.id());
      String text = TextDecoding.withoutLoneSurrogates(a.text());
      String source = TextDecoding.withoutLoneSurrogates(a.source());
      String title = TextDecoding.withoutLoneSurrogates(a.title());
      String published = TextDecoding.withoutLoneSurrogates(a.published());
      if (id == a.id() && text == a.text() && source == a.source() && title == a.title()
          && published == a.published()) {
        return a;
      }
      return new Article(id, a.path(), text, source, title, published);
    }

    /** The warning for an article {@link #repaired} changed, naming the fields. */
    private static String repairNote(Article a) {
      List<String> fields = new ArrayList<>();
      String[][] named = {
        {"id", a.id()}, {"text", a.text()}, {"source", a.source()}, {"title", a.title()},
        {"published", a.published()}
      };
      for (String[] f : named) {
        if (f[1] != null && TextDecoding.withoutLoneSurrogates(f[1]) != f[1]) {
          fields.add(f[0]);
        }
      }
      return "unpaired surrogate (not Unicode text) in " + String.join(", ", fields)
          + " replaced with U+FFFD";
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

    FileSink sinkFor(String fileKey) {
      return new FileSink(this, fileKey);
    }
  }

  /**
   * Passes one JSON file's articles and problems on, preceded by the file's decoding warning if it
   * has one, so that a file that turns out to be blank is reported only as empty, as one read whole
   * is.
   */
  private static final class FileSink implements JsonRecords.Sink {
    private final Run run;
    private final String fileKey;
    private String warning;
    private boolean spoke;

    FileSink(Run run, String fileKey) {
      this.run = run;
      this.fileKey = fileKey;
    }

    /** Sets the warning to pass on before the first article or problem; null for none. */
    void warnFirst(String warning) {
      this.warning = warning;
    }

    /** Whether an article or a problem has been passed on. */
    boolean spoke() {
      return spoke;
    }

    @Override
    public void article(Article article, String problemPath, long line) {
      speak();
      run.article(article, fileKey, problemPath, line);
    }

    @Override
    public void problem(long line, LoadProblem problem) {
      speak();
      run.problem(fileKey, line, problem);
    }

    private void speak() {
      if (!spoke && warning != null) {
        run.problem(fileKey, 0, LoadProblem.warning(fileKey, warning));
      }
      spoke = true;
    }
  }

  /** What {@link #load} collects: every article, and every problem with its sort key. */
  private static final class Collected implements Emitter {
    private record Pending(String fileKey, long line, boolean duplicate, long seq, LoadProblem p) {}

    /**
     * By file and line; at one line, duplicate ids after the rest (as when duplicates were found
     * only once all was loaded); then in the order met.
     */
    private static final Comparator<Pending> PROBLEM_ORDER =
        Comparator.comparing(Pending::fileKey)
            .thenComparingLong(Pending::line)
            .thenComparing(Pending::duplicate)
            .thenComparingLong(Pending::seq);

    private final List<Article> articles = new ArrayList<>();
    private final List<Pending> problems = new ArrayList<>();

    @Override
    public void article(Article article) {
      articles.add(article);
    }

    @Override
    public void problem(String fileKey, long line, boolean duplicate, LoadProblem problem) {
      problems.add(new Pending(fileKey, line, duplicate, problems.size(), problem));
    }

    LoadResult result() {
      List<Article> sorted = new ArrayList<>(articles);
      sorted.sort(Comparator.comparing(Article::id));
      List<Pending> order = new ArrayList<>(problems);
      order.sort(PROBLEM_ORDER);
      return new LoadResult(sorted, order.stream().map(Pending::p).toList());
    }
  }

  private static Type typeOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    return TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The last name in {@code dir}'s absolute, normalized path; null for a root. */
  private static String nameOf(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? null : name.toString();
  }

  /** The name of the folder {@code file} is in; null for a file in a root. */
  private static String parentName(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? null : nameOf(parent);
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
