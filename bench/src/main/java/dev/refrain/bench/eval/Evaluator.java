package dev.refrain.bench.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the evaluation of one corpus by name, turning absent data into a result that says where
 * to put it.
 *
 * @param data the folder holding the corpora ({@code clough-stevenson/}, {@code msrp/}, ...)
 * @param seeds the folder holding the seed articles
 */
public record Evaluator(Path data, Path seeds) {

  /** The corpus names, in the order {@code all} runs them. */
  public static final List<String> CORPORA =
      List.of(
          CloughEval.NAME, MsrpEval.NAME, Pan13Eval.NAME, SeedsEval.NAME, SyntheticEval.NAME,
          QuotesEval.NAME);

  private static final Map<String, String> TITLES =
      Map.of(
          CloughEval.NAME, CloughEval.TITLE,
          MsrpEval.NAME, MsrpEval.TITLE,
          Pan13Eval.NAME, Pan13Eval.TITLE,
          SeedsEval.NAME, SeedsEval.TITLE,
          SyntheticEval.NAME, SyntheticEval.TITLE,
          QuotesEval.NAME, QuotesEval.TITLE);

  public Evaluator {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(seeds, "seeds");
  }

  /** Evaluates the named corpus; an unknown name is an {@link IllegalArgumentException}. */
  public CorpusResult run(String corpus) {
    try {
      return switch (corpus) {
        case CloughEval.NAME -> CloughEval.run(data);
        case MsrpEval.NAME -> MsrpEval.run(data);
        case Pan13Eval.NAME -> Pan13Eval.run(data);
        case SeedsEval.NAME -> SeedsEval.run(seeds);
        case SyntheticEval.NAME -> SyntheticEval.run(data);
        case QuotesEval.NAME -> QuotesEval.run(data);
        default -> throw new IllegalArgumentException(
            "unknown corpus \"" + corpus + "\"; expected " + String.join(", ", CORPORA) + " or all");
      };
    } catch (MissingDataException e) {
      return CorpusResult.missing(corpus, TITLES.get(corpus), e.getMessage());
    }
  }
}
