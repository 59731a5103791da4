package dev.refrain.bench.pairs;

import dev.refrain.bench.corpus.CorpusReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The shared engine of the in-process peers: every article gives a set of 64-bit keys (shingle
 * hashes, LSH band keys); each key is packed with the article's index into one long (the key's
 * high bits, the index in the low bits), all of them sorted, and every run of equal keys held by
 * 2 to {@code maxRun} articles emits all its article pairs, counted by a {@link PairCounter}.
 * Runs over {@code maxRun} are skipped (document-frequency cap, or LSH bucket cap). No object per
 * key: long arrays only. When the packed keys would not fit the heap budget they are split by
 * their top bits into partitions spilled to temporary files, one sorted at a time.
 *
 * <p>Reading and parsing run on the calling thread; computing the keys on {@code threads}
 * workers.
 */
public final class PostingsJoin {
  /** Computes an article's keys into a reused array (one instance per worker thread). */
  public interface Keys {
    /** Computes the keys of {@code text}; returns how many are in {@link #array()}. */
    int compute(String text) throws Exception;

    long[] array();
  }

  /** What a join found and how it went. */
  public record Result(
      Pairs pairs,
      int articles,
      long keys,
      long runsPaired,
      long runsCapped,
      long emitted,
      int partitions,
      double keySeconds,
      double joinSeconds) {}

  private final int threads;
  private final int maxRun;
  private final long budgetBytes;
  private final Path tmp;

  /**
   * @param budgetBytes most bytes of packed keys held at once (the sort needs as much again)
   * @param tmp folder for spilled partitions
   */
  public PostingsJoin(int threads, int maxRun, long budgetBytes, Path tmp) {
    this.threads = threads;
    this.maxRun = maxRun;
    this.budgetBytes = budgetBytes;
    this.tmp = tmp;
  }

  /** A budget from the heap: a quarter of it for packed keys, as much again for sorting. */
  public static long defaultBudget() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  private static final class Batch {
    final int[] index;
    final String[] text;
    int n;

    Batch(int size) {
      index = new int[size];
      text = new String[size];
    }
  }

  private static final Batch END = new Batch(0);

  public Result run(Path corpus, int articles, long estimatedKeys, Supplier<Keys> keysFactory) throws Exception {
    long t0 = System.nanoTime();
    int articleBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, articles - 1)));
    long mask = (1L << articleBits) - 1;
    int partitions = 1;
    while ((double) estimatedKeys * 8 / partitions > budgetBytes && partitions < 4096) {
      partitions *= 2;
    }
    int pBits = Integer.numberOfTrailingZeros(partitions);
    Files.createDirectories(tmp);
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4 * threads);
    List<Worker> workers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "peer-worker");
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      Worker worker = new Worker(w, keysFactory.get(), mask, partitions, pBits, queue);
      workers.add(worker);
      futures.add(pool.submit(() -> {
        worker.run();
        return null;
      }));
    }
    int[] read = new int[1];
    try {
      Batch[] current = {new Batch(256)};
      CorpusReader.read(corpus, (i, id, text) -> {
        if (i > mask) {
          throw new IOException("more articles than counted: " + articles);
        }
        Batch b = current[0];
        b.index[b.n] = i;
        b.text[b.n++] = text;
        if (b.n == b.index.length) {
          put(queue, b, futures);
          current[0] = new Batch(256);
        }
        read[0] = i + 1;
      });
      if (current[0].n > 0) {
        put(queue, current[0], futures);
      }
    } finally {
      for (int w = 0; w < threads; w++) {
        queue.put(END);
      }
      pool.shutdown();
    }
    for (Future<?> f : futures) {
      f.get();
    }
    long keys = 0;
    for (Worker w : workers) {
      w.close();
      keys += w.total;
    }
    long t1 = System.nanoTime();

    PairCounter counter = new PairCounter();
    long[] stats = new long[2];
    for (int p = 0; p < partitions; p++) {
      long[] all = gather(workers, p, partitions);
      Arrays.parallelSort(all);
      scan(all, mask, counter, stats);
    }
    for (Worker w : workers) {
      w.deleteFiles();
    }
    long emitted = counter.emitted();
    Pairs pairs = counter.result();
    long t2 = System.nanoTime();
    return new Result(pairs, read[0], keys, stats[0], stats[1], emitted, partitions, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }

  private static void put(BlockingQueue<Batch> queue, Batch b, List<Future<?>> futures) throws Exception {
    while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      for (Future<?> f : futures) {
        if (f.isDone()) {
          f.get(); // a worker failed: rethrow its exception
          throw new IllegalStateException("a worker stopped early");
        }
      }
    }
  }

  private long[] gather(List<Worker> workers, int p, int partitions) throws IOException {
    if (partitions == 1) {
      long size = 0;
      for (Worker w : workers) {
        size += w.memoryCount;
      }
      long[] all = new long[Math.toIntExact(size)];
      int at = 0;
      for (Worker w : workers) {
        System.arraycopy(w.memory, 0, all, at, w.memoryCount);
        at += w.memoryCount;
        w.memory = null;
      }
      return all;
    }
    long size = 0;
    for (Worker w : workers) {
      size += Files.size(w.file(p)) / 8;
    }
    long[] all = new long[Math.toIntExact(size)];
    int at = 0;
    for (Worker w : workers) {
      try (FileChannel ch = FileChannel.open(w.file(p), StandardOpenOption.READ)) {
        ByteBuffer bb = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        while (true) {
          int r = ch.read(bb);
          bb.flip();
          int k = bb.remaining() / 8;
          bb.asLongBuffer().get(all, at, k);
          at += k;
          bb.position(k * 8);
          bb.compact();
          if (r < 0) {
            break;
          }
        }
      }
    }
    if (at != all.length) {
      throw new IOException("partition " + p + ": read " + at + " of " + all.length + " keys");
    }
    return all;
  }

  private void scan(long[] a, long mask, PairCounter counter, long[] stats) {
    long high = ~mask;
    int n = a.length;
    int i = 0;
    while (i < n) {
      long h = a[i] & high;
      int j = i + 1;
      while (j < n && (a[j] & high) == h) {
        j++;
      }
      int run = j - i;
      if (run >= 2) {
        if (run <= maxRun) {
          stats[0]++;
          for (int x = i; x < j; x++) {
            int ax = (int) (a[x] & mask);
            for (int y = x + 1; y < j; y++) {
              int ay = (int) (a[y] & mask);
              if (ax != ay) {
                counter.add(Pairs.key(ax, ay));
              }
            }
          }
        } else {
          stats[1]++;
        }
      }
      i = j;
    }
  }

  private final class Worker {
    final int id;
    final Keys keys;
    final long mask;
    final int partitions;
    final int pBits;
    final BlockingQueue<Batch> queue;
    long[] memory = new long[1 << 16];
    int memoryCount;
    long[][] spill;
    int[] spillCount;
    FileChannel[] channels;
    ByteBuffer io;
    long total;

    Worker(int id, Keys keys, long mask, int partitions, int pBits, BlockingQueue<Batch> queue) throws IOException {
      this.id = id;
      this.keys = keys;
      this.mask = mask;
      this.partitions = partitions;
      this.pBits = pBits;
      this.queue = queue;
      if (partitions > 1) {
        memory = null;
        spill = new long[partitions][8192];
        spillCount = new int[partitions];
        channels = new FileChannel[partitions];
        for (int p = 0; p < partitions; p++) {
          channels[p] = FileChannel.open(file(p), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
        }
        io = ByteBuffer.allocateDirect(8192 * 8).order(ByteOrder.LITTLE_ENDIAN);
      }
    }

    Path file(int p) {
      return tmp.resolve("keys-w" + id + "-p" + p + ".bin");
    }

    void run() throws Exception {
      while (true) {
        Batch b = queue.take();
        if (b == END) {
          return;
        }
        for (int k = 0; k < b.n; k++) {
          int n = keys.compute(b.text[k]);
          long[] arr = keys.array();
          long article = b.index[k];
          total += n;
          for (int x = 0; x < n; x++) {
            long packed = (arr[x] & ~mask) | article;
            if (partitions == 1) {
              if (memoryCount == memory.length) {
                memory = Arrays.copyOf(memory, memory.length + (memory.length >> 1));
              }
              memory[memoryCount++] = packed;
            } else {
              int p = (int) (arr[x] >>> (64 - pBits));
              spill[p][spillCount[p]++] = packed;
              if (spillCount[p] == spill[p].length) {
                flush(p);
              }
            }
          }
          b.text[k] = null;
        }
      }
    }

    void flush(int p) throws IOException {
      io.clear();
      io.asLongBuffer().put(spill[p], 0, spillCount[p]);
      io.limit(spillCount[p] * 8);
      while (io.hasRemaining()) {
        channels[p].write(io);
      }
      spillCount[p] = 0;
    }

    void close() throws IOException {
      if (channels != null) {
        for (int p = 0; p < partitions; p++) {
          flush(p);
          channels[p].close();
        }
        spill = null;
      }
    }

    void deleteFiles() throws IOException {
      if (channels != null) {
        for (int p = 0; p < partitions; p++) {
          Files.deleteIfExists(file(p));
        }
      }
    }
  }
}
