package dev.refrain.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the product as users do, in JVMs of their own: {@code scan} from the product jar the
 * root build made ({@code target/refrain.jar}), the corpus generator from the bench jar ({@code
 * bench/target/refrain-bench.jar}, built by {@code mvn -f bench/pom.xml verify} before these
 * tests run in the README's test command).
 */
final class Scans {
  private Scans() {}

  static final Path PRODUCT = Path.of(System.getProperty("refrain.product.jar", "target/refrain.jar"));
  static final Path BENCH = Path.of("bench/target/refrain-bench.jar");

  /** Scans {@code inputs} into {@code out} with {@code --format jsonl}; returns {@code out}. */
  static Path scan(Path out, String... inputs) throws IOException, InterruptedException {
    return scan(out, List.of(), inputs);
  }

  /** Scans {@code inputs} with {@code options} too ({@code --max-bucket 4}). */
  static Path scan(Path out, List<String> options, String... inputs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx2g", "-jar", jar(PRODUCT).toString(), "scan"));
    command.addAll(List.of(inputs));
    command.addAll(options);
    command.addAll(List.of("--format", "jsonl", "--out", out.toString(), "--progress", "never"));
    run(command, out.resolveSibling(out.getFileName() + ".log"));
    return out;
  }

  /** A generated corpus of {@code articles} articles (seed 42); returns its articles folder. */
  static Path generate(Path dir, int articles) throws IOException, InterruptedException {
    run(
        List.of(java(), "-jar", jar(BENCH).toString(), "generate", "--articles",
            String.valueOf(articles), "--out", dir.toString()),
        dir.resolveSibling(dir.getFileName() + ".log"));
    return dir.resolve("articles");
  }

  private static Path jar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (mvn -B install && mvn -B -f bench/pom.xml verify,"
              + " from the repo root)");
    }
    return jar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    int code = p.exitValue();
    if (code != 0 && code != 4) {
      throw new IllegalStateException(
          "exit " + code + ": " + String.join(" ", command) + "\n" + Files.readString(log));
    }
  }
}
