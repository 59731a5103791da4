package dev.refrain.bench.eval;

import java.util.Objects;

/**
 * A plagiarism case or a detection in PAN's terms: a span of a suspicious document and the span
 * of a source document it reuses. Offsets are 0-based, end-exclusive character offsets.
 *
 * @param pair the document pair, e.g. {@code suspicious-document00005.txt source-document01090.txt};
 *     cases and detections only ever overlap within one pair
 */
public record PanCase(String pair, int thisStart, int thisEnd, int sourceStart, int sourceEnd) {

  public PanCase {
    Objects.requireNonNull(pair, "pair");
    if (thisStart < 0 || thisEnd < thisStart || sourceStart < 0 || sourceEnd < sourceStart) {
      throw new IllegalArgumentException(
          "bad spans: this " + thisStart + ".." + thisEnd + ", source " + sourceStart + ".." + sourceEnd);
    }
  }

  /** Characters on the suspicious side. */
  public int thisLength() {
    return thisEnd - thisStart;
  }

  /** Characters on the source side. */
  public int sourceLength() {
    return sourceEnd - sourceStart;
  }

  /** This case widened by {@code t} characters at each end of both spans (not below 0). */
  public PanCase widened(int t) {
    return t == 0
        ? this
        : new PanCase(
            pair, Math.max(0, thisStart - t), thisEnd + t, Math.max(0, sourceStart - t), sourceEnd + t);
  }

  /** Whether the two overlap on both sides, in the same document pair. */
  public boolean overlaps(PanCase o) {
    return pair.equals(o.pair)
        && thisStart < o.thisEnd
        && o.thisStart < thisEnd
        && sourceStart < o.sourceEnd
        && o.sourceStart < sourceEnd;
  }
}
