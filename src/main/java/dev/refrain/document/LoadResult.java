package dev.refrain.document;

import java.util.List;

/**
 * Holds what one load produced: the articles, sorted by id, and the problems met on the way.
 *
 * @param articles the loaded articles, sorted by id, ids unique
 * @param problems warnings, skipped files and records, and missing paths, sorted by path and then
 *     line
 */
public record LoadResult(List<Article> articles, List<LoadProblem> problems) {

  public LoadResult {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
  }

  /** Whether any file or record was skipped. */
  public boolean anySkipped() {
    return problems.stream().anyMatch(p -> p.kind() == LoadProblem.Kind.SKIPPED);
  }

  /** Whether any path given to the loader does not exist. */
  public boolean anyMissing() {
    return problems.stream().anyMatch(p -> p.kind() == LoadProblem.Kind.MISSING);
  }
}
