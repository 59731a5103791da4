package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from refrain.json, found upward from the working directory or given with --config. */
class ConfigFileTest {
  @TempDir Path tmp;
  Path project;
  Path workdir;
  String seeds;

  @BeforeEach
  void folders() throws IOException {
    project = tmp.resolve("project");
    workdir = Files.createDirectories(project.resolve("sub/deeper"));
    seeds = Path.of("seeds").toAbsolutePath().toString();
  }

  /** Runs refrain as if started in {@code dir}. */
  static MainTest.Run runIn(Path dir, String... args) {
    return MainTest.runWith(false, dir, args);
  }

  private Path config(String name, String json) throws IOException {
    return Files.writeString(project.resolve(name), json);
  }

  @Test
  void theNearestConfigFileAboveSetsWhatTheCommandLineDoesNot() throws IOException {
    config("refrain.json", "{\"format\": [\"json\"], \"out\": \"rep\", \"min-words\": 10}");
    MainTest.Run r = runIn(workdir, "scan", seeds, "--progress", "never");
    assertEquals(0, r.code(), r.err());
    // "out" is relative to the config file's folder, not to where refrain runs.
    assertTrue(Files.isRegularFile(project.resolve("rep/report.json")), r.out());
    assertFalse(Files.exists(project.resolve("rep/report.html")), "format json only");
    assertTrue(
        Files.readString(project.resolve("rep/report.json")).contains("\"minWords\" : 10"),
        "min-words from the file");
  }

  @Test
  void theCommandLineWins() throws IOException {
    config("refrain.json", "{\"format\": \"json\", \"out\": \"rep\"}");
    MainTest.Run r = runIn(workdir, "scan", seeds, "--format", "md");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(project.resolve("rep/report.md")));
    assertFalse(Files.exists(project.resolve("rep/report.json")));
  }

  @Test
  void showConfigPrintsEachSettingAndWhereItCameFrom() throws IOException {
    Path file =
        config(".refrain.json",
            "{\"min-words\": 12, \"check\": {\"max-containment\": 0.2},"
                + " \"exclude\": [\"*.pdf\", \"drafts\"]}");
    MainTest.Run r =
        runIn(workdir, "check", "new", "--index", "idx", "--same-id", "update", "--show-config");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("# refrain check: config file " + file + "\n"), r.out());
    assertTrue(r.out().matches("(?s).*\n--max-containment 0\\.2 +# " + java.util.regex.Pattern.quote(
        file + ": \"check\".\"max-containment\"") + "\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*\n--min-words 12 +# .*\"min-words\"\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*\n--exclude \\*\\.pdf,drafts +# .*\"exclude\"\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*\n--same-id update +# command line\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*\n--max-candidates 100 +# default\n.*"), r.out());
    assertFalse(Files.exists(workdir.resolve("idx")), "nothing run");
  }

  @Test
  void aBadValueNamesTheFileAndTheKey() throws IOException {
    Path file = config("refrain.json", "{\"scan\": {\"min-words\": 0}}");
    MainTest.Run r = runIn(workdir, "scan", seeds, "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().startsWith("refrain: " + file + ": \"scan\".\"min-words\": --min-words must be 1"
            + " to 100000, was 0\n"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("o")), "nothing written");

    MainTest.Run shown = runIn(workdir, "scan", seeds, "--show-config");
    assertEquals(2, shown.code(), "--show-config checks the values too: " + shown.out());
    assertTrue(shown.err().startsWith("refrain: " + file + ": \"scan\".\"min-words\": "),
        shown.err());
    config("refrain.json", "{\"check\": {\"max-containment\": 2}}");
    MainTest.Run check = runIn(workdir, "check", seeds, "--index", "i", "--show-config");
    assertEquals(2, check.code(), check.out());
    assertEquals("refrain: " + file + ": \"check\".\"max-containment\": --max-containment must be"
        + " 0 to 1, was 2.0\n", check.err().lines().findFirst().orElseThrow() + "\n");

    config("refrain.json", "{\"min-similarity\": \"high\"}");
    MainTest.Run type = runIn(workdir, "scan", seeds, "--out", tmp.resolve("o").toString());
    assertEquals(2, type.code(), type.err());
    assertTrue(type.err().startsWith("refrain: " + file + ": \"min-similarity\": Invalid value"),
        type.err());
  }

  @Test
  void anUnknownKeyOrCommandIsAUsageErrorNamingIt() throws IOException {
    Path file = config("refrain.json", "{\"min-wrds\": 10}");
    MainTest.Run key = runIn(workdir, "scan", seeds);
    assertEquals(2, key.code());
    assertEquals(
        "refrain: " + file + ": \"min-wrds\": no refrain command has the option --min-wrds\n",
        key.err());
    config("refrain.json", "{\"scan\": {\"max-containment\": 0.2}}");
    MainTest.Run wrong = runIn(workdir, "scan", seeds);
    assertEquals(2, wrong.code());
    assertTrue(wrong.err().contains("\"scan\".\"max-containment\": no such option of refrain scan"),
        wrong.err());
    config("refrain.json", "{\"min-words\": 10");
    MainTest.Run broken = runIn(workdir, "scan", seeds);
    assertEquals(2, broken.code());
    assertTrue(broken.err().startsWith("refrain: " + file + ": not valid JSON: "), broken.err());
  }

  @Test
  void aConfigGivenByNameIsReadInsteadOfTheOneFound() throws IOException {
    config("refrain.json", "{\"min-words\": 0}");
    Path other = Files.writeString(tmp.resolve("ci.json"), "{\"format\": \"json\"}");
    MainTest.Run r =
        runIn(workdir, "scan", seeds, "--config", other.toString(), "--out",
            tmp.resolve("o").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(tmp.resolve("o/report.json")));
    assertFalse(Files.exists(tmp.resolve("o/report.md")));
    MainTest.Run missing = runIn(workdir, "scan", seeds, "--config", "nope.json");
    assertEquals(2, missing.code());
    assertEquals("refrain: " + workdir.resolve("nope.json") + ": no such config file\n",
        missing.err());
  }

  @Test
  void theReadmesExampleIsAValidConfig() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```json\n{\n  \"index\"");
    assertTrue(start >= 0, "the README's example config");
    String json = readme.substring(start + "```json\n".length(), readme.indexOf("```", start + 7));
    config("refrain.json", json);
    for (String[] command :
        new String[][] {{"scan", seeds}, {"check", seeds}, {"index", "add", seeds}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--show-config";
      MainTest.Run r = runIn(workdir, args);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("--min-words 10 "), r.out());
    }
  }

  @Test
  void helpNeedsNoConfig() throws IOException {
    config("refrain.json", "{\"min-wrds\": 10}");
    assertEquals(0, runIn(workdir, "scan", "--help").code());
    assertEquals(0, runIn(workdir, "--version").code());
  }
}
