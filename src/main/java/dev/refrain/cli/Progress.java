package dev.refrain.cli;

import dev.refrain.kernel.ProgressListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long run (scan, index add) on stderr: a bar for each stage of known length and
 * a count for reading (when wanted, see {@link ProgressOptions}), a line as each stage ends with
 * {@code --verbose}, and the wall time of each stage for {@code --timings}.
 */
abstract class Progress implements ProgressListener, AutoCloseable {
  private final java.util.LinkedHashMap<String, Long> nanos = new java.util.LinkedHashMap<>();
  private String stage;
  private long started;

  /** Starts timing a stage. */
  private void time(String name) {
    finishTiming();
    stage = name;
    started = System.nanoTime();
  }

  private void finishTiming() {
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

  /**
   * A bar on {@code err} for each stage of more than one step ({@code bar}), and a line there as
   * each stage ends ({@code verbose}).
   */
  static Progress create(boolean bar, boolean verbose, PrintWriter err) {
    Progress p = bar ? new Bar(err) : new Silent();
    return verbose ? new Verbose(p, err) : p;
  }

  @Override
  public abstract void close();

  private static final class Silent extends Progress {
    @Override
    public void close() {}
  }

  /**
   * A bar for a stage of known length (more than one step); for a stage of unknown length (0),
   * a count of the steps done, redrawn at most every {@value #REDRAW_MILLIS} ms; nothing for a
   * stage of one step, whose bar would only jump from 0 to 1 (no empty {@code ? % [] 0/0}).
   */
  private static final class Bar extends Progress {
    static final int REDRAW_MILLIS = 200;

    private final PrintWriter err;
    private ProgressBar bar;
    /** The stage being counted, when its length is unknown; else null. */
    private String counting;
    private long counted;
    private long drawnAt;

    Bar(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void stageStarted(String stage, long total) {
      super.stageStarted(stage, total);
      close();
      if (total > 1) {
        bar =
            new ProgressBarBuilder()
                .setTaskName(stage)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new LineConsumer(err, width()))
                .setUpdateIntervalMillis(REDRAW_MILLIS)
                .showSpeed()
                .build();
      } else if (total == 0) {
        counting = stage;
        counted = 0;
        drawnAt = System.nanoTime();
      }
    }

    @Override
    public void advanced(long steps) {
      if (bar != null) {
        bar.stepBy(steps);
      } else if (counting != null) {
        counted += steps;
        long now = System.nanoTime();
        if (now - drawnAt >= REDRAW_MILLIS * 1_000_000L) {
          drawnAt = now;
          drawCount();
        }
      }
    }

    /**
     * Draws the count and puts the cursor back at the line's start, so a problem printed next
     * (a skipped file) writes over the count instead of after it.
     */
    private void drawCount() {
      err.print(counting + ": " + counted + "\r");
      err.flush();
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
      if (counting != null) {
        if (counted > 0) {
          drawCount();
          err.println();
          err.flush();
        }
        counting = null;
      }
    }

    /** The terminal's width as the shell exports it ({@code COLUMNS}), else 80. */
    private static int width() {
      try {
        int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
        return columns >= 20 ? columns - 1 : 79;
      } catch (NumberFormatException e) {
        return 79;
      }
    }
  }

  /** Draws a bar on one line of the command's stderr, ending it when the bar is closed. */
  private static final class LineConsumer extends DelegatingProgressBarConsumer {
    private final PrintWriter err;

    LineConsumer(PrintWriter err, int width) {
      super(
          line -> {
            err.print("\r" + line);
            err.flush();
          },
          width);
      this.err = err;
    }

    @Override
    public void close() {
      err.println();
      err.flush();
    }
  }

  /** Another progress, and a line on stderr as each stage ends: its name and wall time. */
  private static final class Verbose extends Progress {
    private final Progress inner;
    private final PrintWriter err;
    private String current;
    private long started;

    Verbose(Progress inner, PrintWriter err) {
      this.inner = inner;
      this.err = err;
    }

    @Override
    public void stageStarted(String stage, long total) {
      super.stageStarted(stage, total);
      inner.stageStarted(stage, total);
      current = stage;
      started = System.nanoTime();
    }

    @Override
    public void advanced(long steps) {
      inner.advanced(steps);
    }

    @Override
    public void stageFinished() {
      super.stageFinished();
      inner.stageFinished();
      if (current != null) {
        err.println(String.format(java.util.Locale.ROOT, "refrain: %s done in %.2f s", current,
            (System.nanoTime() - started) / 1e9));
        err.flush();
        current = null;
      }
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
