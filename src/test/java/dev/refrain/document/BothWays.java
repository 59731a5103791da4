package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Loads paths with {@link ArticleLoader#load} and with {@link ArticleLoader#stream}, and checks
 * that the stream gave the same articles and the same problems, each in its own order.
 */
final class BothWays {

  private static final Comparator<LoadProblem> BY_LINE = Comparator.comparing(LoadProblem::toLine);

  private BothWays() {}

  /** What one stream handed out, in the order it did. */
  record Streamed(List<Article> articles, List<LoadProblem> problems, List<String> events) {}

  /** {@code loader.load(paths)}, after checking that streaming the paths agrees with it. */
  static LoadResult load(ArticleLoader loader, List<String> paths) {
    LoadResult loaded = loader.load(paths);
    Streamed streamed = stream(loader, paths);
    List<Article> byId = new ArrayList<>(streamed.articles());
    byId.sort(Comparator.comparing(Article::id));
    assertEquals(loaded.articles(), byId, "streamed articles, sorted by id");
    assertEquals(sorted(loaded.problems()), sorted(streamed.problems()), "streamed problems");
    return loaded;
  }

  /**
   * Streams {@code paths}; the events are {@code "article ID"} and {@code "problem LINE"} in the
   * order they came.
   */
  static Streamed stream(ArticleLoader loader, List<String> paths) {
    List<Article> articles = new ArrayList<>();
    List<LoadProblem> problems = new ArrayList<>();
    List<String> events = new ArrayList<>();
    loader.stream(
        paths,
        ArticleSink.of(
            a -> {
              articles.add(a);
              events.add("article " + a.id());
            },
            p -> {
              problems.add(p);
              events.add("problem " + p.toLine());
            }));
    return new Streamed(articles, problems, events);
  }

  private static List<LoadProblem> sorted(List<LoadProblem> problems) {
    List<LoadProblem> out = new ArrayList<>(problems);
    out.sort(BY_LINE);
    return out;
  }
}
