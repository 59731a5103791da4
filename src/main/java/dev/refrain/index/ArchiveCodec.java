package dev.refrain.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PointsFormat;
import org.apache.lucene.codecs.PointsReader;
import org.apache.lucene.codecs.PointsWriter;
import org.apache.lucene.codecs.lucene90.Lucene90PointsReader;
import org.apache.lucene.codecs.lucene90.Lucene90PointsWriter;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.util.bkd.BKDWriter;

/**
 * Lucene's default codec with smaller leaf blocks in the point trees: a check reads the leaf
 * holding each of its fingerprints, and nearly all of a leaf's other points are fingerprints it
 * does not hold, so the points it decodes per segment are about its fingerprints times {@value
 * #POINTS_PER_LEAF}. Measured with {@code benchmark check} (10,000 archived articles, one
 * segment, the candidate search alone, least of three runs, median): 1.1 ms with Lucene's 512
 * points per leaf, 0.28 ms with 64, 0.24 ms with 16 (and 4% more bytes per article). Files are
 * Lucene 9.12's own, read by its points reader; only the codec's name in each segment, {@value
 * #NAME}, is refrain's, found through {@code META-INF/services}.
 */
public final class ArchiveCodec extends FilterCodec {
  public static final String NAME = "RefrainArchive3";

  /** Points per leaf block of a point tree. */
  static final int POINTS_PER_LEAF = 64;

  private final PointsFormat points =
      new PointsFormat() {
        @Override
        public PointsWriter fieldsWriter(SegmentWriteState state) throws IOException {
          return new Lucene90PointsWriter(state, POINTS_PER_LEAF, BKDWriter.DEFAULT_MAX_MB_SORT_IN_HEAP);
        }

        @Override
        public PointsReader fieldsReader(SegmentReadState state) throws IOException {
          return new Lucene90PointsReader(state);
        }
      };

  public ArchiveCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public PointsFormat pointsFormat() {
    return points;
  }
}
