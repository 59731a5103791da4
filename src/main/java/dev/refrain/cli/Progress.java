package dev.refrain.cli;

import dev.refrain.kernel.ProgressListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr for long scans; draws nothing when not wanted. */
abstract class Progress implements ProgressListener, AutoCloseable {

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
