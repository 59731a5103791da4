package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/refrain, run by sh: it finds target/refrain.jar beside its own folder (through a link too),
 * passes JAVA_OPTS and every argument on to java. The java it runs is a stand-in script that
 * prints what it was given, so the test needs no built jar.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  private Result run(Path script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("REFRAIN_JAR");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  /** A refrain checkout in tmp: bin/refrain, target/refrain.jar, and a java that echoes. */
  private Path checkout() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.copy(Path.of("bin", "refrain"), bin.resolve("refrain"));
    Files.createDirectories(home.resolve("target"));
    Files.writeString(home.resolve("target/refrain.jar"), "not read by the stand-in java");
    Path jdkBin = Files.createDirectories(tmp.resolve("jdk/bin"));
    Path java = jdkBin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\nexit 7\n");
    assertTrue(java.toFile().setExecutable(true));
    return home;
  }

  @Test
  void runsTheJarBesideItsFolderWithJavaOptsAndEveryArgument() throws Exception {
    Path home = checkout();
    Result r =
        run(home.resolve("bin/refrain"),
            Map.of("JAVA_HOME", tmp.resolve("jdk").toString(), "JAVA_OPTS", "-Xmx3g -Dx=1"),
            "scan", "my folder", "--out", "r");
    assertEquals(7, r.code(), r.err());
    String jar = home.toRealPath().resolve("target/refrain.jar").toString();
    assertEquals(
        "[-Xmx3g]\n[-Dx=1]\n[-jar]\n[" + jar + "]\n[scan]\n[my folder]\n[--out]\n[r]\n", r.out());
  }

  @Test
  void followsALinkToItself() throws Exception {
    Path home = checkout();
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/bin"));
    Path link = Files.createSymbolicLink(elsewhere.resolve("refrain"), home.resolve("bin/refrain"));
    Result r = run(link, Map.of("JAVA_HOME", tmp.resolve("jdk").toString()), "--version");
    assertEquals(7, r.code(), r.err());
    assertTrue(r.out().contains("[" + home.toRealPath().resolve("target/refrain.jar") + "]"), r.out());
  }

  @Test
  void saysHowToBuildTheJarWhenItIsMissing() throws Exception {
    Path home = checkout();
    Files.delete(home.resolve("target/refrain.jar"));
    Result r = run(home.resolve("bin/refrain"), Map.of("JAVA_HOME", tmp.resolve("jdk").toString()));
    assertEquals(3, r.code());
    assertTrue(r.err().startsWith("refrain: ") && r.err().contains("mvn -B -q -DskipTests package"),
        r.err());
  }

  @Test
  void theCommittedLauncherIsExecutable() {
    assertTrue(Files.isExecutable(Path.of("bin", "refrain")));
  }
}
