package dev.refrain.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a long command (scan, index add) reports its progress on stderr: the options they share. */
final class ProgressOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      description = "Progress bar on stderr: auto (when stderr is a terminal, outside CI, and"
          + " not --quiet), always, never. Default: ${DEFAULT-VALUE}.")
  Progress.When progress = Progress.When.AUTO;

  @Option(
      names = "--verbose",
      description = "Print a line on stderr as each stage ends (its name and wall time); index"
          + " add also names each article that replaced one, a line each on stdout.")
  boolean verbose;

  /** The progress of this run: a bar, stage lines, both or neither, as the options say. */
  Progress create(boolean quiet, PrintWriter err) {
    if (quiet && verbose) {
      throw Usage.error(mixee, "--quiet and --verbose cannot be used together");
    }
    boolean bar =
        progress == Progress.When.ALWAYS
            || (progress == Progress.When.AUTO && !quiet && interactive());
    // The bar's carriage returns must reach the terminal: it writes to stderr unescaped (it
    // prints stage names and counts only); stage lines and problems go through err.
    Object root = mixee.root().userObject();
    PrintWriter barErr = root instanceof Main main ? main.progressErr(err) : err;
    return Progress.create(bar, verbose, bar ? barErr : err);
  }

  private boolean interactive() {
    Object root = mixee.root().userObject();
    return root instanceof Main main ? main.stderrInteractive() : Terminal.stderrInteractive();
  }
}
