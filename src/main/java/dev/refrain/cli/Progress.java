package dev.refrain.cli;

import dev.refrain.kernel.ProgressListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long scans (drawing nothing when not wanted), and the wall time
 * of each stage, for {@code --timings}.
 */
abstract class Progress implements ProgressListener, AutoCloseable {
  private final java.util.LinkedHashMap<String, Long> nanos = new java.util.LinkedHashMap<>();
  private String stage;
  private long started;

  /** Records a stage timed before this object existed (loading the articles). */
  final void record(String name, long elapsedNanos) {
    nanos.merge(name, elapsedNanos, Long::sum);
  }

  /** Starts timing a stage the engine does not announce itself (writing reports). */
  final void time(String name) {
    finishTiming();
    stage = name;
    started = System.nanoTime();
  }

  final void finishTiming() {
    if (stage != null) {
      nanos.merge(stage, System.nanoTime() - started, Long::sum);
      stage = null;
    }
  }

  /** {@code "load 2.1 s, prepare 3.0 s, ..."}: the stages timed so far, in order. */
  final String timings() {
    finishTiming();
    StringBuilder b = new StringBuilder();
    long total = 0;
    for (var e : nanos.entrySet()) {
      b.append(b.length() == 0 ? "" : ", ")
          .append(e.getKey())
          .append(String.format(java.util.Locale.ROOT, " %.2f s", e.getValue() / 1e9));
      total += e.getValue();
    }
    return b.append(String.format(java.util.Locale.ROOT, "; total %.2f s", total / 1e9))
        .append("; peak heap ").append(peakHeapBytes() >> 20).append(" MiB")
        .toString();
  }

  /**
   * The most heap the run has used: the largest peak of any heap pool's use, and at least the
   * sum of the pools' current use. (Pools peak at different moments, so their peaks are not
   * summed.)
   */
  static long peakHeapBytes() {
    long peak = 0;
    long now = 0;
    for (java.lang.management.MemoryPoolMXBean pool :
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
        now += pool.getUsage().getUsed();
      }
    }
    return Math.max(peak, now);
  }

  @Override
  public void stageStarted(String name, long total) {
    time(name);
  }

  @Override
  public void stageFinished() {
    finishTiming();
  }

  /** When to draw the bar. */
  enum When {
    AUTO,
    ALWAYS,
    NEVER
  }

  /** Scans of fewer articles than this finish too fast for a bar to help. */
  static final int AUTO_MIN_ARTICLES = 200;

  static Progress create(When when, int articles, PrintWriter err) {
    boolean interactive = System.console() != null && System.getenv("CI") == null;
    boolean draw =
        when == When.ALWAYS || (when == When.AUTO && interactive && articles >= AUTO_MIN_ARTICLES);
    return draw ? new Bar() : new Silent();
  }

  @Override
  public abstract void close();

  private static final class Silent extends Progress {
    @Override
    public void close() {}
  }

  private static final class Bar extends Progress {
    private ProgressBar bar;

    @Override
    public void stageStarted(String stage, long total) {
      super.stageStarted(stage, total);
      close();
      bar =
          new ProgressBarBuilder()
              .setTaskName(stage)
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .setUpdateIntervalMillis(200)
              .showSpeed()
              .build();
    }

    @Override
    public void advanced(long steps) {
      if (bar != null) {
        bar.stepBy(steps);
      }
    }

    @Override
    public void stageFinished() {
      super.stageFinished();
      close();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
