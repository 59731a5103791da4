package dev.refrain.bench.eval;

import java.util.List;
import java.util.Objects;

/**
 * The results of one {@code refrain-bench eval} run.
 *
 * @param tool always {@code refrain}
 * @param command the command that regenerates the report
 * @param corpora each evaluated corpus, in the order asked for
 */
public record EvalReport(String tool, String command, List<CorpusResult> corpora) {
  public EvalReport {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(command, "command");
    corpora = List.copyOf(corpora);
  }

  /** Whether some corpus's data was not found. */
  public boolean anyMissing() {
    return corpora.stream().anyMatch(c -> !c.available());
  }
}
