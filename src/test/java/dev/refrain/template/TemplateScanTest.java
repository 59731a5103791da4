package dev.refrain.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Templates as a scan learns them, on corpora built for the three cases the rule must tell
 * apart: a site footer (template), a wire story several outlets reprint at their tops
 * (syndication), and a source document several answers paste (reuse).
 */
class TemplateScanTest {
  static final DetectorOptions OPTIONS = DetectorOptions.defaults();

  /** Random words; no 8-word run of one text recurs in another by chance. */
  static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int length = 3 + r.nextInt(6);
      for (int c = 0; c < length; c++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
      sb.append(i % 14 == 13 ? ".\n" : " ");
    }
    return sb.toString();
  }

  static Article article(String id, String source, String text) {
    return new Article(id, id, text, source, null, null);
  }

  static ScanResult scan(List<Article> articles) {
    return new Scanner(OPTIONS).scan(articles, ProgressListener.NONE);
  }

  @Test
  void aFooterInAThousandArticlesIsOneTemplateAndNoPair() {
    Random r = new Random(1000);
    String footer =
        "Sign up for the Daily Ledger morning briefing. Copyright 2024 Daily Ledger Media, all"
            + " rights reserved. Follow us on social media and share this story with friends.";
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      articles.add(
          article(String.format("ledger-%04d", i), "Daily Ledger",
              words(r, 300 + r.nextInt(900)) + "\n" + footer));
    }
    for (int i = 0; i < 50; i++) {
      articles.add(article(String.format("other-%02d", i), "Other", words(r, 400)));
    }
    ScanResult result = scan(articles);

    assertEquals(1, result.templates().list().size(), result.templates().list().toString());
    Template t = result.templates().list().get(0);
    assertEquals(1000, t.articles());
    assertEquals(List.of("Daily Ledger"), t.sources());
    assertTrue(t.text().startsWith("Sign up for the Daily Ledger"), t.text());
    assertTrue(t.text().endsWith("share this story with friends"), t.text());
    assertEquals(List.of("ledger-0000", "ledger-0001", "ledger-0002"), t.examples());
    assertFalse(t.corpusWide());
    assertEquals(List.of(), result.pairs(), "a footer makes no pair");
    assertEquals(0, result.candidatePairs(), "nor a candidate");
    int footerWords = 27;
    for (int i = 0; i < 1000; i++) {
      assertTrue(result.templateWords(i) >= footerWords, i + ": " + result.templateWords(i));
    }
    for (int i = 1000; i < 1050; i++) {
      assertEquals(0, result.templateWords(i));
    }
  }

  /**
   * A share line every outlet's footer holds, corpus-wide, followed in most outlets by a
   * "Related topics" line and in three by "Back to top": where the share line meets "Back to
   * top" is corpus-wide text too, but in few of the share line's carriers. It is still masked
   * in those three outlets' articles, so their footers make no pair (found on a generated corpus
   * of 10^5 articles, where such footer fragments were an eighth of the pairs: the share line
   * joined the footers of all outlets into one template whose text was learned from a sample
   * in which "Back to top" was too rare).
   */
  @Test
  void corpusWideTextInAFewOutletsFootersIsMaskedThere() {
    Random r = new Random(40);
    String share = "Follow us on social media for breaking news, photos and live updates.";
    List<Article> articles = new ArrayList<>();
    for (int o = 0; o < 50; o++) {
      String rest =
          o < 3
              ? "Back to top. Got a news tip? Contact the newsroom at any time of day or night."
              : "Related topics: " + words(r, 6) + " and more from the " + words(r, 2) + " desk.";
      for (int i = 0; i < 20; i++) {
        articles.add(
            article(String.format("o%02d-%02d", o, i), "Outlet " + o,
                words(r, 200 + r.nextInt(200)) + "\n" + share + " " + rest));
      }
    }
    DetectorOptions smallBuckets =
        new DetectorOptions(5, 6, 8, 8, 0.5, 3, 20, 2, OPTIONS.seed());
    ScanResult result = new Scanner(smallBuckets).scan(articles, ProgressListener.NONE);

    assertEquals(List.of(), result.pairs(), "footer fragments make no pair");
    assertEquals(0, result.candidatePairs(), "nor a candidate");
    for (int i = 0; i < 60; i++) {
      assertTrue(result.templateWords(i) >= 29, i + ": " + result.templateWords(i));
    }
  }

  @Test
  void aWireStoryFiveOutletsReprintAtTheirTopsIsFiveWayReuse() {
    Random r = new Random(5);
    String story = words(r, 120);
    List<Article> articles = new ArrayList<>();
    articles.add(article("wire-story", "Wire", story + words(r, 10)));
    Set<String> reprints = new HashSet<>();
    for (int o = 1; o <= 5; o++) {
      String outlet = "Outlet " + o;
      String footer =
          "You are reading " + outlet + ". Subscribe to " + outlet + " for the best local news,"
              + " sport and weather every morning, delivered to your inbox.";
      for (int i = 0; i < 40; i++) {
        String id = "o" + o + "-" + String.format("%02d", i);
        String top = i == 7 ? story : "";
        if (i == 7) {
          reprints.add(id);
        }
        articles.add(article(id, outlet, top + words(r, 500) + "\n" + footer));
      }
    }
    ScanResult result = scan(articles);

    // The five footers differ only in the outlet's name: one template text, reported once.
    assertEquals(1, result.templates().list().size(), result.templates().list().toString());
    Template footers = result.templates().list().get(0);
    assertEquals(200, footers.articles());
    assertEquals(
        List.of("Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4", "Outlet 5"), footers.sources());
    assertTrue(footers.text().startsWith("You are reading"), footers.text());
    assertFalse(footers.corpusWide());
    Set<String> wire = new HashSet<>(reprints);
    wire.add("wire-story");
    int storyPairs = 0;
    for (ArticlePair p : result.pairs()) {
      String a = result.articles().get(p.a()).id();
      String b = result.articles().get(p.b()).id();
      assertTrue(wire.contains(a) && wire.contains(b), "only the reprints pair: " + a + " " + b);
      assertEquals(1, p.passages().size());
      assertTrue(p.passages().get(0).passage().wordsA() >= 115, p.toString());
      storyPairs++;
    }
    assertEquals(15, storyPairs, "every two of the six articles holding the story");
    assertEquals(1, result.clusters().size());
    assertEquals(6, result.clusters().get(0).cluster().articleCount());
    for (int i = 0; i < result.articles().size(); i++) {
      if (wire.contains(result.articles().get(i).id())) {
        assertTrue(result.templateWords(i) < 40, "the story is not masked: " + result.templateWords(i));
      }
    }
  }

  @Test
  void aSourceDocumentPastedBySeveralAnswersIsReuseNotTemplate() {
    Random r = new Random(95);
    String source = words(r, 300);
    String[] sentences = source.split("\n");
    List<Article> articles = new ArrayList<>();
    articles.add(article("orig-task", null, source));
    List<String> pasting = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // Each answer pastes the first part of the source, from a third to all of it.
      int keep = Math.max(1, sentences.length * (3 + i) / 10);
      StringBuilder answer = new StringBuilder();
      for (int s = 0; s < Math.min(keep, sentences.length); s++) {
        answer.append(sentences[s]).append('\n');
      }
      answer.append(words(r, 60 + 20 * i));
      String id = "answer-cut-" + i;
      pasting.add(id);
      articles.add(article(id, null, answer.toString()));
    }
    for (int i = 0; i < 10; i++) {
      articles.add(article("answer-non-" + i, null, words(r, 250)));
    }
    ScanResult result = scan(articles);

    assertEquals(List.of(), result.templates().list(), "the source text is nobody's template");
    int orig = index(result, "orig-task");
    for (String id : pasting) {
      int answer = index(result, id);
      ArticlePair pair =
          result.pairs().stream()
              .filter(p -> (p.a() == orig && p.b() == answer) || (p.b() == orig && p.a() == answer))
              .findFirst()
              .orElseThrow(() -> new AssertionError(id + " is not paired with its source"));
      double inSource = pair.a() == answer ? pair.containmentA() : pair.containmentB();
      assertTrue(inSource > 0.2, id + " containment " + inSource);
      assertEquals(0, result.templateWords(answer));
    }
  }

  @Test
  void aBackgroundParagraphAnOutletRepeatsMidStoryIsNotATemplate() {
    Random r = new Random(12);
    String background = words(r, 40);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      articles.add(
          article("story-" + i, "Gazette", words(r, 200) + "\n" + background + "\n" + words(r, 200)));
    }
    ScanResult result = scan(articles);
    assertEquals(List.of(), result.templates().list());
    assertEquals(15, result.pairs().size(), "every two of the six share the paragraph");
  }

  static int index(ScanResult result, String id) {
    for (int i = 0; i < result.articles().size(); i++) {
      if (result.articles().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no article " + id);
  }
}
