package dev.refrain.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.diff.Edit;
import dev.refrain.document.Article;
import dev.refrain.index.IndexSettings;
import dev.refrain.index.LuceneArchive;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.Detector;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {
  static final DetectorOptions OPTIONS = DetectorOptions.defaults().withThreads(1);
  static final Detector DETECTOR = new Detector(OPTIONS);

  static final String QUOTE =
      "“We are not going to Beijing with the intention of making progress or bringing about"
          + " transformations,” admitted the head of the Asia desk.";
  static final String REWORDED =
      "“We are not going to Beijing with the intention of making breakthroughs or transformation"
          + " there,” the Asia chief told reporters.";
  static final String FOOTER =
      "Leave a Reply. Your email address will not be published. Required fields are marked."
          + " Back to top button";

  @TempDir Path dir;

  static String filler(long seed, int words) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append('w').append(r.nextInt(100_000)).append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString();
  }

  @BeforeEach
  void archive() throws Exception {
    try (LuceneArchive.Writer w = LuceneArchive.openWriter(dir, IndexSettings.of(OPTIONS))) {
      w.add(DETECTOR.prepare(new Article("wire", "wire.txt", filler(1, 150) + QUOTE + " " + filler(2, 150), "AFP", null, null)));
      for (int i = 0; i < 4; i++) {
        w.add(DETECTOR.prepare(Article.of("site-" + i, filler(10 + i, 200) + "\n" + FOOTER)));
      }
      for (int i = 0; i < 20; i++) {
        w.add(DETECTOR.prepare(Article.of("other-" + i, filler(100 + i, 300))));
      }
    }
  }

  Checker.Result check(Article a, CheckOptions options) throws Exception {
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      return new Checker(DETECTOR, r, options).check(a);
    }
  }

  static CheckOptions options(Set<String> allowed, Baseline baseline) {
    return new CheckOptions(0.3, 100, allowed, baseline);
  }

  @Test
  void theCheckedArticleJoinsTheQuoteFamilyOfTheArchivedQuoteItRewords() throws Exception {
    Article fresh = Article.of("new", filler(50, 40) + REWORDED + " " + filler(51, 40));
    Checker.Result r = check(fresh, options(Set.of(), Baseline.empty()));
    assertEquals(1, r.quoteFamilies().size(), r.quoteFamilies().toString());
    var family = r.quoteFamilies().get(0);
    assertEquals(0, family.members().get(0).rendering().article(), "the checked article first");
    assertEquals(1, family.members().get(1).rendering().article(), "then its first match, wire");
    assertTrue(family.members().get(1).rendering().text().contains("making progress"));
  }

  @Test
  void findsAQuoteCopiedFromTheArchiveWithItsVariantDiff() throws Exception {
    Article fresh = Article.of("new", filler(50, 40) + REWORDED + " " + filler(51, 40));
    Checker.Result r = check(fresh, options(Set.of(), Baseline.empty()));
    assertEquals(1, r.matches().size(), r.matches().toString());
    Checker.Match m = r.matches().get(0);
    assertEquals("wire", m.archived().article().id());
    Checker.CheckedPassage p = m.passages().get(0);
    assertEquals(Checker.Status.COUNTED, p.status());
    String inNew = fresh.text().substring(p.shared().passage().bStart(), p.shared().passage().bEnd());
    assertTrue(inNew.startsWith("We are not going to Beijing"), inNew);
    assertTrue(p.shared().diff().stream().anyMatch(e -> e.kind() == Edit.Kind.REPLACE));
    assertTrue(r.containment() > 0.1 && r.containment() < 0.3, "containment " + r.containment());
    assertFalse(r.exceeded());
    assertEquals(r.containment(), m.containment());
  }

  @Test
  void failsAnArticleCopyingMoreThanTheLimit() throws Exception {
    Article fresh = Article.of("new", QUOTE + " " + filler(60, 10));
    Checker.Result r = check(fresh, options(Set.of(), Baseline.empty()));
    assertTrue(r.exceeded(), "containment " + r.containment());
  }

  @Test
  void baselineEntriesAndAllowedSourcesDoNotCount() throws Exception {
    Article fresh = Article.of("new", QUOTE + " " + filler(60, 10));
    Baseline accepted =
        new Baseline(List.of(new Baseline.Entry(null, "wire", "We are not going to Beijing with the intention of making progress")));
    Checker.Result r = check(fresh, options(Set.of(), accepted));
    assertEquals(Checker.Status.BASELINE, r.matches().get(0).passages().get(0).status());
    assertEquals(0.0, r.containment());
    assertFalse(r.exceeded());

    Checker.Result allowed = check(fresh, options(Set.of("afp"), Baseline.empty()));
    assertEquals(Checker.Status.ALLOWED, allowed.matches().get(0).passages().get(0).status());
    assertFalse(allowed.exceeded());

    Baseline otherArticle =
        new Baseline(List.of(new Baseline.Entry("someone-else", null, "We are not going to Beijing with the intention of making progress")));
    assertTrue(check(fresh, options(Set.of(), otherArticle)).exceeded(), "entry for another article");
  }

  @Test
  void aFooterTheArchiveLearnedAsTemplateIsMaskedAndMatchesNothing() throws Exception {
    try (LuceneArchive.Reader r = LuceneArchive.openReader(dir)) {
      assertEquals(1, r.templates().list().size(), r.templates().list().toString());
      assertTrue(r.templates().list().get(0).text().contains("Your email address"));
      assertTrue(r.templatesCurrent());
    }
    Article fresh = Article.of("new", filler(70, 200) + "\n" + FOOTER);
    Checker.Result r = check(fresh, options(Set.of(), Baseline.empty()));
    assertTrue(r.matches().isEmpty(), "the footer pairs with nothing: " + r.matches());
    assertEquals(0.0, r.containment());
    assertTrue(r.templateWords() >= 15, "footer words masked: " + r.templateWords());
  }

  Checker.Result checkWire(String text, CheckOptions.SameId sameId) throws Exception {
    try (LuceneArchive.Reader reader = LuceneArchive.openReader(dir)) {
      Article wire = reader.article(reader.docOf("wire"));
      Article fresh = new Article("wire", "new/wire.txt", text == null ? wire.text() : text,
          null, null, null);
      CheckOptions options = new CheckOptions(0.3, 100, Set.of(), Baseline.empty(), sameId);
      return new Checker(DETECTOR, reader, options).check(fresh);
    }
  }

  @Test
  void comparesAnArchivedArticleOfTheSameIdAsItsEarlierVersionAndCountsIt() throws Exception {
    Checker.Result r = checkWire(null, CheckOptions.SameId.COMPARE);
    assertEquals(1.0, r.containment(), "a verbatim copy under an archived id is all reuse");
    assertTrue(r.exceeded());
    Checker.Match m = r.matches().get(0);
    assertEquals("wire", m.archived().article().id());
    assertTrue(m.sameId());
    assertEquals(Checker.Status.COUNTED, m.passages().get(0).status());
    Checker.EarlierVersion e = r.earlierVersion();
    assertEquals("wire.txt", e.archived().path());
    assertTrue(e.identical());
    assertTrue(e.counted());
    assertEquals(1.0, e.shared());
  }

  @Test
  void anUpdateOfTheSameIdIsReportedButNotCounted() throws Exception {
    Checker.Result r = checkWire(null, CheckOptions.SameId.UPDATE);
    assertEquals(0.0, r.containment());
    assertFalse(r.exceeded());
    Checker.Match m = r.matches().get(0);
    assertTrue(m.sameId());
    assertEquals(Checker.Status.UPDATE, m.passages().get(0).status());
    assertFalse(r.earlierVersion().counted());
    assertEquals(1.0, r.earlierVersion().shared(), "how much of it is unchanged, counted or not");
  }

  @Test
  void anEarlierVersionSharingNothingIsStillNamed() throws Exception {
    Checker.Result r = checkWire(filler(900, 300), CheckOptions.SameId.COMPARE);
    assertTrue(r.matches().isEmpty(), r.matches().toString());
    assertFalse(r.earlierVersion().identical());
    assertEquals(0.0, r.earlierVersion().shared());
    assertFalse(r.exceeded());
  }

  @Test
  void anArticleWhoseIdTheArchiveLacksHasNoEarlierVersion() throws Exception {
    Checker.Result r = check(Article.of("new", QUOTE + " " + filler(60, 10)), options(Set.of(), Baseline.empty()));
    assertEquals(null, r.earlierVersion());
    assertFalse(r.matches().get(0).sameId());
  }
}
