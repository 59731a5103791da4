package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reports/ holds the reports of seeds/ as the current code writes them. */
class ReportsAreCurrentTest {
  static final String REGENERATE =
      "mvn -B -q -DskipTests package && java -jar target/refrain.jar scan seeds --out reports";

  @TempDir Path tmp;

  @Test
  void committedReportsMatchAFreshScanOfTheSeeds() throws IOException {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    int code = Main.run(new String[] {"scan", "seeds", "--out", tmp.toString()}, quiet, quiet);
    assertEquals(0, code);
    for (String name : List.of("report.html", "report.md", "report.json")) {
      Path committed = Path.of("reports", name);
      String fresh = Files.readString(tmp.resolve(name));
      String stale = Files.exists(committed) ? Files.readString(committed) : "(missing)";
      assertEquals(fresh, stale, "reports/" + name + " is stale; regenerate it: " + REGENERATE);
    }
  }

  @Test
  void scanningTwiceGivesByteIdenticalReports() throws IOException {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Path first = tmp.resolve("1");
    Path second = tmp.resolve("2");
    Main.run(new String[] {"scan", "seeds", "--out", first.toString(), "--threads", "1"}, quiet, quiet);
    Main.run(new String[] {"scan", "seeds", "--out", second.toString(), "--threads", "2"}, quiet, quiet);
    for (String name : List.of("report.html", "report.md", "report.json")) {
      assertEquals(Files.readString(first.resolve(name)), Files.readString(second.resolve(name)), name);
    }
  }
}
