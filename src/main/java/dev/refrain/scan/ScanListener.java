package dev.refrain.scan;

/** Hears how far a scan has got, e.g. to draw a progress bar. Calls come from one thread. */
public interface ScanListener {

  /** A stage starts with {@code total} steps ("prepare", "align"). */
  default void stageStarted(String stage, long total) {}

  /** {@code steps} more steps of the current stage are done. */
  default void advanced(long steps) {}

  /** The current stage is done. */
  default void stageFinished() {}

  /** A listener that ignores everything. */
  ScanListener NONE = new ScanListener() {};
}
