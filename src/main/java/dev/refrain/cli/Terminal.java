package dev.refrain.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard error is an interactive terminal, which decides whether {@code --progress
 * auto} draws a bar. Unlike {@link System#console()}, which needs standard input and output to
 * be terminals too, this asks about standard error alone: a bar shows with stdout redirected to a
 * file or stdin closed, and never in a log file or a CI job.
 */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard error is a terminal and the environment is not a CI job (the variable
   * {@code CI} set, as GitHub Actions, GitLab and most others set it) nor a dumb terminal.
   */
  static boolean stderrInteractive() {
    if (System.getenv("CI") != null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    return stderrIsTerminal();
  }

  /** Whether file descriptor 2 is a terminal, whatever the environment. */
  static boolean stderrIsTerminal() {
    // Linux: what file descriptor 2 is open on.
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return System.console() != null;
    }
    // Other POSIX systems (macOS): the shell's test on the descriptor this process passes on.
    try {
      Process p =
          new ProcessBuilder("sh", "-c", "[ -t 2 ]")
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | SecurityException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
