package dev.refrain.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The one way refrain runs work on several threads: a fixed pool, and maps over 0..n-1 whose
 * results come back in index order, so output never depends on the thread count.
 */
public final class Parallel implements AutoCloseable {
  private final ExecutorService pool;
  private final int threads;
  /** What killed a worker outside its task (an out-of-memory error in the pool itself). */
  private volatile Throwable died;

  /** @param threads worker threads, at least 1 */
  public Parallel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "refrain-worker");
      t.setDaemon(true);
      // A task's failure reaches the caller through its future. A worker killed outside its
      // task (out of memory while the pool hands over a result) leaves that future unfinished:
      // the handler only records the error (allocating nothing), and the waiting caller throws
      // it, instead of the JVM printing a trace and the caller waiting for ever.
      t.setUncaughtExceptionHandler((thread, e) -> died = e);
      return t;
    });
  }

  public int threads() {
    return threads;
  }

  /** Runs {@code task} for 0..n-1; results in index order, progress told in chunks. */
  public <T> List<T> map(int n, IntFunction<T> task, ProgressListener listener) {
    return start(n, task).join(listener);
  }

  /**
   * Runs {@code task} for 0..n-1 with a scratch object per chunk of indices, made by {@code
   * scratch} and handed to each of the chunk's calls on its worker thread (working arrays a task
   * reuses, as {@link dev.refrain.normalize.TokenBuffer}); results in index order.
   */
  public <S, T> List<T> map(
      int n, java.util.function.Supplier<S> scratch, Task<S, T> task, ProgressListener listener) {
    return start(n, scratch, task).join(listener);
  }

  /** A task of {@link #map(int, java.util.function.Supplier, Task, ProgressListener)}. */
  @FunctionalInterface
  public interface Task<S, T> {
    /** The result for index {@code i}, with its chunk's scratch object. */
    T apply(S scratch, int i);
  }

  /**
   * Starts {@code task} for 0..n-1 on the pool and returns at once: the caller goes on (reading
   * the next batch of input, say) and {@linkplain Started#join joins} the results when it needs
   * them.
   */
  public <T> Started<T> start(int n, IntFunction<T> task) {
    return start(n, () -> null, (none, i) -> task.apply(i));
  }

  /**
   * {@link #start(int, IntFunction)} with a scratch object per chunk of indices, as {@link
   * #map(int, java.util.function.Supplier, Task, ProgressListener)} hands them.
   */
  public <S, T> Started<T> start(
      int n, java.util.function.Supplier<S> scratch, Task<S, T> task) {
    int chunk = Math.max(1, Math.min(256, n / (16 * threads)));
    List<Future<List<T>>> futures = new ArrayList<>();
    for (int from = 0; from < n; from += chunk) {
      int begin = from;
      int end = Math.min(n, from + chunk);
      futures.add(
          pool.submit(
              () -> {
                S s = scratch.get();
                List<T> out = new ArrayList<>(end - begin);
                for (int i = begin; i < end; i++) {
                  out.add(task.apply(s, i));
                }
                return out;
              }));
    }
    return new Started<>(futures, n);
  }

  /** Work started on the pool, its results to be joined in index order. */
  public final class Started<T> {
    private final List<Future<List<T>>> futures;
    private final int n;

    private Started(List<Future<List<T>>> futures, int n) {
      this.futures = futures;
      this.n = n;
    }

    /** Waits for every result; in index order. */
    public List<T> join(ProgressListener listener) {
      List<T> results = new ArrayList<>(n);
      for (Future<List<T>> f : futures) {
        List<T> part = get(f);
        results.addAll(part);
        listener.advanced(part.size());
      }
      return results;
    }
  }

  /** Runs the tasks; results in order. */
  public <T> List<T> all(List<Callable<T>> tasks) {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> t : tasks) {
      futures.add(pool.submit(t));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(get(f));
    }
    return out;
  }

  /** The pool, for stages that split their own work. */
  public ExecutorService pool() {
    return pool;
  }

  private <T> T get(Future<T> f) {
    try {
      while (true) {
        try {
          return f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          Throwable cause = died;
          if (cause instanceof Error err) {
            throw err;
          }
          if (cause != null) {
            throw new IllegalStateException("a worker thread died", cause);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
