package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.report.JsonLinesReportReader;
import dev.refrain.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refrain report}: the HTML and Markdown reports of (a part of) a JSON Lines report. */
class ReportCommandTest {
  @TempDir Path tmp;
  Path scan;

  @BeforeEach
  void scanTheSeeds() {
    scan = tmp.resolve("scan");
    MainTest.Run r =
        MainTest.run("scan", "seeds", "--out", scan.toString(), "--format", "jsonl,html,md");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void theWholeReportWithItsArticlesIsTheScansOwnHtmlAndMarkdown() throws IOException {
    Path out = tmp.resolve("all");
    MainTest.Run r =
        MainTest.run("report", scan.resolve("report.jsonl").toString(), "--out", out.toString(),
            "--input", "seeds");
    assertEquals(0, r.code(), r.err());
    // Read back from the JSON Lines, nothing is lost: byte for byte what scan wrote.
    assertEquals(Files.readString(scan.resolve("report.md")), Files.readString(out.resolve("report.md")));
    assertEquals(
        Files.readString(scan.resolve("report.html")), Files.readString(out.resolve("report.html")));
    assertTrue(r.out().startsWith("5 articles, 9 pairs of 9 pairs"), r.out());
  }

  @Test
  void topKeepsTheMostSharedPairsAndTheirArticles() throws IOException {
    Path out = tmp.resolve("top");
    MainTest.Run r =
        MainTest.run("report", scan.resolve("report.jsonl").toString(), "--out", out.toString(),
            "--top", "1", "--format", "md");
    assertEquals(0, r.code(), r.err());
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("**2** articles · **1** pair"), md);
    assertTrue(md.contains("1db7f69e6dbc993b") && md.contains("e532a696cc3e8e02"), md);
    assertFalse(Files.exists(out.resolve("report.html")));
  }

  @Test
  void sourcesAndDaysChooseThePairs() throws IOException {
    JsonLinesReportReader.Contents c = JsonLinesReportReader.read(scan.resolve("report.jsonl"));
    List<Report.ArticleEntry> dated = new java.util.ArrayList<>();
    int i = 0;
    for (Report.ArticleEntry a : c.articles()) {
      // 000, 001: wire, June 1 and 2; 002..004: daily, June 3..5.
      dated.add(new Report.ArticleEntry(a.id(), a.path(), a.chars(), a.words(), a.templateWords(),
          i < 2 ? "wire" : "daily", a.title(), "2023-06-0" + (i + 1) + "T08:00:00Z",
          a.repetitiveWords(), a.internalRepeats()));
      i++;
    }
    JsonLinesReportReader.Contents d =
        new JsonLinesReportReader.Contents(c.schemaVersion(), c.settings(), dated, c.pairs(),
            c.clusters(), c.templates(), c.problems(), c.stats(), c.quoteFamilies());
    Report wire = ReportCommand.part(d, Set.of("wire"), null, null, null);
    assertFalse(wire.pairs().isEmpty());
    for (Report.PairEntry p : wire.pairs()) {
      assertTrue(p.a().startsWith("00") && (p.a().compareTo("002") < 0 || p.b().compareTo("002") < 0), p.toString());
    }
    Report late = ReportCommand.part(d, Set.of(), "2023-06-03", "2023-06-05", null);
    assertFalse(late.pairs().isEmpty());
    for (Report.PairEntry p : late.pairs()) {
      assertTrue(p.a().compareTo("002") >= 0 && p.b().compareTo("002") >= 0, p.toString());
    }
    assertEquals(late.pairsBetweenArticles().size(), late.stats().pairs());
    Report none = ReportCommand.part(d, Set.of(), "2024-01-01", null, null);
    assertTrue(none.pairs().isEmpty() && none.articles().isEmpty());
  }

  @Test
  void aCutOffOrDamagedReportIsOneLineAndExitThree() throws IOException {
    List<String> lines = Files.readAllLines(scan.resolve("report.jsonl"));
    Path cut = tmp.resolve("cut.jsonl");
    Files.write(cut, lines.subList(0, lines.size() - 1));
    MainTest.Run r = MainTest.run("report", cut.toString(), "--out", tmp.resolve("o1").toString());
    assertEquals(3, r.code());
    assertEquals("refrain: " + cut + ": no stats line at the end: the file was cut off\n", r.err());
    assertFalse(Files.exists(tmp.resolve("o1")), "nothing written");

    Path damaged = tmp.resolve("damaged.jsonl");
    List<String> bad = new java.util.ArrayList<>(lines);
    bad.set(3, bad.get(3).substring(0, 20));
    Files.write(damaged, bad);
    r = MainTest.run("report", damaged.toString(), "--out", tmp.resolve("o2").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().startsWith("refrain: " + damaged + ": line 4: not JSON"), r.err());

    r = MainTest.run("report", tmp.resolve("missing.jsonl").toString(), "--out", tmp.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("no such report file"), r.err());

    r = MainTest.run("report", cut.toString(), "--out", tmp.toString(), "--from", "June");
    assertEquals(2, r.code(), r.err());
  }
}
