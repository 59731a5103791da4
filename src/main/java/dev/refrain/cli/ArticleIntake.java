package dev.refrain.cli;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.document.ArticleSink;
import dev.refrain.document.LoadProblem;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.Parallel;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.RepetitionWarning;
import dev.refrain.normalize.TokenBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a command's input a batch at a time, prepares each batch on the pool while it reads the
 * next, and hands the prepared articles on in reading order: no more than a few batches of article
 * texts are held here, so an archive of any size streams through. Problems go to a {@link
 * ProblemLog} as they are met.
 */
final class ArticleIntake {
  /** Articles read before a batch is prepared. */
  static final int BATCH = 512;

  /** Batches queued on the pool at most while the next is read. */
  static final int IN_FLIGHT = 4;

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

  /**
   * Prepares each article on the pool and hands them to {@code sink} in reading order; an
   * article compared on part of its words only is a warning ({@link RepetitionWarning}).
   */
  static Result read(
      ArticleLoader loader,
      List<String> paths,
      Detector detector,
      Parallel parallel,
      ProblemLog log,
      Consumer<PreparedArticle> sink) {
    return read(loader, paths, parallel, log, detector::prepare, RepetitionWarning::of, sink);
  }

  /**
   * Runs {@code work} on each article on the pool (several at once, in no order; with a {@link
   * TokenBuffer} its worker reuses over a chunk of articles) and hands the results to {@code
   * sink} in reading order, on this thread; {@code warning} tells of a result the problem to note
   * about it, or null.
   */
  static <T> Result read(
      ArticleLoader loader,
      List<String> paths,
      Parallel parallel,
      ProblemLog log,
      BiFunction<Article, TokenBuffer, T> work,
      Function<T, LoadProblem> warning,
      Consumer<T> sink) {
    List<LoadProblem> problems = new ArrayList<>();
    List<Article> batch = new ArrayList<>(BATCH);
    int[] count = {0};
    // While the pool works on one batch, this thread reads the next: one batch in flight.
    java.util.ArrayDeque<Parallel.Started<T>> inFlight = new java.util.ArrayDeque<>();
    Runnable drainOne =
        () -> {
          for (T done : inFlight.removeFirst().join(ProgressListener.NONE)) {
            LoadProblem p = warning.apply(done);
            if (p != null) {
              problems.add(p);
              log.accept(p);
            }
            sink.accept(done);
          }
        };
    Runnable flush =
        () -> {
          if (batch.isEmpty()) {
            return;
          }
          List<Article> articles = List.copyOf(batch);
          batch.clear();
          count[0] += articles.size();
          // A few batches queued on the pool, so its threads never wait for this one to read.
          if (inFlight.size() >= IN_FLIGHT) {
            drainOne.run();
          }
          inFlight.add(
              parallel.start(
                  articles.size(), TokenBuffer::new, (b, i) -> work.apply(articles.get(i), b)));
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
              log.accept(p);
            }));
    flush.run();
    while (!inFlight.isEmpty()) {
      drainOne.run();
    }
    log.finish();
    return new Result(problems, count[0]);
  }
}
