package dev.refrain.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one command as a child process that may fail, hang or run out of memory: wall time from
 * start to exit, peak resident memory (the largest sum over the process and its descendants of
 * {@code VmHWM} in {@code /proc/<pid>/status}, polled every 50 ms), a timeout that kills the
 * whole process tree, stdout and stderr to files. Never throws for the child's own failures:
 * they are in the outcome.
 */
public final class ChildProcess {
  /** How a run ended. */
  public record Outcome(int exitCode, double seconds, long peakRssKb, boolean timedOut, String lastError) {
    public boolean finished() {
      return !timedOut && (exitCode == 0 || exitCode == 4);
    }

    /** "ok", or why it did not finish, in words. */
    public String status() {
      if (timedOut) {
        return String.format(Locale.ROOT, "did not finish: timed out after %.0f s (process tree killed)", seconds);
      }
      return switch (exitCode) {
        case 0 -> "ok";
        case 4 -> "ok (some input skipped)";
        case 6 -> String.format(Locale.ROOT, "did not finish: out of memory after %.0f s", seconds);
        case 2 -> String.format(Locale.ROOT, "did not finish: usage error (exit 2) after %.0f s", seconds);
        case 3 -> String.format(Locale.ROOT, "did not finish: input/output problem (exit 3) after %.0f s", seconds);
        case 5 -> String.format(Locale.ROOT, "did not finish: internal error (exit 5) after %.0f s", seconds);
        case 137 -> String.format(Locale.ROOT, "did not finish: killed (SIGKILL, e.g. the kernel's OOM killer) after %.0f s", seconds);
        default -> String.format(Locale.ROOT, "did not finish: exit %d after %.0f s", exitCode, seconds);
      };
    }
  }

  private ChildProcess() {}

  private static final List<Process> LIVE = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (LIVE) {
        for (Process p : LIVE) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      }
    }));
  }

  public static Outcome run(List<String> command, Path stdout, Path stderr, Duration timeout) throws IOException {
    Files.createDirectories(stdout.toAbsolutePath().getParent());
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
    long t0 = System.nanoTime();
    Process p = pb.start();
    synchronized (LIVE) {
      LIVE.add(p);
    }
    AtomicLong peak = new AtomicLong();
    Thread poller = new Thread(() -> {
      while (p.isAlive()) {
        long sum = hwmKb(p.pid());
        for (ProcessHandle d : (Iterable<ProcessHandle>) p.descendants()::iterator) {
          sum += hwmKb(d.pid());
        }
        peak.accumulateAndGet(sum, Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-poller");
    poller.setDaemon(true);
    poller.start();
    boolean timedOut = false;
    int exit;
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
      exit = p.isAlive() ? -1 : p.exitValue();
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      synchronized (LIVE) {
        LIVE.remove(p);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    poller.interrupt();
    return new Outcome(exit, seconds, peak.get(), timedOut, lastLine(stderr));
  }

  private static java.io.File nullFile() {
    return new java.io.File("/dev/null");
  }

  static long hwmKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or no /proc: nothing to add
    }
    return 0;
  }

  /** The last non-blank line of a log, cut to 300 chars, or "". */
  static String lastLine(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return "";
      }
      long size = Files.size(file);
      byte[] tail;
      try (var ch = java.nio.channels.FileChannel.open(file)) {
        int n = (int) Math.min(size, 64 * 1024);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(n);
        ch.read(bb, size - n);
        tail = bb.array();
      }
      String[] lines = new String(tail, StandardCharsets.UTF_8).split("\\R");
      for (int i = lines.length - 1; i >= 0; i--) {
        String l = lines[i].strip();
        if (!l.isEmpty()) {
          return l.length() > 300 ? l.substring(0, 300) : l;
        }
      }
    } catch (IOException e) {
      // no log
    }
    return "";
  }
}
