package dev.refrain.document;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives what a {@linkplain ArticleLoader#stream streamed load} reads, one article or problem at
 * a time, in the order the loader meets them, on the thread that called {@code stream}.
 *
 * <p>An exception thrown by a sink ends the load and reaches the caller of {@code stream}; the file
 * being read is closed.
 */
public interface ArticleSink {

  /** Takes one article. No two articles of one stream have the same id. */
  void article(Article article);

  /** Takes one warning, skipped file or record, or missing path. */
  void problem(LoadProblem problem);

  /** A sink that hands articles to {@code articles} and problems to {@code problems}. */
  static ArticleSink of(
      Consumer<? super Article> articles, Consumer<? super LoadProblem> problems) {
    Objects.requireNonNull(articles, "articles");
    Objects.requireNonNull(problems, "problems");
    return new ArticleSink() {
      @Override
      public void article(Article article) {
        articles.accept(article);
      }

      @Override
      public void problem(LoadProblem problem) {
        problems.accept(problem);
      }
    };
  }
}
