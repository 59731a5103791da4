package dev.refrain.cli;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.document.ArticleSink;
import dev.refrain.document.LoadProblem;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.Parallel;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a command's input a batch at a time, prepares each batch on the pool and hands the
 * prepared articles on in reading order: no more than one batch of article texts is held here,
 * so an archive of any size streams through. Problems are printed on stderr as they are met.
 */
final class ArticleIntake {
  /** Articles read before a batch is prepared. */
  static final int BATCH = 1024;

  private ArticleIntake() {}

  /** What was read: the problems met, in reading order, and how many articles. */
  record Result(List<LoadProblem> problems, int articles) {
    boolean anyMissing() {
      return problems.stream().anyMatch(p -> p.kind() == LoadProblem.Kind.MISSING);
    }

    boolean anySkipped() {
      return problems.stream().anyMatch(p -> p.kind() == LoadProblem.Kind.SKIPPED);
    }
  }

  /** Prepares each article on the pool and hands them to {@code sink} in reading order. */
  static Result read(
      ArticleLoader loader,
      List<String> paths,
      Detector detector,
      Parallel parallel,
      PrintWriter err,
      Consumer<PreparedArticle> sink) {
    return read(loader, paths, parallel, err, detector::prepare, sink);
  }

  /**
   * Runs {@code work} on each article on the pool (several at once, in no order) and hands the
   * results to {@code sink} in reading order, on this thread.
   */
  static <T> Result read(
      ArticleLoader loader,
      List<String> paths,
      Parallel parallel,
      PrintWriter err,
      Function<Article, T> work,
      Consumer<T> sink) {
    List<LoadProblem> problems = new ArrayList<>();
    List<Article> batch = new ArrayList<>(BATCH);
    int[] count = {0};
    Runnable flush =
        () -> {
          List<Article> articles = List.copyOf(batch);
          batch.clear();
          for (T done :
              parallel.map(articles.size(), i -> work.apply(articles.get(i)), ProgressListener.NONE)) {
            sink.accept(done);
          }
          count[0] += articles.size();
        };
    loader.stream(
        paths,
        ArticleSink.of(
            a -> {
              batch.add(a);
              if (batch.size() == BATCH) {
                flush.run();
              }
            },
            p -> {
              problems.add(p);
              err.println(p.toLine());
            }));
    flush.run();
    return new Result(problems, count[0]);
  }
}
