package dev.refrain.spark;

import dev.refrain.document.Article;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.cluster.Link;
import dev.refrain.quote.Rendering;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import dev.refrain.template.Templates;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * What a run's output keeps for a later run over more articles ({@code --previous}), in its
 * {@code state/} folder: every article with its fingerprints, template words, report entry and
 * quotes ({@code state/articles}), every candidate pair the run compared with what it found
 * ({@code state/compared}, a pair that shared nothing too), and the run's settings, templates
 * and problems ({@code state/run.bin}); {@code state/format} names the layout and is written
 * last, so a state cut short is no state. The tables are Hadoop object files of Java-serialized
 * records, for this job to read back, not for users: the report and the Parquet tables are the
 * output. An earlier output is only ever read.
 */
final class RunState {
  private RunState() {}

  /** The layout of {@code state/}: a job that reads another refuses it. */
  static final String FORMAT = "refrain-spark state 1 (report schema " + Report.SCHEMA_VERSION + ")";

  static final String FOLDER = "state";

  /**
   * An article as a later run takes it back: what the prepare stage kept of it ({@code prints},
   * numbered as in the run that kept it), the article, its template words, its report entry
   * (before its passages' clusters are named) and its quotes.
   */
  record Kept(
      ScanJob.Prints prints, Article article, int[] mask, Report.ArticleEntry entry,
      ScanJob.Quoted quoted)
      implements Serializable {}

  /** A candidate pair compared, and what was found (null: the pair shares nothing). */
  record Compared(long pair, ScanJob.Found found) implements Serializable {}

  /** The run's settings, seed, templates and problems (in report order), and its counts. */
  record Header(
      Report.Settings settings, long seed, Templates templates, List<ArticleInput.Problem> problems,
      long articles, long compared)
      implements Serializable {}

  /**
   * An earlier output that cannot be used as {@code --previous}: the one line that says why,
   * and the exit code ({@code 2}: asked of the wrong folder or with other settings; {@code 3}:
   * missing, of another version, or unreadable).
   */
  static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    Unusable(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  /** An earlier output, read and checked: its articles and compared pairs (persisted). */
  record Previous(String path, Header header, JavaRDD<Kept> kept, JavaRDD<Compared> compared) {
    /** Its problems, placed before every problem of this run's input. */
    List<ArticleInput.Problem> problems() {
      List<ArticleInput.Problem> out = new ArrayList<>();
      for (ArticleInput.Problem p : header.problems()) {
        out.add(new ArticleInput.Problem(p.path(), p.kind(), p.message(), -1, out.size()));
      }
      return out;
    }

    void unpersist() {
      kept.unpersist();
      compared.unpersist();
    }
  }

  /**
   * Opens the earlier output at {@code previous} for a run writing to {@code output} with
   * {@code options}; refuses ({@link Unusable}) an output folder that is the earlier one or lies
   * inside it or around it, a folder with no state, a state of another version or settings, and
   * a state that cannot be read whole (every article and pair is read and counted here).
   */
  static Previous open(SparkSession spark, String previous, String output, DetectorOptions options) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Path dir = new Path(previous);
    Header header;
    try {
      FileSystem fs = dir.getFileSystem(jsc.hadoopConfiguration());
      String was = slashed(fs.makeQualified(dir));
      String out = slashed(new Path(output).getFileSystem(jsc.hadoopConfiguration()).makeQualified(new Path(output)));
      if (out.startsWith(was) || was.startsWith(out)) {
        throw new Unusable(
            2, output + ": the output folder must be a new one, not the earlier output "
                + previous + (out.equals(was) ? "" : " or a folder inside or around it")
                + " (it is only read)");
      }
      if (!fs.exists(dir)) {
        throw new Unusable(3, previous + ": no such folder (--previous names an earlier output)");
      }
      Path format = new Path(dir, FOLDER + "/format");
      if (!fs.exists(format)) {
        throw new Unusable(
            3, previous + ": not an output of refrain-spark scan that keeps its state (no "
                + FOLDER + "/format); run the job over all its input once");
      }
      String line;
      try (var in = fs.open(format)) {
        line = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new Unusable(3, previous + ": cannot read " + FOLDER + "/format: " + describe(e));
      }
      if (!line.equals(FORMAT)) {
        throw new Unusable(
            3, previous + ": its state is \"" + firstLine(line) + "\", this job reads \"" + FORMAT
                + "\"; run the job over all its input once");
      }
      try (ObjectInputStream in = new ObjectInputStream(fs.open(new Path(dir, FOLDER + "/run.bin")))) {
        header = (Header) in.readObject();
      }
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      throw new Unusable(3, previous + ": cannot read " + FOLDER + "/run.bin: " + describe(e));
    }
    Report.Settings here = ReportMapper.settings(options);
    List<String> differ = differences(header.settings(), here);
    if (header.seed() != options.seed()) {
      differ.add("seed " + header.seed() + " there, " + options.seed() + " here");
    }
    if (!differ.isEmpty()) {
      throw new Unusable(
          2, previous + ": made with other settings (" + String.join(", ", differ)
              + "); give the same ones");
    }
    JavaRDD<Kept> kept =
        jsc.<Kept>objectFile(new Path(dir, FOLDER + "/articles").toString())
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Compared> compared =
        jsc.<Compared>objectFile(new Path(dir, FOLDER + "/compared").toString())
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    long articles = count(kept, previous, "articles");
    long pairs = count(compared, previous, "compared");
    if (articles != header.articles() || pairs != header.compared()) {
      kept.unpersist();
      compared.unpersist();
      throw new Unusable(
          3, previous + ": " + FOLDER + " is incomplete (" + articles + " of " + header.articles()
              + " articles, " + pairs + " of " + header.compared() + " compared pairs)");
    }
    return new Previous(previous, header, kept, compared);
  }

  /** Writes the state of a run to {@code output}/state; {@code format} last. */
  static void write(
      SparkSession spark, String output, DetectorOptions options, Templates templates,
      List<ArticleInput.Problem> problems, JavaRDD<Kept> kept, JavaRDD<Compared> compared) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Path dir = new Path(output, FOLDER);
    try {
      FileSystem fs = dir.getFileSystem(jsc.hadoopConfiguration());
      fs.delete(dir, true);
      kept.saveAsObjectFile(new Path(dir, "articles").toString());
      compared.saveAsObjectFile(new Path(dir, "compared").toString());
      long articles = jsc.objectFile(new Path(dir, "articles").toString()).count();
      long pairs = jsc.objectFile(new Path(dir, "compared").toString()).count();
      List<ArticleInput.Problem> kept0 = new ArrayList<>();
      for (ArticleInput.Problem p : problems) {
        kept0.add(new ArticleInput.Problem(p.path(), p.kind(), p.message(), 0, kept0.size()));
      }
      Header header =
          new Header(
              ReportMapper.settings(options), options.seed(), templates, kept0, articles, pairs);
      try (ObjectOutputStream o = new ObjectOutputStream(fs.create(new Path(dir, "run.bin"), true))) {
        o.writeObject(header);
      }
      try (var o = fs.create(new Path(dir, "format"), true)) {
        o.write((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(output + ": cannot write " + FOLDER + ": " + e.getMessage(), e);
    }
  }

  /** Article {@code number}'s prints, renumbered. */
  static ScanJob.Prints renumbered(ScanJob.Prints p, int number) {
    return new ScanJob.Prints(
        number, p.id(), p.source(), p.sourceKey(), p.words(), p.hashes(), p.positions(),
        p.repeated(), p.day());
  }

  /** Quotes of an article now numbered {@code number}. */
  static ScanJob.Quoted renumbered(ScanJob.Quoted q, int number) {
    List<Rendering> renderings = new ArrayList<>();
    for (Rendering r : q.renderings()) {
      renderings.add(new Rendering(number, r.quote(), r.text(), r.words()));
    }
    return new ScanJob.Quoted(renderings, q.people());
  }

  /** A pair found, its articles renumbered by {@code to} (old number to new). */
  static ScanJob.Found renumbered(ScanJob.Found f, int[] to) {
    ArticlePair p = f.pair();
    List<Link> links = new ArrayList<>();
    for (Link l : f.links()) {
      links.add(
          new Link(
              to[l.a()], l.aFromWord(), l.aToWord(), to[l.b()], l.bFromWord(), l.bToWord(),
              l.similarity()));
    }
    return new ScanJob.Found(
        new ArticlePair(
            to[p.a()], to[p.b()], p.passages(), p.containmentA(), p.containmentB(), p.jaccard()),
        f.entry(), links);
  }

  private static long count(JavaRDD<?> rdd, String previous, String table) {
    try {
      return rdd.count();
    } catch (Exception e) { // a task's failure comes as SparkException, which Java sees as checked
      rdd.unpersist();
      throw new Unusable(3, previous + ": cannot read " + FOLDER + "/" + table + ": " + describe(e));
    }
  }

  /** The settings that differ, each as {@code name there, here}. */
  private static List<String> differences(Report.Settings there, Report.Settings here) {
    List<String> out = new ArrayList<>();
    for (var c : Report.Settings.class.getRecordComponents()) {
      try {
        Object a = c.getAccessor().invoke(there);
        Object b = c.getAccessor().invoke(here);
        if (!java.util.Objects.equals(a, b)) {
          out.add(c.getName() + " " + a + " there, " + b + " here");
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** The innermost cause's message, on one line. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String slashed(Path p) {
    String s = p.toString();
    return s.endsWith("/") ? s : s + "/";
  }
}
