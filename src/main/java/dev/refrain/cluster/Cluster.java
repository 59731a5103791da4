package dev.refrain.cluster;

import java.util.List;

/**
 * A passage recurring across articles: where it occurs, and which links (passages between two
 * articles) make it up.
 *
 * @param occurrences one word range per place it occurs, sorted by article then start; the
 *     canonical occurrence is {@code occurrences.get(canonical)}
 * @param canonical index of the occurrence the others are compared with: the one most alike to
 *     the others (highest total similarity of its links), then the longest, then the first
 * @param links indexes into the list of links given to {@link ClusterFinder#find}, sorted
 * @param articleCount distinct articles it occurs in
 */
public record Cluster(
    List<Occurrence> occurrences, int canonical, List<Integer> links, int articleCount)
    implements java.io.Serializable {

  public Cluster {
    occurrences = List.copyOf(occurrences);
    links = List.copyOf(links);
  }

  /** Where a cluster's passage occurs in one article: words {@code fromWord..toWord}. */
  public record Occurrence(int article, int fromWord, int toWord)
      implements java.io.Serializable {}
}
