package dev.refrain.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.cluster.Cluster.Occurrence;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterFinderTest {
  private static final ClusterFinder FINDER = new ClusterFinder(3, 3);
  private static final int[] HUNDRED_WORDS_EACH = {100, 100, 100, 100, 100};

  @Test
  void threeArticlesLinkedPairwiseInTheMiddleFormOneCluster() {
    List<Link> links =
        List.of(
            new Link(0, 40, 60, 1, 42, 62, 0.8),
            new Link(1, 41, 61, 2, 40, 60, 0.9),
            new Link(0, 41, 61, 2, 40, 60, 0.7));
    ClusterFinder.Result result = FINDER.find(links, HUNDRED_WORDS_EACH);

    assertEquals(1, result.clusters().size());
    Cluster cluster = result.clusters().get(0);
    assertEquals(3, cluster.articleCount());
    assertFalse(cluster.boilerplate());
    assertEquals(
        List.of(new Occurrence(0, 40, 61), new Occurrence(1, 41, 62), new Occurrence(2, 40, 60)),
        cluster.occurrences());
    assertEquals(List.of(0, 1, 2), cluster.links());
    // Article 1 touches links 0 and 1 (0.8 + 0.9), the most alike to the others.
    assertEquals(1, cluster.canonical());
    assertArrayEquals(new boolean[] {false, false, false}, result.boilerplateLinks());
    assertArrayEquals(new int[] {0, 0, 0}, result.clusterOfLink());
  }

  @Test
  void aChainOfTwoLinksIsEnoughToJoinThreeArticles() {
    List<Link> links =
        List.of(new Link(0, 10, 30, 1, 50, 70, 0.8), new Link(1, 52, 72, 2, 5, 25, 0.8));
    ClusterFinder.Result result = FINDER.find(links, HUNDRED_WORDS_EACH);
    assertEquals(1, result.clusters().size());
    assertEquals(
        List.of(new Occurrence(0, 10, 30), new Occurrence(1, 50, 72), new Occurrence(2, 5, 25)),
        result.clusters().get(0).occurrences());
  }

  @Test
  void verbatimPassagesAtTheTailOfEveryArticleAreBoilerplate() {
    List<Link> links =
        List.of(
            new Link(0, 92, 100, 1, 90, 98, 1.0),
            new Link(1, 90, 98, 2, 92, 100, 1.0),
            new Link(0, 92, 100, 2, 92, 100, 1.0));
    int[] words = {100, 99, 100};
    ClusterFinder.Result result = FINDER.find(links, words);

    assertEquals(1, result.clusters().size());
    Cluster cluster = result.clusters().get(0);
    assertEquals(3, cluster.articleCount());
    assertTrue(cluster.boilerplate());
    assertArrayEquals(new boolean[] {true, true, true}, result.boilerplateLinks());
  }

  @Test
  void verbatimPassagesAtTheHeadOfEveryArticleAreBoilerplate() {
    List<Link> links =
        List.of(
            new Link(0, 0, 8, 1, 3, 11, 0.95),
            new Link(1, 3, 11, 2, 10, 18, 1.0));
    ClusterFinder.Result result = FINDER.find(links, new int[] {100, 100, 100});
    assertTrue(result.clusters().get(0).boilerplate());
    assertArrayEquals(new boolean[] {true, true}, result.boilerplateLinks());
  }

  @Test
  void theSamePassagesInTheMiddleAreNotBoilerplateEvenWhenVerbatim() {
    List<Link> links =
        List.of(
            new Link(0, 45, 53, 1, 45, 53, 1.0),
            new Link(1, 45, 53, 2, 45, 53, 1.0));
    ClusterFinder.Result result = FINDER.find(links, HUNDRED_WORDS_EACH);
    assertEquals(1, result.clusters().size());
    assertFalse(result.clusters().get(0).boilerplate());
    assertArrayEquals(new boolean[] {false, false}, result.boilerplateLinks());
  }

  @Test
  void aRewordedPassageAtTheTailIsNotBoilerplate() {
    List<Link> links =
        List.of(
            new Link(0, 92, 100, 1, 92, 100, 1.0),
            new Link(1, 92, 100, 2, 92, 100, 0.85));
    ClusterFinder.Result result = FINDER.find(links, HUNDRED_WORDS_EACH);
    assertEquals(1, result.clusters().size());
    assertFalse(result.clusters().get(0).boilerplate());
    assertArrayEquals(new boolean[] {false, false}, result.boilerplateLinks());
  }

  @ParameterizedTest(name = "passage {0}..{1} of {2} words at the edge: {3}")
  @CsvSource({
    // edge = max(5, words / 10): within that many words of the start or the end
    "0, 8, 100, true",
    "10, 18, 100, true",
    "11, 19, 100, false",
    "82, 90, 100, true",
    "81, 89, 100, false",
    "5, 10, 30, true",
    "6, 11, 30, false",
    "19, 25, 30, true",
    "18, 24, 30, false",
    "100, 108, 1000, true",
    "101, 109, 1000, false"
  })
  void boilerplateNeedsEveryOccurrenceWithinTheEdgeOfItsArticle(
      int from, int to, int words, boolean expected) {
    List<Link> links =
        List.of(
            new Link(0, 0, to - from, 1, 0, to - from, 1.0),
            new Link(1, 0, to - from, 2, from, to, 1.0));
    ClusterFinder.Result result = FINDER.find(links, new int[] {words, words, words});
    assertEquals(expected, result.clusters().get(0).boilerplate());
  }

  @Test
  void twoArticlesAloneMakeNoCluster() {
    List<Link> links = List.of(new Link(0, 40, 60, 1, 42, 62, 0.9));
    ClusterFinder.Result result = FINDER.find(links, HUNDRED_WORDS_EACH);
    assertEquals(List.of(), result.clusters());
    assertArrayEquals(new int[] {-1}, result.clusterOfLink());
    assertArrayEquals(new boolean[] {false}, result.boilerplateLinks());
  }

  @Test
  void twoArticlesMakeAClusterWhenTheMinimumIsTwo() {
    List<Link> links = List.of(new Link(0, 40, 60, 1, 42, 62, 0.9));
    ClusterFinder.Result result = new ClusterFinder(2, 3).find(links, HUNDRED_WORDS_EACH);
    assertEquals(1, result.clusters().size());
    assertEquals(2, result.clusters().get(0).articleCount());
    assertFalse(result.clusters().get(0).boilerplate());
  }

  @Test
  void twoArticlesAreNotBoilerplateWhenItNeedsThree() {
    List<Link> links = List.of(new Link(0, 92, 100, 1, 92, 100, 1.0));
    ClusterFinder.Result result = new ClusterFinder(2, 3).find(links, HUNDRED_WORDS_EACH);
    assertFalse(result.clusters().get(0).boilerplate());
    assertArrayEquals(new boolean[] {false}, result.boilerplateLinks());
  }

  @Test
  void boilerplateLinksAreFlaggedEvenWhenTheGroupIsTooSmallToReport() {
    List<Link> links = List.of(new Link(0, 92, 100, 1, 92, 100, 1.0));
    ClusterFinder.Result result = new ClusterFinder(3, 2).find(links, HUNDRED_WORDS_EACH);
    assertEquals(List.of(), result.clusters());
    assertArrayEquals(new boolean[] {true}, result.boilerplateLinks());
    assertArrayEquals(new int[] {-1}, result.clusterOfLink());
  }

  @ParameterizedTest(name = "second side starts at {0}: {1}")
  @CsvSource({
    // Article 0 holds 10..30 (link 0) and a second 20-word side (link 1).
    "25, false", // overlap 5 of 20
    "21, false", // overlap 9 of 20: just under half
    "20, true", // overlap 10 of 20: exactly half
    "15, true",
    "10, true",
    "30, false" // touching, no overlap
  })
  void sidesInOneArticleAreOneOccurrenceOnlyWhenTheyOverlapByHalf(int start, boolean joined) {
    List<Link> links =
        List.of(
            new Link(0, 10, 30, 1, 10, 30, 0.8),
            new Link(0, start, start + 20, 2, 10, 30, 0.8));
    ClusterFinder.Result result = new ClusterFinder(2, 3).find(links, HUNDRED_WORDS_EACH);
    if (joined) {
      assertEquals(1, result.clusters().size());
      Cluster cluster = result.clusters().get(0);
      assertEquals(3, cluster.articleCount());
      assertEquals(
          List.of(new Occurrence(0, 10, start + 20), new Occurrence(1, 10, 30),
              new Occurrence(2, 10, 30)),
          cluster.occurrences());
      assertArrayEquals(new int[] {0, 0}, result.clusterOfLink());
    } else {
      assertEquals(2, result.clusters().size());
      for (Cluster cluster : result.clusters()) {
        assertEquals(2, cluster.articleCount());
      }
      assertEquals(
          List.of(new Occurrence(0, 10, 30), new Occurrence(1, 10, 30)),
          result.clusters().get(0).occurrences());
      assertEquals(
          List.of(new Occurrence(0, start, start + 20), new Occurrence(2, 10, 30)),
          result.clusters().get(1).occurrences());
      assertArrayEquals(new int[] {0, 1}, result.clusterOfLink());
    }
  }

  @Test
  void aShortSideInsideALongerOneIsTheSameOccurrence() {
    List<Link> links =
        List.of(
            new Link(0, 10, 60, 1, 10, 60, 0.8),
            new Link(0, 40, 48, 2, 0, 8, 0.8));
    ClusterFinder.Result result = FINDER.find(links, HUNDRED_WORDS_EACH);
    assertEquals(1, result.clusters().size());
    assertEquals(
        List.of(new Occurrence(0, 10, 60), new Occurrence(1, 10, 60), new Occurrence(2, 0, 8)),
        result.clusters().get(0).occurrences());
  }

  @Test
  void aPassageRepeatedInsideOneArticleCountsTheArticleOnce() {
    List<Link> links =
        List.of(
            new Link(0, 10, 20, 0, 70, 80, 1.0),
            new Link(0, 70, 80, 1, 30, 40, 1.0));
    ClusterFinder.Result result = new ClusterFinder(2, 2).find(links, HUNDRED_WORDS_EACH);
    assertEquals(1, result.clusters().size());
    Cluster cluster = result.clusters().get(0);
    assertEquals(2, cluster.articleCount());
    assertEquals(
        List.of(new Occurrence(0, 10, 20), new Occurrence(0, 70, 80), new Occurrence(1, 30, 40)),
        cluster.occurrences());
  }

  @Test
  void clustersAreSortedByArticleCountThenFirstOccurrence() {
    List<Link> links =
        List.of(
            // group A: articles 3, 4 (2 articles)
            new Link(3, 10, 20, 4, 10, 20, 0.8),
            // group B: articles 1, 2 (2 articles)
            new Link(1, 50, 60, 2, 50, 60, 0.8),
            // group C: articles 0, 1, 2 (3 articles)
            new Link(0, 30, 40, 1, 30, 40, 0.8),
            new Link(1, 30, 40, 2, 30, 40, 0.8),
            // group D: articles 1, 2 again, earlier in article 1 than group B
            new Link(1, 5, 15, 2, 70, 80, 0.8));
    ClusterFinder.Result result = new ClusterFinder(2, 3).find(links, HUNDRED_WORDS_EACH);
    List<Cluster> clusters = result.clusters();
    assertEquals(4, clusters.size());
    assertEquals(new Occurrence(0, 30, 40), clusters.get(0).occurrences().get(0));
    assertEquals(new Occurrence(1, 5, 15), clusters.get(1).occurrences().get(0));
    assertEquals(new Occurrence(1, 50, 60), clusters.get(2).occurrences().get(0));
    assertEquals(new Occurrence(3, 10, 20), clusters.get(3).occurrences().get(0));
    assertArrayEquals(new int[] {3, 2, 0, 0, 1}, result.clusterOfLink());
    assertEquals(List.of(2, 3), clusters.get(0).links());
  }

  @Test
  void theCanonicalOccurrenceBreaksTiesByLength() {
    // A star: article 0 is linked to 1 and 2 (score 1.0 each side), article 1 to 2 with 0.5.
    // Articles 0 scores 2.0: canonical. Then make all scores equal and the longest wins.
    List<Link> star =
        List.of(
            new Link(0, 10, 20, 1, 10, 20, 1.0),
            new Link(0, 10, 20, 2, 10, 20, 1.0),
            new Link(1, 10, 20, 2, 10, 20, 0.5));
    assertEquals(0, FINDER.find(star, HUNDRED_WORDS_EACH).clusters().get(0).canonical());

    List<Link> tied =
        List.of(
            new Link(0, 10, 20, 1, 10, 25, 0.8),
            new Link(1, 10, 25, 2, 10, 22, 0.8),
            new Link(2, 10, 22, 0, 10, 20, 0.8));
    Cluster cluster = FINDER.find(tied, HUNDRED_WORDS_EACH).clusters().get(0);
    assertEquals(new Occurrence(1, 10, 25), cluster.occurrences().get(cluster.canonical()));
  }

  @Test
  void theCanonicalOccurrenceIsTheFirstWhenScoreAndLengthTie() {
    List<Link> links =
        List.of(
            new Link(0, 10, 20, 1, 10, 20, 0.8),
            new Link(1, 10, 20, 2, 10, 20, 0.8),
            new Link(2, 10, 20, 0, 10, 20, 0.8));
    assertEquals(0, FINDER.find(links, HUNDRED_WORDS_EACH).clusters().get(0).canonical());
  }

  @Test
  void noLinksGiveNoClusters() {
    ClusterFinder.Result result = FINDER.find(List.of(), new int[0]);
    assertEquals(List.of(), result.clusters());
    assertEquals(0, result.boilerplateLinks().length);
    assertEquals(0, result.clusterOfLink().length);
  }

  @Test
  void theBoilerplateThresholdsArePinned() {
    assertEquals(0.9, ClusterFinder.BOILERPLATE_SIMILARITY);
    assertEquals(5, ClusterFinder.EDGE_WORDS);
  }

  @Test
  void clusterListsAreImmutableCopies() {
    List<Link> links =
        List.of(new Link(0, 40, 60, 1, 42, 62, 0.8), new Link(1, 42, 62, 2, 40, 60, 0.9));
    Cluster cluster = FINDER.find(links, HUNDRED_WORDS_EACH).clusters().get(0);
    assertThrows(UnsupportedOperationException.class, () -> cluster.links().add(7));
    assertThrows(
        UnsupportedOperationException.class,
        () -> cluster.occurrences().add(new Occurrence(9, 0, 1)));
  }

  @ParameterizedTest(name = "ClusterFinder({0}, {1}): {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | 3 | minClusterArticles must be at least 2, was 1",
        "0 | 3 | minClusterArticles must be at least 2, was 0",
        "3 | 1 | boilerplateMinArticles must be at least 2, was 1",
        "3 | -4 | boilerplateMinArticles must be at least 2, was -4"
      })
  void theConstructorRejectsMinimaBelowTwo(int minCluster, int minBoilerplate, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new ClusterFinder(minCluster, minBoilerplate));
    assertEquals(message, e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aStoryResentWholeByThreeOutletsIsReuseNotBoilerplate() {
    // Each passage is the whole 100-word article: at the head and the tail, but not template.
    List<Link> links =
        List.of(
            new Link(0, 0, 100, 1, 0, 100, 1.0),
            new Link(1, 0, 100, 2, 0, 100, 1.0),
            new Link(0, 0, 100, 2, 0, 100, 1.0));
    ClusterFinder.Result result = FINDER.find(links, new int[] {100, 100, 100});
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new boolean[] {false, false, false}, result.boilerplateLinks());
    org.junit.jupiter.api.Assertions.assertFalse(result.clusters().get(0).boilerplate());
  }
}
