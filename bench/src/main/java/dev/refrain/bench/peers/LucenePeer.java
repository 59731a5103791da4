package dev.refrain.bench.peers;

import dev.refrain.bench.corpus.Rng;
import dev.refrain.bench.pairs.PostingsJoin;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's MinHash chain as a typical user sets it up, whole-article: StandardTokenizer,
 * LowerCaseFilter, ShingleFilter(5, 5) without unigrams, MinHashFilter(hashCount 1, bucketCount
 * 512, hashSetSize 1, withRotation true), i.e. Lucene's defaults: one signature value per bucket,
 * 512 values per article. LSH banding over the signature: {@code bands} bands of {@code rows}
 * consecutive values (128 x 4 by default: the S-curve threshold (1/b)^(1/r) is a Jaccard of
 * about 0.30); the candidate pairs, reported as found, are the pairs sharing at least one band.
 * A band bucket holding more than {@code maxBucket} articles proposes no pairs.
 */
public final class LucenePeer {
  public static final int BUCKETS = 512;

  private LucenePeer() {}

  /** The chain, one instance per thread. */
  static final class Chain extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new StandardTokenizer();
      ShingleFilter shingles = new ShingleFilter(new LowerCaseFilter(source), 5, 5);
      shingles.setOutputUnigrams(false);
      TokenStream minHash = new MinHashFilter(shingles, 1, BUCKETS, 1, true);
      return new TokenStreamComponents(source, minHash);
    }
  }

  /** The band keys of one article, into {@code out}; returns how many (0 for under 5 words). */
  static final class BandKeys implements PostingsJoin.Keys {
    private final Chain chain = new Chain();
    private final int bands;
    private final int rows;
    private final long[] signature = new long[BUCKETS];
    private final long[] out;

    BandKeys(int bands, int rows) {
      if (bands * rows > BUCKETS) {
        throw new IllegalArgumentException("bands x rows must be at most " + BUCKETS);
      }
      this.bands = bands;
      this.rows = rows;
      this.out = new long[bands];
    }

    /** The 512 signature values (the high 64 bits of each bucket's 128-bit minimum). */
    int signature(String text) throws IOException {
      int n = 0;
      try (TokenStream ts = chain.tokenStream("text", text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          char[] c = term.buffer();
          long v = ((long) c[0] << 48) | ((long) c[1] << 32) | ((long) c[2] << 16) | c[3];
          if (n < BUCKETS) {
            signature[n] = v;
          }
          n++;
        }
        ts.end();
      }
      return Math.min(n, BUCKETS);
    }

    @Override
    public int compute(String text) throws IOException {
      int n = signature(text);
      if (n < BUCKETS) {
        return 0;
      }
      for (int b = 0; b < bands; b++) {
        long h = Rng.mix(b + 1L);
        for (int r = 0; r < rows; r++) {
          h = Rng.mix(h * 0x9E3779B97F4A7C15L + signature[b * rows + r]);
        }
        out[b] = h;
      }
      return bands;
    }

    @Override
    public long[] array() {
      return out;
    }
  }

  public static PostingsJoin.Result run(Path corpus, int articles, int bands, int rows, int maxBucket, int threads, Path tmp)
      throws Exception {
    PostingsJoin join = new PostingsJoin(threads, maxBucket, PostingsJoin.defaultBudget(), tmp);
    return join.run(corpus, articles, (long) articles * bands, () -> new BandKeys(bands, rows));
  }
}
