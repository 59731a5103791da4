package dev.refrain.kernel;

/** Hears how far a long run (scan, index add, check) has got, e.g. to draw a progress bar. Calls come from one thread. */
public interface ProgressListener {

  /** A stage starts with {@code total} steps ("prepare", "align"). */
  default void stageStarted(String stage, long total) {}

  /** {@code steps} more steps of the current stage are done. */
  default void advanced(long steps) {}

  /** The current stage is done. */
  default void stageFinished() {}

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};
}
