package dev.refrain.cli;

import dev.refrain.index.IndexSettings;
import dev.refrain.kernel.DetectorOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The detection options shared by scan, index and check. Those that decide what an index stores
 * (shingle size, window, template min articles, max bucket) are null when not given, so an
 * existing index's settings apply; giving one that differs from the index's is refused.
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
      names = {"--template-min-articles", "--boilerplate-min-articles"},
      paramLabel = "N",
      description = "Articles of one source that must carry a text at their head or tail for it to be"
          + " a template (a footer: reported once, never paired), 2 to 1000000. Default: 3.")
  Integer templateMinArticles;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "Shingles per winnowing window, 1 to 1000: any verbatim run of window + shingle"
          + " size - 1 words is found for sure; smaller finds more reworded text and costs more."
          + " Default: 6.")
  Integer window;

  @Option(
      names = "--max-bucket",
      paramLabel = "N",
      description = "A fingerprint held by more articles than this is too common to propose pairs"
          + " (and is corpus-wide template text when it sits at their edges), 2 to 1000000."
          + " Default: 200.")
  Integer maxBucket;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, 1 to 256. Default: the number of processors.")
  Integer threads;

  /** True when an option that decides what an index stores was given. */
  boolean anyIndexSetting() {
    return shingleSize != null || window != null || templateMinArticles != null || maxBucket != null;
  }

  /** The options, with defaults for what was not given. */
  DetectorOptions scanOptions() {
    return scanOptions(IndexSettings.of(DetectorOptions.defaults()));
  }

  /** The options, taking what was not given from an index's settings. */
  DetectorOptions scanOptions(IndexSettings base) {
    int k = shingleSize != null ? shingleSize : base.shingleSize();
    int w = window != null ? window : base.window();
    int t = templateMinArticles != null ? templateMinArticles : base.templateMinArticles();
    int m = maxBucket != null ? maxBucket : base.maxBucket();
    Usage.range(spec, "--shingle-size", k, 1, 32);
    Usage.range(spec, "--min-words", minWords, 1, 100_000);
    Usage.range(spec, "--max-gap", maxGap, 0, 100);
    Usage.range(spec, "--template-min-articles", t, 2, 1_000_000);
    Usage.range(spec, "--window", w, 1, 1000);
    Usage.range(spec, "--max-bucket", m, 2, 1_000_000);
    Usage.fraction(spec, "--min-similarity", minSimilarity);
    int threadCount =
        threads == null ? Math.min(256, Runtime.getRuntime().availableProcessors()) : threads;
    Usage.range(spec, "--threads", threadCount, 1, 256);
    return new DetectorOptions(
        k, w, minWords, maxGap, minSimilarity, t, m, threadCount, base.seed());
  }
}
