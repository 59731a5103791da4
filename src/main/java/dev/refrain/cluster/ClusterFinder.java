package dev.refrain.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Groups passages into clusters of one passage recurring across articles.
 *
 * <p>Each passage joins its two sides; within one article, two sides overlapping by at least
 * half of the shorter one are the same occurrence. A connected group spanning at least {@code
 * minClusterArticles} articles is a cluster (the G20 sentence in three seed articles). Only
 * verified passages join articles, never a shared candidate key, so unrelated articles are not
 * chained together. Template text never reaches this stage: it is masked before alignment.
 */
public final class ClusterFinder {
  private final int minClusterArticles;

  /** @param minClusterArticles articles a group must span to be reported as a cluster, >= 2 */
  public ClusterFinder(int minClusterArticles) {
    if (minClusterArticles < 2) {
      throw new IllegalArgumentException(
          "minClusterArticles must be at least 2, was " + minClusterArticles);
    }
    this.minClusterArticles = minClusterArticles;
  }

  /** Result of {@link #find}: the clusters to report, and each link's cluster or -1. */
  public record Result(List<Cluster> clusters, int[] clusterOfLink) {}

  /** @param links the passages of all pairs */
  public Result find(List<Link> links) {
    int nodes = links.size() * 2;
    int[] parent = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      parent[i] = i;
    }
    for (int l = 0; l < links.size(); l++) {
      union(parent, 2 * l, 2 * l + 1);
    }
    // Within each article, sides overlapping by half of the shorter are one occurrence.
    TreeMap<Integer, List<Integer>> byArticle = new TreeMap<>();
    for (int node = 0; node < nodes; node++) {
      byArticle.computeIfAbsent(article(links, node), x -> new ArrayList<>()).add(node);
    }
    for (List<Integer> sides : byArticle.values()) {
      sides.sort(Comparator.comparingInt((Integer n) -> from(links, n)).thenComparing(n -> n));
      List<Integer> active = new ArrayList<>();
      for (int node : sides) {
        int f = from(links, node);
        active.removeIf(o -> to(links, o) <= f);
        for (int other : active) {
          int overlap = Math.min(to(links, node), to(links, other)) - f;
          int shorter =
              Math.min(
                  to(links, node) - from(links, node), to(links, other) - from(links, other));
          if (2 * overlap >= shorter) {
            union(parent, node, other);
          }
        }
        active.add(node);
      }
    }
    TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
    for (int node = 0; node < nodes; node++) {
      groups.computeIfAbsent(find(parent, node), x -> new ArrayList<>()).add(node);
    }
    int[] clusterOf = new int[links.size()];
    Arrays.fill(clusterOf, -1);
    List<Cluster> clusters = new ArrayList<>();
    for (List<Integer> group : groups.values()) {
      List<Cluster.Occurrence> occurrences = occurrences(links, group);
      int articles = (int) occurrences.stream().mapToInt(Cluster.Occurrence::article).distinct().count();
      List<Integer> memberLinks = group.stream().map(n -> n / 2).distinct().sorted().toList();
      if (articles >= minClusterArticles) {
        int canonical = canonical(links, occurrences, memberLinks);
        clusters.add(new Cluster(occurrences, canonical, memberLinks, articles));
      }
    }
    clusters.sort(
        Comparator.comparingInt(Cluster::articleCount)
            .reversed()
            .thenComparingInt(c -> c.occurrences().get(0).article())
            .thenComparingInt(c -> c.occurrences().get(0).fromWord()));
    for (int c = 0; c < clusters.size(); c++) {
      for (int l : clusters.get(c).links()) {
        clusterOf[l] = c;
      }
    }
    return new Result(List.copyOf(clusters), clusterOf);
  }

  /** The group's sides merged into one word range per overlapping run in each article. */
  private static List<Cluster.Occurrence> occurrences(List<Link> links, List<Integer> group) {
    List<int[]> sides = new ArrayList<>();
    for (int node : group) {
      sides.add(new int[] {article(links, node), from(links, node), to(links, node)});
    }
    sides.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]));
    List<Cluster.Occurrence> out = new ArrayList<>();
    int[] current = null;
    for (int[] s : sides) {
      if (current != null && current[0] == s[0] && s[1] < current[2]) {
        current[2] = Math.max(current[2], s[2]);
      } else {
        if (current != null) {
          out.add(new Cluster.Occurrence(current[0], current[1], current[2]));
        }
        current = s.clone();
      }
    }
    out.add(new Cluster.Occurrence(current[0], current[1], current[2]));
    return out;
  }

  private static int canonical(
      List<Link> links, List<Cluster.Occurrence> occurrences, List<Integer> memberLinks) {
    // Each link side falls in one occurrence (occurrences are merged sides, sorted): find it by
    // binary search, so a cluster of n links costs n log n, not n times its occurrences.
    double[] score = new double[occurrences.size()];
    for (int l : memberLinks) {
      Link link = links.get(l);
      int x = occurrenceOf(occurrences, link.a(), link.aFromWord());
      int y = occurrenceOf(occurrences, link.b(), link.bFromWord());
      if (x >= 0) {
        score[x] += link.similarity();
      }
      if (y >= 0 && y != x) {
        score[y] += link.similarity();
      }
    }
    int best = 0;
    for (int i = 1; i < occurrences.size(); i++) {
      int length = occurrences.get(i).toWord() - occurrences.get(i).fromWord();
      int bestLength = occurrences.get(best).toWord() - occurrences.get(best).fromWord();
      if (score[i] > score[best] + 1e-9
          || (Math.abs(score[i] - score[best]) <= 1e-9 && length > bestLength)) {
        best = i;
      }
    }
    return best;
  }

  /** The occurrence of {@code article} containing word {@code word}, or -1. */
  private static int occurrenceOf(List<Cluster.Occurrence> occurrences, int article, int word) {
    int lo = 0;
    int hi = occurrences.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Cluster.Occurrence o = occurrences.get(mid);
      if (o.article() < article || (o.article() == article && o.fromWord() <= word)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found >= 0) {
      Cluster.Occurrence o = occurrences.get(found);
      if (o.article() == article && word < o.toWord()) {
        return found;
      }
    }
    return -1;
  }

  private static int article(List<Link> links, int node) {
    Link l = links.get(node / 2);
    return node % 2 == 0 ? l.a() : l.b();
  }

  private static int from(List<Link> links, int node) {
    Link l = links.get(node / 2);
    return node % 2 == 0 ? l.aFromWord() : l.bFromWord();
  }

  private static int to(List<Link> links, int node) {
    Link l = links.get(node / 2);
    return node % 2 == 0 ? l.aToWord() : l.bToWord();
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int x, int y) {
    int rx = find(parent, x);
    int ry = find(parent, y);
    if (rx != ry) {
      parent[Math.max(rx, ry)] = Math.min(rx, ry);
    }
  }
}
