package dev.refrain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.bench.peers.spark.SparkFlags;
import dev.refrain.bench.run.ChildProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts Spark in a child JVM (about half a minute): left out of the default build, run with
 * {@code mvn -B -f bench/pom.xml verify -Dbench.groups.excluded=}.
 */
@Tag("spark")
class SparkPeerTest {
  @TempDir Path tmp;

  @Test
  void sparkJoinFindsTheNearDuplicate() throws Exception {
    Path articles = tmp.resolve("articles");
    Files.createDirectories(articles);
    String story = PeersTest.words("st", 200);
    Files.writeString(articles.resolve("part-00000.jsonl"), String.join("\n",
        "{\"id\":\"t0\",\"text\":\"" + story + "\"}",
        "{\"id\":\"t1\",\"text\":\"" + PeersTest.words("qq", 200) + "\"}",
        "{\"id\":\"t2\",\"text\":\"" + story.replace("stc ", "zzz ") + "\"}",
        "{\"id\":\"t3\",\"text\":\"a b\"}") + "\n");
    Path target = Path.of("bench", "target"); // tests run from the repo root
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(SparkFlags.JAVA_17);
    cmd.addAll(List.of("-cp", target.resolve("spark-lib").resolve("*") + File.pathSeparator + target.resolve("classes"),
        SparkFlags.MAIN, articles.toString(), tmp.resolve("pairs.tsv").toString(), "2", "5", "0.9", tmp.resolve("t").toString()));
    ChildProcess.Outcome o = ChildProcess.run(cmd, tmp.resolve("out"), tmp.resolve("err"), Duration.ofMinutes(5));
    assertEquals(0, o.exitCode(), Files.readString(tmp.resolve("err")));
    List<String> lines = Files.readAllLines(tmp.resolve("pairs.tsv"));
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("t0\tt2\t"));
  }
}
