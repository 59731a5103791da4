package dev.refrain.spark;

import dev.refrain.kernel.DetectorOptions;
import dev.refrain.lsh.CandidatePairs;
import dev.refrain.report.JsonLinesReportRenderer;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import dev.refrain.template.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Writes what the job found to its output folder (any Hadoop file system):
 *
 * <ul>
 *   <li>{@code report.jsonl}: exactly the JSON Lines report {@code scan --format jsonl} writes
 *       ({@code docs/report-schema.md}): header, articles by id, pairs most shared first,
 *       clusters, quote families, templates, problems, stats. Its sections are written by the workers in order
 *       and joined into one file.
 *   <li>Parquet tables of the same entries: {@code articles}, {@code pairs} (with their {@code
 *       rank}, 0 for the most shared), {@code passages} (one row a passage, with its variant
 *       diff), {@code clusters}, {@code quoteFamilies}, {@code templates}, {@code problems}.
 * </ul>
 */
final class JobOutput {
  private JobOutput() {}

  /** The file a run's output folder is known by: its report. */
  static final String REPORT = "report.jsonl";

  static ScanJob.Summary write(
      SparkSession spark,
      String output,
      DetectorOptions options,
      JavaRDD<Report.ArticleEntry> articles,
      JavaRDD<Report.PairEntry> ranked,
      JavaRDD<Report.ClusterEntry> clusters,
      JavaRDD<Report.QuoteFamilyEntry> quoteFamilies,
      Templates templates,
      List<ArticleInput.Problem> problems,
      int n,
      long candidates,
      CandidatePairs.Caps caps) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    Path out = new Path(output);
    try {
      FileSystem fs = out.getFileSystem(conf);
      prepare(fs, out);
      articles = articles.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK_SER());
      JavaRDD<Tuple2<Report.PairEntry, Long>> pairs =
          ranked.zipWithIndex().map(t -> new Tuple2<>(t._1(), t._2())).persist(
              org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK_SER());
      clusters = clusters.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK_SER());
      quoteFamilies =
          quoteFamilies.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK_SER());
      List<Report.TemplateEntry> templateEntries = ReportMapper.templates(templates.list());
      List<Report.ProblemEntry> problemEntries = new ArrayList<>();
      for (ArticleInput.Problem p : problems) {
        problemEntries.add(new Report.ProblemEntry(p.path(), p.kind(), p.message()));
      }
      // an article's pair with itself is in pairs[] (the report contract), not counted in stats
      long pairCount = pairs.filter(t -> !t._1().a().equals(t._1().b())).count();
      long passages = pairs.map(t -> (long) t._1().passages().size()).fold(0L, Long::sum);
      long clusterCount = clusters.count();
      long templateArticles = articles.filter(a -> a.templateWords() > 0).count();
      int skipped = (int) problems.stream().filter(p -> !p.kind().equals("warning")).count();
      Report.Stats stats =
          new Report.Stats(
              n, (int) candidates, (int) pairCount, (int) passages, (int) clusterCount,
              templateEntries.size(), (int) templateArticles, caps.fingerprints(), skipped,
              ReportMapper.caps(caps));

      // report.jsonl, a section at a time.
      Path parts = new Path(out, "_report-parts");
      fs.delete(parts, true);
      List<Path> sections = new ArrayList<>();
      List<String> head = List.of(JsonLinesReportRenderer.headerLine(ReportMapper.settings(options)));
      sections.add(lines(jsc.parallelize(head, 1), parts, "0-header"));
      sections.add(lines(articles.map(JsonLinesReportRenderer::articleLine), parts, "1-articles"));
      sections.add(lines(pairs.map(t -> JsonLinesReportRenderer.pairLine(t._1())), parts, "2-pairs"));
      sections.add(lines(clusters.map(JsonLinesReportRenderer::clusterLine), parts, "3-clusters"));
      sections.add(
          lines(quoteFamilies.map(JsonLinesReportRenderer::quoteFamilyLine), parts, "4-quotes"));
      List<String> tail = new ArrayList<>();
      templateEntries.forEach(t -> tail.add(JsonLinesReportRenderer.templateLine(t)));
      problemEntries.forEach(p -> tail.add(JsonLinesReportRenderer.problemLine(p)));
      tail.add(JsonLinesReportRenderer.statsLine(stats));
      sections.add(lines(jsc.parallelize(tail, 1), parts, "5-rest"));
      join(fs, sections, new Path(out, REPORT));
      fs.delete(parts, true);

      // The Parquet tables.
      table(spark, articles.map(JobOutput::articleRow), ARTICLES, new Path(out, "articles"));
      table(spark, pairs.map(t -> pairRow(t._1(), t._2())), PAIRS, new Path(out, "pairs"));
      table(spark, pairs.flatMap(t -> passageRows(t._1()).iterator()), PASSAGES, new Path(out, "passages"));
      table(spark, clusters.map(JobOutput::clusterRow), CLUSTERS, new Path(out, "clusters"));
      table(
          spark, quoteFamilies.map(JobOutput::quoteFamilyRow), QUOTE_FAMILIES,
          new Path(out, "quoteFamilies"));
      List<Row> templateRows = new ArrayList<>();
      templateEntries.forEach(t -> templateRows.add(templateRow(t)));
      table(spark, jsc.parallelize(templateRows, 1), TEMPLATES, new Path(out, "templates"));
      List<Row> problemRows = new ArrayList<>();
      problemEntries.forEach(p -> problemRows.add(RowFactory.create(p.path(), p.kind(), p.message())));
      table(spark, jsc.parallelize(problemRows, 1), PROBLEMS, new Path(out, "problems"));
      articles.unpersist();
      pairs.unpersist();
      clusters.unpersist();
      quoteFamilies.unpersist();
      return new ScanJob.Summary(
          n, candidates, pairCount, passages, clusterCount, templateEntries.size(),
          caps.fingerprints(), problems);
    } catch (IOException e) {
      throw new UncheckedIOException(output + ": cannot write the output: " + e.getMessage(), e);
    }
  }

  /**
   * Makes {@code out} ready: created when missing; an earlier run's output (it has a report) is
   * replaced; any other folder that is not empty is refused, never emptied.
   */
  private static void prepare(FileSystem fs, Path out) throws IOException {
    if (!fs.exists(out)) {
      fs.mkdirs(out);
      return;
    }
    FileStatus[] inside = fs.listStatus(out);
    if (inside.length == 0) {
      return;
    }
    if (!fs.exists(new Path(out, REPORT))) {
      throw new IOException(
          "not empty and not the output of an earlier run (no " + REPORT + "): give a new folder");
    }
    for (FileStatus f : inside) {
      fs.delete(f.getPath(), true);
    }
  }

  /** Writes lines (each ending in a newline) as a text folder of parts, in order. */
  private static Path lines(JavaRDD<String> lines, Path parts, String name) {
    Path dir = new Path(parts, name);
    lines.map(l -> l.substring(0, l.length() - 1)).saveAsTextFile(dir.toString());
    return dir;
  }

  /** Joins the parts of {@code sections}, in order, into one file. */
  private static void join(FileSystem fs, List<Path> sections, Path into) throws IOException {
    try (OutputStream o = fs.create(into, true)) {
      for (Path section : sections) {
        List<Path> files = new ArrayList<>();
        for (FileStatus f : fs.listStatus(section)) {
          if (f.getPath().getName().startsWith("part-")) {
            files.add(f.getPath());
          }
        }
        files.sort(null);
        for (Path f : files) {
          try (InputStream in = fs.open(f)) {
            in.transferTo(o);
          }
        }
      }
    }
  }

  private static void table(SparkSession spark, JavaRDD<Row> rows, StructType schema, Path at) {
    spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(at.toString());
  }

  private static final StructType DIFF =
      new StructType()
          .add("op", DataTypes.StringType)
          .add("aStart", DataTypes.IntegerType)
          .add("aEnd", DataTypes.IntegerType)
          .add("bStart", DataTypes.IntegerType)
          .add("bEnd", DataTypes.IntegerType)
          .add("aText", DataTypes.StringType)
          .add("bText", DataTypes.StringType);

  private static final StructType SPAN =
      new StructType()
          .add("start", DataTypes.IntegerType)
          .add("end", DataTypes.IntegerType)
          .add("text", DataTypes.StringType);

  private static final StructType DIRECTION =
      new StructType()
          .add("first", DataTypes.StringType)
          .add("basis", DataTypes.StringType)
          .add("reason", DataTypes.StringType);

  private static final ArrayType KINDS = new ArrayType(DataTypes.StringType, false);

  /** A passage as {@code internalRepeats[]} holds it (the contract's constant boilerplate left out). */
  private static final StructType PASSAGE =
      withPassageFigures(new StructType().add("a", SPAN).add("b", SPAN));

  /** {@code head} and then a passage's figures, kinds and diff (as {@link #figures} gives them). */
  private static StructType withPassageFigures(StructType head) {
    return head.add("similarity", DataTypes.DoubleType)
        .add("kind", DataTypes.StringType)
        .add("wordsA", DataTypes.IntegerType)
        .add("wordsB", DataTypes.IntegerType)
        .add("cluster", DataTypes.StringType)
        .add("kinds", KINDS)
        .add("diff", new ArrayType(DIFF, false));
  }

  /** A row of {@code head} and then the figures, kinds and diff of passage {@code x}. */
  private static Row withFigures(Report.PassageEntry x, Object... head) {
    Object[] values = java.util.Arrays.copyOf(head, head.length + 7);
    Object[] figures = {
      x.similarity(), x.kind(), x.wordsA(), x.wordsB(), x.cluster(), seq(x.kinds()),
      diffRows(x.diff())
    };
    System.arraycopy(figures, 0, values, head.length, figures.length);
    return RowFactory.create(values);
  }

  static final StructType ARTICLES =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("path", DataTypes.StringType)
          .add("chars", DataTypes.IntegerType)
          .add("words", DataTypes.IntegerType)
          .add("templateWords", DataTypes.IntegerType)
          .add("source", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("published", DataTypes.StringType)
          .add("repetitiveWords", DataTypes.IntegerType)
          .add("internalRepeats", new ArrayType(PASSAGE, false));

  static final StructType PAIRS =
      new StructType()
          .add("rank", DataTypes.LongType)
          .add("a", DataTypes.StringType)
          .add("b", DataTypes.StringType)
          .add("containmentA", DataTypes.DoubleType)
          .add("containmentB", DataTypes.DoubleType)
          .add("jaccard", DataTypes.DoubleType)
          .add("longestPassageWords", DataTypes.IntegerType)
          .add("passages", DataTypes.IntegerType)
          .add("direction", DIRECTION);

  static final StructType PASSAGES =
      withPassageFigures(
          new StructType()
              .add("a", DataTypes.StringType)
              .add("b", DataTypes.StringType)
              .add("passage", DataTypes.IntegerType)
              .add("aStart", DataTypes.IntegerType)
              .add("aEnd", DataTypes.IntegerType)
              .add("aText", DataTypes.StringType)
              .add("bStart", DataTypes.IntegerType)
              .add("bEnd", DataTypes.IntegerType)
              .add("bText", DataTypes.StringType));

  /** Where a text is in an article (a cluster occurrence, a quote rendering): the fields it starts with. */
  private static StructType inArticle() {
    return new StructType()
        .add("article", DataTypes.StringType)
        .add("start", DataTypes.IntegerType)
        .add("end", DataTypes.IntegerType)
        .add("text", DataTypes.StringType);
  }

  static final StructType CLUSTERS =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("articleCount", DataTypes.IntegerType)
          .add(
              "occurrences",
              new ArrayType(
                  inArticle()
                      .add("canonical", DataTypes.BooleanType)
                      .add("similarity", DataTypes.DoubleType)
                      .add("kinds", KINDS)
                      .add("diff", new ArrayType(DIFF, false)),
                  false))
          .add("earliest", DIRECTION);

  static final StructType QUOTE_FAMILIES =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("speaker", DataTypes.StringType)
          .add("speakerType", DataTypes.StringType)
          .add("articleCount", DataTypes.IntegerType)
          .add(
              "renderings",
              new ArrayType(
                  inArticle()
                      .add("kind", DataTypes.StringType)
                      .add("canonical", DataTypes.BooleanType)
                      .add("speaker", DataTypes.StringType)
                      .add("speakerMention", DataTypes.StringType)
                      .add("attribution", DataTypes.StringType)
                      .add("similarity", DataTypes.DoubleType)
                      .add("kinds", KINDS)
                      .add("diff", new ArrayType(DIFF, false)),
                  false));

  static final StructType TEMPLATES =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("text", DataTypes.StringType)
          .add("words", DataTypes.IntegerType)
          .add("sources", new ArrayType(DataTypes.StringType, false))
          .add("articleCount", DataTypes.IntegerType)
          .add("examples", new ArrayType(DataTypes.StringType, false))
          .add("corpusWide", DataTypes.BooleanType);

  static final StructType PROBLEMS =
      new StructType()
          .add("path", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("message", DataTypes.StringType);

  private static Row articleRow(Report.ArticleEntry a) {
    return RowFactory.create(
        a.id(), a.path(), a.chars(), a.words(), a.templateWords(), a.source(), a.title(),
        a.published(), a.repetitiveWords(),
        a.internalRepeats().isEmpty() ? null : seq(passages(a.internalRepeats())));
  }

  /** Passages as {@link #PASSAGE} rows. */
  private static List<Row> passages(List<Report.PassageEntry> passages) {
    List<Row> out = new ArrayList<>();
    for (Report.PassageEntry x : passages) {
      out.add(withFigures(x, span(x.a()), span(x.b())));
    }
    return out;
  }

  private static Row span(Report.Span s) {
    return RowFactory.create(s.start(), s.end(), s.text());
  }

  /** A direction as a {@link #DIRECTION} row, null when not judged. */
  private static Row direction(Report.DirectionEntry d) {
    return d == null ? null : RowFactory.create(d.first(), d.basis(), d.reason());
  }

  private static Row pairRow(Report.PairEntry p, long rank) {
    return RowFactory.create(
        rank, p.a(), p.b(), p.containmentA(), p.containmentB(), p.jaccard(),
        p.longestPassageWords(), p.passages().size(), direction(p.direction()));
  }

  private static List<Row> passageRows(Report.PairEntry p) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < p.passages().size(); i++) {
      Report.PassageEntry x = p.passages().get(i);
      out.add(
          withFigures(
              x, p.a(), p.b(), i, x.a().start(), x.a().end(), x.a().text(), x.b().start(),
              x.b().end(), x.b().text()));
    }
    return out;
  }

  private static Row clusterRow(Report.ClusterEntry c) {
    List<Row> occurrences = new ArrayList<>();
    for (Report.Occurrence o : c.occurrences()) {
      occurrences.add(
          RowFactory.create(
              o.article(), o.start(), o.end(), o.text(), o.canonical(), o.similarity(),
              seq(o.kinds()), diffRows(o.diff())));
    }
    return RowFactory.create(
        c.id(), c.articleCount(), seq(occurrences), direction(c.earliest()));
  }

  private static Row quoteFamilyRow(Report.QuoteFamilyEntry f) {
    List<Row> renderings = new ArrayList<>();
    for (Report.QuoteRenderingEntry r : f.renderings()) {
      renderings.add(
          RowFactory.create(
              r.article(), r.start(), r.end(), r.text(), r.kind(), r.canonical(), r.speaker(),
              r.speakerMention(), r.attribution(), r.similarity(), seq(r.kinds()),
              diffRows(r.diff())));
    }
    return RowFactory.create(
        f.id(), f.speaker(), f.speakerType(), f.articleCount(), seq(renderings));
  }

  private static Row templateRow(Report.TemplateEntry t) {
    return RowFactory.create(
        t.id(), t.text(), t.words(), seq(t.sources()), t.articleCount(), seq(t.examples()),
        t.corpusWide());
  }

  private static scala.collection.immutable.Seq<Row> diffRows(List<Report.DiffOp> diff) {
    List<Row> rows = new ArrayList<>();
    for (Report.DiffOp d : diff) {
      // As the JSON report has them: an equal step's words are the passage's, not repeated.
      boolean equal = d.op().equals("equal");
      rows.add(
          RowFactory.create(
              d.op(), d.aStart(), d.aEnd(), d.bStart(), d.bEnd(), equal ? null : d.aText(),
              equal ? null : d.bText()));
    }
    return seq(rows);
  }

  private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

}
