package dev.refrain.bench.peers.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's MinHashLSH self-join, whole-article, in {@code local[threads]}: RegexTokenizer
 * (lower case, split on non letters/digits), NGram(5), HashingTF (2^20 features, binary),
 * MinHashLSH ({@code tables} hash tables), {@code approxSimilarityJoin} of the corpus with itself
 * at Jaccard distance at most {@code threshold}. Runs in its own JVM (class path: Spark's jars,
 * then the bench jar) and writes {@code idA \t idB \t distance} lines; uses nothing of the bench
 * but the JDK and Spark, so our Jackson never meets Spark's.
 *
 * <p>Usage: {@code SparkPeer CORPUS_DIR OUT_TSV THREADS TABLES THRESHOLD TMP_DIR}
 */
public final class SparkPeer {
  private SparkPeer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      System.err.println("usage: SparkPeer CORPUS_DIR OUT_TSV THREADS TABLES THRESHOLD TMP_DIR");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    int tables = Integer.parseInt(args[3]);
    double threshold = Double.parseDouble(args[4]);
    Path tmp = Path.of(args[5]);
    Files.createDirectories(tmp);
    long t0 = System.nanoTime();
    SparkSession spark = SparkSession.builder()
        .master("local[" + threads + "]")
        .appName("refrain-bench-spark-peer")
        .config("spark.ui.enabled", "false")
        .config("spark.local.dir", tmp.toAbsolutePath().toString())
        .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(8, threads * 4)))
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    long t1 = System.nanoTime();
    long pairs = 0;
    try {
      StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
      Dataset<Row> articles = spark.read().schema(schema).json(corpus.toAbsolutePath().toString());
      Dataset<Row> words = new RegexTokenizer()
          .setInputCol("text").setOutputCol("words").setPattern("[^\\p{L}\\p{N}]+").setToLowercase(true)
          .transform(articles);
      Dataset<Row> shingles = new NGram().setN(5).setInputCol("words").setOutputCol("shingles").transform(words);
      Dataset<Row> features = new HashingTF()
          .setInputCol("shingles").setOutputCol("features").setNumFeatures(1 << 20).setBinary(true)
          .transform(shingles)
          .filter(size(col("shingles")).gt(0)) // MinHashLSH rejects empty vectors
          .select("id", "features")
          .cache();
      MinHashLSHModel model = new MinHashLSH()
          .setNumHashTables(tables).setInputCol("features").setOutputCol("hashes").setSeed(42)
          .fit(features);
      Dataset<Row> joined = model.approxSimilarityJoin(features, features, threshold, "distance")
          .filter(col("datasetA.id").lt(col("datasetB.id")))
          .select(col("datasetA.id").as("a"), col("datasetB.id").as("b"), col("distance"));
      Path tmpOut = out.resolveSibling(out.getFileName() + ".tmp");
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmpOut, StandardCharsets.UTF_8))) {
        Iterator<Row> it = joined.toLocalIterator();
        while (it.hasNext()) {
          Row r = it.next();
          w.write(r.getString(0) + "\t" + r.getString(1) + "\t" + String.format(Locale.ROOT, "%.4f", r.getDouble(2)) + "\n");
          pairs++;
        }
      }
      Files.move(tmpOut, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      spark.stop();
    }
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "spark-peer pairs=%d startSeconds=%.3f joinSeconds=%.3f%n", pairs, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }
}
