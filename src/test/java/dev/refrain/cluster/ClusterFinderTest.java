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
  private static final ClusterFinder FINDER = new ClusterFinder(3);

  @Test
  void threeArticlesLinkedPairwiseInTheMiddleFormOneCluster() {
    List<Link> links =
        List.of(
            new Link(0, 40, 60, 1, 42, 62, 0.8),
            new Link(1, 41, 61, 2, 40, 60, 0.9),
            new Link(0, 41, 61, 2, 40, 60, 0.7));
    ClusterFinder.Result result = FINDER.find(links);

    assertEquals(1, result.clusters().size());
    Cluster cluster = result.clusters().get(0);
    assertEquals(3, cluster.articleCount());
    assertEquals(
        List.of(new Occurrence(0, 40, 61), new Occurrence(1, 41, 62), new Occurrence(2, 40, 60)),
        cluster.occurrences());
    assertEquals(List.of(0, 1, 2), cluster.links());
    // Article 1 touches links 0 and 1 (0.8 + 0.9), the most alike to the others.
    assertEquals(1, cluster.canonical());
    assertArrayEquals(new int[] {0, 0, 0}, result.clusterOfLink());
  }

  @Test
  void aChainOfTwoLinksIsEnoughToJoinThreeArticles() {
    List<Link> links =
        List.of(new Link(0, 10, 30, 1, 50, 70, 0.8), new Link(1, 52, 72, 2, 5, 25, 0.8));
    ClusterFinder.Result result = FINDER.find(links);
    assertEquals(1, result.clusters().size());
    assertEquals(
        List.of(new Occurrence(0, 10, 30), new Occurrence(1, 50, 72), new Occurrence(2, 5, 25)),
        result.clusters().get(0).occurrences());
  }

  @Test
  void twoArticlesAloneMakeNoCluster() {
    List<Link> links = List.of(new Link(0, 40, 60, 1, 42, 62, 0.9));
    ClusterFinder.Result result = FINDER.find(links);
    assertEquals(List.of(), result.clusters());
    assertArrayEquals(new int[] {-1}, result.clusterOfLink());
  }

  @Test
  void twoArticlesMakeAClusterWhenTheMinimumIsTwo() {
    List<Link> links = List.of(new Link(0, 40, 60, 1, 42, 62, 0.9));
    ClusterFinder.Result result = new ClusterFinder(2).find(links);
    assertEquals(1, result.clusters().size());
    assertEquals(2, result.clusters().get(0).articleCount());
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
    ClusterFinder.Result result = new ClusterFinder(2).find(links);
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
    ClusterFinder.Result result = FINDER.find(links);
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
    ClusterFinder.Result result = new ClusterFinder(2).find(links);
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
    ClusterFinder.Result result = new ClusterFinder(2).find(links);
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
    assertEquals(0, FINDER.find(star).clusters().get(0).canonical());

    List<Link> tied =
        List.of(
            new Link(0, 10, 20, 1, 10, 25, 0.8),
            new Link(1, 10, 25, 2, 10, 22, 0.8),
            new Link(2, 10, 22, 0, 10, 20, 0.8));
    Cluster cluster = FINDER.find(tied).clusters().get(0);
    assertEquals(new Occurrence(1, 10, 25), cluster.occurrences().get(cluster.canonical()));
  }

  @Test
  void theCanonicalOccurrenceIsTheFirstWhenScoreAndLengthTie() {
    List<Link> links =
        List.of(
            new Link(0, 10, 20, 1, 10, 20, 0.8),
            new Link(1, 10, 20, 2, 10, 20, 0.8),
            new Link(2, 10, 20, 0, 10, 20, 0.8));
    assertEquals(0, FINDER.find(links).clusters().get(0).canonical());
  }

  @Test
  void noLinksGiveNoClusters() {
    ClusterFinder.Result result = FINDER.find(List.of());
    assertEquals(List.of(), result.clusters());
    assertEquals(0, result.clusterOfLink().length);
  }

  @Test
  void clusterListsAreImmutableCopies() {
    List<Link> links =
        List.of(new Link(0, 40, 60, 1, 42, 62, 0.8), new Link(1, 42, 62, 2, 40, 60, 0.9));
    Cluster cluster = FINDER.find(links).clusters().get(0);
    assertThrows(UnsupportedOperationException.class, () -> cluster.links().add(7));
    assertThrows(
        UnsupportedOperationException.class,
        () -> cluster.occurrences().add(new Occurrence(9, 0, 1)));
  }

  @ParameterizedTest(name = "ClusterFinder({0}): {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | minClusterArticles must be at least 2, was 1",
        "0 | minClusterArticles must be at least 2, was 0"
      })
  void theConstructorRejectsMinimaBelowTwo(int minCluster, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ClusterFinder(minCluster));
    assertEquals(message, e.getMessage());
  }
}
