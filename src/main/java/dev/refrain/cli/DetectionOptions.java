package dev.refrain.cli;

import dev.refrain.normalize.Hash64;
import dev.refrain.index.IndexSettings;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.scan.ScanOptions;
import dev.refrain.shingle.Shingler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The detection options shared by scan, index and check. Those that decide what an index stores
 * (shingle size, window, bands, rows) are null when not given, so an existing index's settings
 * apply; giving one that differs from the index's is refused.
 */
final class DetectionOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--shingle-size",
      paramLabel = "N",
      description = "Words per shingle, 1 to 32. Smaller finds shorter shared phrases and more noise. Default: 5.")
  Integer shingleSize;

  @Option(
      names = {"--min-words", "--min-passage-words"},
      paramLabel = "N",
      description = "Shortest passage reported, in words on each side, 1 to 100000. Default: 8.")
  int minWords = 8;

  @Option(
      names = "--min-similarity",
      paramLabel = "X",
      description = "Lowest passage similarity reported (share of its words both sides have), 0 to 1. Default: 0.5.")
  double minSimilarity = 0.5;

  @Option(
      names = "--max-gap",
      paramLabel = "N",
      description = "Longest run of differing words bridged inside one passage, 0 to 100. Default: 8.")
  int maxGap = 8;

  @Option(
      names = "--boilerplate-min-articles",
      paramLabel = "N",
      description = "Articles a verbatim passage at the head or tail must recur in to be boilerplate, 2 to 1000000. Default: 3.")
  int boilerplateMinArticles = 3;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "Shingles per MinHash window (LSH candidates), 1 to 1000. Default: 10.")
  Integer window;

  @Option(
      names = "--bands",
      paramLabel = "N",
      description = "LSH bands, 1 to 64. More bands find more weakly similar pairs. Default: 8.")
  Integer bands;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "MinHash values per LSH band, 1 to 8. More rows propose fewer, closer pairs. Default: 2.")
  Integer rows;

  @Option(
      names = "--max-bucket",
      paramLabel = "N",
      description = "An LSH key shared by more articles than this is too common to propose pairs, 2 to 1000000. Default: 200.")
  int maxBucket = 200;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, 1 to 256. Default: the number of processors.")
  Integer threads;

  /** True when an option that decides what an index stores was given. */
  boolean anyIndexSetting() {
    return shingleSize != null || window != null || bands != null || rows != null;
  }

  /** The options, with defaults for what was not given. */
  ScanOptions scanOptions() {
    ScanOptions d = ScanOptions.defaults();
    return scanOptions(
        new IndexSettings(IndexSettings.FORMAT, TextNormalizer.VERSION, d.shingleSize(), d.window(),
            d.bands(), d.rows(), Hash64.DEFAULT_SEED));
  }

  /** The options, taking what was not given from an index's settings. */
  ScanOptions scanOptions(IndexSettings base) {
    int k = shingleSize != null ? shingleSize : base.shingleSize();
    int w = window != null ? window : base.window();
    int b = bands != null ? bands : base.bands();
    int r = rows != null ? rows : base.rows();
    Usage.range(spec, "--shingle-size", k, 1, 32);
    Usage.range(spec, "--min-words", minWords, 1, 100_000);
    Usage.range(spec, "--max-gap", maxGap, 0, 100);
    Usage.range(spec, "--boilerplate-min-articles", boilerplateMinArticles, 2, 1_000_000);
    Usage.range(spec, "--window", w, 1, 1000);
    Usage.range(spec, "--bands", b, 1, 64);
    Usage.range(spec, "--rows", r, 1, 8);
    Usage.range(spec, "--max-bucket", maxBucket, 2, 1_000_000);
    Usage.fraction(spec, "--min-similarity", minSimilarity);
    int threadCount =
        threads == null ? Math.min(256, Runtime.getRuntime().availableProcessors()) : threads;
    Usage.range(spec, "--threads", threadCount, 1, 256);
    return new ScanOptions(
        k, w, b, r, minWords, maxGap, minSimilarity, boilerplateMinArticles, maxBucket,
        threadCount, base.seed());
  }
}
