package dev.refrain.check;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The limits and filters of a check.
 *
 * @param maxContainment an article fails when more than this share of its words lies in counted
 *     passages shared with the archive, 0 to 1
 * @param maxCandidates most archived articles aligned per checked article (those sharing the most
 *     fingerprints), >= 1
 * @param allowedSources sources whose reuse is licensed: passages with their articles are not
 *     counted (compared case-insensitively)
 * @param baseline accepted overlaps, not counted
 * @param sameId what an archived article with the checked article's own id is to it
 */
public record CheckOptions(
    double maxContainment,
    int maxCandidates,
    Set<String> allowedSources,
    Baseline baseline,
    SameId sameId) {

  /**
   * What an archived article with the checked article's id is: either way it is compared and
   * reported as the article's earlier version (identical or changed).
   */
  public enum SameId {
    /** Counted like any other archived article: a verbatim copy under an archived name fails. */
    COMPARE,
    /** An update of the archived article: its passages are reported, not counted. */
    UPDATE
  }

  /** Options that {@linkplain SameId#COMPARE compare} an archived article of the same id. */
  public CheckOptions(
      double maxContainment, int maxCandidates, Set<String> allowedSources, Baseline baseline) {
    this(maxContainment, maxCandidates, allowedSources, baseline, SameId.COMPARE);
  }

  public CheckOptions {
    if (!(maxContainment >= 0 && maxContainment <= 1)) {
      throw new IllegalArgumentException("max containment must be 0 to 1, was " + maxContainment);
    }
    if (maxCandidates < 1) {
      throw new IllegalArgumentException("max candidates must be at least 1, was " + maxCandidates);
    }
    java.util.Objects.requireNonNull(sameId, "sameId");
    TreeSet<String> folded = new TreeSet<>();
    allowedSources.forEach(s -> folded.add(s.toLowerCase(Locale.ROOT)));
    allowedSources = java.util.Collections.unmodifiableSet(folded);
  }

  /** Whether reuse from {@code source} is licensed. */
  public boolean allowed(String source) {
    return source != null && allowedSources.contains(source.toLowerCase(Locale.ROOT));
  }
}
