package dev.refrain.bench.peers;

import dev.refrain.bench.corpus.Tokens;
import dev.refrain.bench.pairs.PostingsJoin;
import java.nio.file.Path;

/**
 * The exact inverted-index all-pairs counter, the recall reference: normalized words (lower case,
 * runs of letters and digits), {@code k}-word shingles hashed to 64 bits, each article's distinct
 * shingles; a shingle held by more than {@code maxDf} articles is ignored; every pair of
 * articles sharing a shingle is counted, and reported when it shares at least {@code minShared}.
 * The postings are packed longs: the shingle hash's top {@code 64 - b} bits and the article
 * index in the low {@code b = ceil(log2 articles)} bits.
 */
public final class ExactPeer {
  private ExactPeer() {}

  public static PostingsJoin.Result run(Path corpus, int articles, long corpusBytes, int k, int maxDf, int threads, Path tmp)
      throws Exception {
    PostingsJoin join = new PostingsJoin(threads, maxDf, PostingsJoin.defaultBudget(), tmp);
    // about one shingle per 6 bytes of JSONL
    return join.run(corpus, articles, corpusBytes / 6, () -> new PostingsJoin.Keys() {
      final Tokens.Buffer buffer = new Tokens.Buffer();

      @Override
      public int compute(String text) {
        return Tokens.distinctShingles(text, k, buffer);
      }

      @Override
      public long[] array() {
        return buffer.shingles;
      }
    });
  }
}
