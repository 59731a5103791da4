package dev.refrain.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark of the tests: {@code local[2]}, small shuffles, no UI, warnings only. */
final class Spark {
  private Spark() {}

  static SparkSession local() {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("refrain-spark-test")
            .config("spark.ui.enabled", "false")
            .config("spark.default.parallelism", "4")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
