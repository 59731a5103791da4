package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus readers on the real data (skipped with a message where it is absent). */
class CorpusReadersTest {

  @Test
  void cloughHas95AnswersInFourCategoriesAndFiveSources() throws Exception {
    EvalData.assumePresent(CloughCorpus.FOLDER);
    CloughCorpus c = CloughCorpus.load(EvalData.DATA);
    assertEquals(5, c.sources().size());
    assertEquals(95, c.answers().size());
    Map<CloughCorpus.Category, Long> counts =
        c.answers().stream()
            .collect(Collectors.groupingBy(CloughCorpus.Answer::category, Collectors.counting()));
    assertEquals(19L, counts.get(CloughCorpus.Category.CUT));
    assertEquals(19L, counts.get(CloughCorpus.Category.LIGHT));
    assertEquals(19L, counts.get(CloughCorpus.Category.HEAVY));
    assertEquals(38L, counts.get(CloughCorpus.Category.NON));
    for (CloughCorpus.Answer a : c.answers()) {
      assertTrue(a.text().length() > 200, a.file());
      assertFalse(a.text().contains("\uFFFD"), a.file() + " decoded without replacement characters");
    }
  }

  @Test
  void msrpHasTheOfficialSplitCounts() throws Exception {
    EvalData.assumePresent(MsrpCorpus.FOLDER);
    MsrpCorpus c = MsrpCorpus.load(EvalData.DATA);
    assertEquals(4076, c.train().size());
    assertEquals(1725, c.test().size());
    assertEquals(2753, c.train().stream().filter(MsrpCorpus.Pair::paraphrase).count());
    assertEquals(1147, c.test().stream().filter(MsrpCorpus.Pair::paraphrase).count());
    assertFalse(c.train().get(0).id1().startsWith("\uFEFF"), "byte order mark dropped");
    assertTrue(c.train().stream().anyMatch(p -> p.a().contains("\"")), "quotes kept in sentences");
  }

  @Test
  void msrpParserSkipsAHeaderAndRejectsBadRows() {
    List<MsrpCorpus.Pair> p =
        MsrpCorpus.parse(
            "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA \"b\" c.\tA b c.\n",
            Path.of("x"));
    assertEquals(1, p.size());
    assertEquals("A \"b\" c.", p.get(0).a());
    assertThrows(IllegalStateException.class, () -> MsrpCorpus.parse("2\t1\t2\ta\tb\n", Path.of("x")));
  }

  @Test
  void panHas500PairsAnd624CasesInsideTheirTexts() throws Exception {
    EvalData.assumePresent(Pan13Corpus.FOLDER);
    Pan13Corpus c = Pan13Corpus.load(EvalData.DATA);
    assertEquals(500, c.pairs().size());
    assertEquals(624, c.cases().size());
    for (Pan13Corpus.DocPair p : c.pairs()) {
      for (PanCase k : p.cases()) {
        assertEquals(p.key(), k.pair());
        assertTrue(k.thisLength() >= 256 && k.sourceLength() >= 256, p.key());
        // The damaged copy is a few characters shorter than the offsets assume in places.
        assertTrue(k.thisStart() < p.suspiciousText().length(), p.key());
        assertTrue(k.sourceStart() < p.sourceText().length(), p.key());
      }
    }
    assertEquals(3, Pan13Corpus.load(EvalData.DATA, 3).pairs().size());
  }

  @Test
  void reutersSentencesAreCleanAndShareNoFiveWordRun() {
    EvalData.assumePresent(SentencePool.REUTERS_FOLDER);
    SentencePool pool = SentencePool.reuters(EvalData.DATA, 500);
    assertEquals(500, pool.sentences().size());
    assertNoSharedRuns(pool.sentences());
    for (String s : pool.sentences()) {
      assertFalse(s.contains("&#") || s.contains("&lt;") || s.contains("&amp;"), s);
      assertTrue(s.endsWith("."), s);
    }
  }

  @Test
  void generatedSentencesShareNoFiveWordRun() {
    SentencePool pool = SentencePool.generated(400, 1);
    assertEquals(400, pool.sentences().size());
    assertNoSharedRuns(pool.sentences());
    assertEquals(pool, SentencePool.generated(400, 1));
  }

  @Test
  void missingDataSaysWhereToPutIt(@TempDir Path empty) {
    for (Function<Path, ?> loader :
        List.<Function<Path, ?>>of(
            d -> load(() -> CloughCorpus.load(d)),
            d -> load(() -> MsrpCorpus.load(d)),
            d -> load(() -> Pan13Corpus.load(d)))) {
      String message = (String) loader.apply(empty);
      assertTrue(message.contains(" put ") && message.contains(empty.toAbsolutePath().toString()), message);
    }
  }

  private interface Load {
    Object get() throws MissingDataException;
  }

  private static String load(Load l) {
    try {
      l.get();
      return "loaded";
    } catch (MissingDataException e) {
      return e.getMessage();
    }
  }

  static void assertNoSharedRuns(List<String> sentences) {
    TextNormalizer n = new TextNormalizer();
    Set<String> seen = new HashSet<>();
    for (String s : sentences) {
      List<String> t = n.words(s);
      Set<String> mine = new HashSet<>();
      for (int i = 0; i + SentencePool.UNIQUE_RUN <= t.size(); i++) {
        StringBuilder k = new StringBuilder();
        for (int j = i; j < i + SentencePool.UNIQUE_RUN; j++) {
          k.append(t.get(j)).append(' ');
        }
        mine.add(k.toString());
      }
      for (String k : mine) {
        assertFalse(seen.contains(k), "run \"" + k + "\" occurs in two sentences");
      }
      seen.addAll(mine);
    }
  }
}
