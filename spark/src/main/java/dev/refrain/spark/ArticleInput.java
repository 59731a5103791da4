package dev.refrain.spark;

import dev.refrain.document.ArticlePaths;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.document.ArticleSink;
import dev.refrain.document.LoadProblem;
import dev.refrain.document.LoaderOptions;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads the job's input into articles, each with where it was read (so the first of two articles
 * with one id is kept, as {@code scan} keeps it), and the problems met.
 *
 * <p>Folders and files of {@code .txt}, {@code .md}, {@code .html}, {@code .json} and {@code
 * .jsonl} on a file system every worker sees (local, or mounted alike on each node): the driver
 * lists the files (recursively, in order of their relative path, hidden ones left out, as {@code
 * scan} does), and each file is read by the product's own {@link ArticleLoader} in a task of its
 * own, so decoding, HTML text, JSON fields and their problems are exactly {@code scan}'s. An
 * article of a text or HTML file has its path relative to the folder, without extension, as id.
 * A folder's {@code .refrainignore} and {@code .gitignore} files (and those of the folders under
 * it) leave out what they match, as in {@code scan}; {@code --exclude} is not an option of the
 * job. Parquet (any Hadoop file system): columns {@code id} and {@code text}, optional
 * {@code source}, {@code title}, {@code published}; its path is the file's.
 */
final class ArticleInput {
  private ArticleInput() {}

  /** One article read, and where: file {@code file} of the input, {@code seq} within it. */
  record Read(Article article, int file, long seq) implements Serializable {}

  /**
   * A problem met, in reading order: file {@code file}, {@code seq} within it.
   *
   * @param kind as a report names it: {@code warning}, {@code skipped}, {@code missing}
   */
  record Problem(String path, String kind, String message, int file, long seq)
      implements Serializable {
    Problem(LoadProblem p, int file, long seq) {
      this(p.path(), p.kind().name().toLowerCase(Locale.ROOT), p.message(), file, seq);
    }
  }

  /** What a task reading one file found. */
  record FileRead(List<Read> articles, List<Problem> problems) implements Serializable {}

  /** The input: articles (any order) and the problems the driver met listing it. */
  record Loaded(JavaRDD<Read> articles, JavaRDD<Problem> problems) {}

  /** The file types scan reads. */
  private static final List<String> TYPES = List.of("txt", "md", "html", "htm", "json", "jsonl");

  static Loaded read(SparkSession spark, List<String> inputs, LoaderOptions options) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> files = new ArrayList<>();
    List<Problem> listing = new ArrayList<>();
    List<String> parquet = new ArrayList<>();
    for (String input : inputs) {
      if (isParquet(input)) {
        parquet.add(input);
      } else {
        list(input, files, listing, options);
      }
    }
    // As scan: a missing path reads nothing at all (exit 3), so no output is written.
    List<String> missing = new ArrayList<>();
    for (Problem p : listing) {
      if (p.kind().equals("missing")) {
        missing.add(p.path() + ": " + p.message());
      }
    }
    if (!missing.isEmpty()) {
      String message = String.join("; ", missing) + "; nothing scanned: fix the missing paths";
      throw new UncheckedIOException(message, new IOException(message));
    }
    JavaRDD<Read> articles = jsc.emptyRDD();
    JavaRDD<Problem> problems = jsc.parallelize(listing, 1);
    if (!files.isEmpty()) {
      List<String[]> named = new ArrayList<>();
      for (String f : files) {
        named.add(f.split("\u0000", -1));
      }
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < named.size(); i++) {
        indexes.add(i);
      }
      long maxFileBytes = options.maxFileBytes();
      dev.refrain.document.SourceFrom sourceFrom = options.sourceFrom();
      JavaRDD<FileRead> read =
          jsc.parallelize(indexes, Math.max(1, indexes.size()))
              .map(i -> readFile(named.get(i), i, new LoaderOptions(maxFileBytes, sourceFrom)));
      read = read.cache();
      articles = articles.union(read.flatMap(r -> r.articles().iterator()));
      problems = problems.union(read.flatMap(r -> r.problems().iterator()));
    }
    for (String p : parquet) {
      articles = articles.union(readParquet(spark, p, files.size() + parquet.indexOf(p)));
    }
    return new Loaded(articles, problems);
  }

  private static boolean isParquet(String input) {
    if (input.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return true;
    }
    Path p = Path.of(input);
    if (!Files.isDirectory(p)) {
      return input.contains("://");
    }
    try (var s = Files.list(p)) {
      return s.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Lists the files of {@code input} as {@code shown path \0 id or empty} (the id an article of a
   * text or HTML file takes: its path relative to the folder, without extension): a folder's as
   * the product's loader lists them ({@link ArticleLoader#folderFiles}: hidden entries, refrain
   * indexes and what its {@code .refrainignore} and {@code .gitignore} files leave out are not).
   */
  private static void list(
      String input, List<String> files, List<Problem> problems, LoaderOptions options) {
    String shown = ArticlePaths.displayPath(input);
    Path root = Path.of(input);
    // Problems of a folder's listing come before its files' own, as scan meets them.
    int start = files.size();
    long before = Long.MIN_VALUE;
    if (!Files.exists(root)) {
      problems.add(new Problem(LoadProblem.missing(input), start, before));
      return;
    }
    if (!Files.isDirectory(root)) {
      files.add(shown + "\u0000");
      return;
    }
    ArticleLoader.FolderFiles listed = new ArticleLoader(options).folderFiles(root, shown);
    for (ArticleLoader.FolderProblem p : listed.problems()) {
      problems.add(new Problem(p.problem(), start, before + problems.size()));
    }
    for (String rel : listed.relativePaths()) {
      String type = ArticlePaths.extension(rel);
      boolean text = type.equals("txt") || type.equals("md") || type.equals("html")
          || type.equals("htm");
      files.add(ArticlePaths.join(shown, rel) + "\u0000" + (text ? ArticlePaths.withoutExtension(rel) : ""));
    }
  }

  /** Reads one file with the product's loader, on a worker. */
  private static FileRead readFile(String[] named, int file, LoaderOptions options) {
    String path = named[0];
    String id = named[1];
    List<Read> articles = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    long[] seq = {0};
    new ArticleLoader(options)
        .stream(
            List.of(path),
            ArticleSink.of(
                a -> {
                  Article article =
                      id.isEmpty()
                          ? a
                          : new Article(id, a.path(), a.text(), a.source(), a.title(),
                              a.published());
                  articles.add(new Read(article, file, seq[0]++));
                },
                p -> problems.add(new Problem(p, file, seq[0]++))));
    return new FileRead(articles, problems);
  }

  private static JavaRDD<Read> readParquet(SparkSession spark, String path, int file) {
    Dataset<Row> rows = spark.read().parquet(path);
    List<String> columns = List.of(rows.columns());
    Dataset<Row> picked =
        rows.select(
            functions.col("id").cast("string"),
            functions.col("text").cast("string"),
            optional(columns, "source"),
            optional(columns, "title"),
            optional(columns, "published"),
            functions.input_file_name());
    return picked
        .javaRDD()
        .filter(r -> !r.isNullAt(0) && !r.isNullAt(1) && !r.getString(0).isBlank())
        .zipWithIndex()
        .map(
            t -> {
              Row r = t._1();
              return new Read(
                  new Article(r.getString(0), r.getString(5), r.getString(1), r.getString(2),
                      r.getString(3), r.getString(4)),
                  file, t._2());
            });
  }

  private static org.apache.spark.sql.Column optional(List<String> columns, String name) {
    return columns.contains(name)
        ? functions.col(name).cast("string")
        : functions.lit(null).cast("string").as(name);
  }
}
