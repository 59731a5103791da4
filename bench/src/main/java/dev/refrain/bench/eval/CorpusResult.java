package dev.refrain.bench.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What the evaluation of one corpus found: its figures, how they were measured, and notes on
 * misses; or, when the data is absent, where to put it.
 *
 * @param corpus the corpus name on the command line, e.g. {@code clough}
 * @param title a human title
 * @param available false when the data was not found
 * @param message where to put the data, when not available; null otherwise
 * @param method how the figures were measured (score definition, settings, tolerance)
 * @param figures the measured figures
 * @param notes observations: misses, what limits a figure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorpusResult(
    String corpus,
    String title,
    boolean available,
    String message,
    List<String> method,
    List<Figure> figures,
    List<String> notes) {

  public CorpusResult {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(title, "title");
    method = List.copyOf(method);
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
    if (!available && message == null) {
      throw new IllegalArgumentException("a missing corpus needs a message saying where to put it");
    }
  }

  /** The result for a corpus whose data is absent. */
  public static CorpusResult missing(String corpus, String title, String message) {
    return new CorpusResult(corpus, title, false, message, List.of(), List.of(), List.of());
  }

  /** The result for an evaluated corpus. */
  public static CorpusResult of(
      String corpus, String title, List<String> method, List<Figure> figures, List<String> notes) {
    return new CorpusResult(corpus, title, true, null, method, figures, notes);
  }
}
