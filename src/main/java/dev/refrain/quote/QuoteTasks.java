package dev.refrain.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs the parts of a quote stage on a pool the caller owns (the scan's worker threads), or on
 * the calling thread without one; results come back in part order, so what a stage makes never
 * depends on the thread count.
 */
final class QuoteTasks {
  private QuoteTasks() {}

  /** Runs {@code part} for 0..parts-1 (on {@code pool} when not null) and waits for all. */
  static void run(ExecutorService pool, int parts, IntConsumer part) {
    map(pool, parts, p -> {
      part.accept(p);
      return null;
    });
  }

  /** {@code part}'s results for 0..parts-1, in that order. */
  static <T> List<T> map(ExecutorService pool, int parts, IntFunction<T> part) {
    List<T> out = new ArrayList<>(parts);
    if (pool == null || parts <= 1) {
      for (int p = 0; p < parts; p++) {
        out.add(part.apply(p));
      }
      return out;
    }
    List<Future<T>> futures = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int at = p;
      futures.add(pool.submit(() -> part.apply(at)));
    }
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("quote stage interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }
}
