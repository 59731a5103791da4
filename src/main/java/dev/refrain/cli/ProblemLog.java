package dev.refrain.cli;

import dev.refrain.document.LoadProblem;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Prints the problems of a load on stderr as they are met, one line each; quiet, it names only
 * missing paths and {@link #finish} prints one line counting the rest.
 */
final class ProblemLog implements Consumer<LoadProblem> {
  private final PrintWriter err;
  private final boolean quiet;
  private long skipped;
  private long warnings;

  ProblemLog(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public void accept(LoadProblem p) {
    if (!quiet || p.kind() == LoadProblem.Kind.MISSING) {
      err.println(p.toLine());
    } else if (p.kind() == LoadProblem.Kind.SKIPPED) {
      skipped++;
    } else {
      warnings++;
    }
  }

  /** Quiet, the line counting what was not named: {@code refrain: 2 inputs skipped, 1 warning}. */
  void finish() {
    if (quiet && skipped + warnings > 0) {
      err.println("refrain: " + Plural.count(skipped, "input") + " skipped, "
          + Plural.count(warnings, "warning") + " (run without --quiet to name them)");
    }
  }
}
