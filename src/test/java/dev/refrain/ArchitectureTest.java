package dev.refrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Third-party types stay at the edges: each library is imported only by the stage packages that
 * wrap it, so the pipeline's own types are what the stages exchange. And the product holds the
 * product: corpus evaluation and benchmarks live in the bench module ({@code bench/}).
 */
class ArchitectureTest {
  static final Path MAIN = Path.of("src", "main", "java", "dev", "refrain");

  static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  static String packageOf(Path source) {
    return MAIN.relativize(source.getParent()).toString().replace('/', '.');
  }

  @ParameterizedTest(name = "{0} only in {1}")
  @CsvSource({
    "org.apache.lucene, normalize index",
    "com.github.difflib, diff",
    "picocli, cli",
    "org.jsoup, document",
    "me.tongfei.progressbar, cli",
    "org.apache.commons.text, quote diff",
    "org.tartarus.snowball, normalize",
  })
  void libraryIsImportedOnlyWhereItBelongs(String library, String allowed) throws IOException {
    Set<String> packages = Set.of(allowed.split(" "));
    List<String> violations = new ArrayList<>();
    for (Path source : sources()) {
      if (packages.contains(packageOf(source))) {
        continue;
      }
      for (String line : Files.readAllLines(source)) {
        if (line.startsWith("import " + library + ".")
            || line.startsWith("import static " + library + ".")) {
          violations.add(MAIN.relativize(source) + ": " + line);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.equals(MAIN)).toList()) {
        if (!Files.exists(dir.resolve("package-info.java"))) {
          missing.add(MAIN.relativize(dir).toString());
        }
      }
    }
    assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
  }

  /** Packages of the bench module ({@code bench/}), which must not come back into the product. */
  static final List<String> BENCH_ONLY = List.of("eval", "bench");

  @Test
  void theProductHoldsNoEvaluationOrBenchmarkCode() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path source : sources()) {
      String pkg = packageOf(source);
      if (BENCH_ONLY.stream().anyMatch(b -> pkg.equals(b) || pkg.startsWith(b + "."))) {
        found.add(MAIN.relativize(source).toString());
      }
      for (String line : Files.readAllLines(source)) {
        if (line.contains("shared/corpora")) {
          found.add(MAIN.relativize(source) + ": names the corpora folder: " + line.strip());
        }
      }
    }
    assertEquals(List.of(), found, "corpus evaluation and benchmarks belong in bench/");
    ClassLoader loader = ArchitectureTest.class.getClassLoader();
    for (String resource : List.of("dev/refrain/eval", "dev/refrain/bench", "eval/seeds-gold.json")) {
      assertEquals(null, loader.getResource(resource), resource + " is on the product's class path");
    }
  }
}
