package dev.refrain.normalize;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any string tokenizes to exactly the words of the Lucene chain alone: the same hashes, offsets
 * and count ({@link TokenizerEquivalenceTest#assertSameAsLucene}). {@code mvn verify} replays the
 * inputs in {@code TextNormalizerFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TextNormalizerFuzzTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();

  @FuzzTest(maxDuration = "60s")
  void anyTextTokenizesAsLuceneAloneDoes(FuzzedDataProvider data) {
    TokenizerEquivalenceTest.assertSameAsLucene(NORMALIZER, data.consumeRemainingAsString());
  }
}
