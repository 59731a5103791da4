package dev.refrain.spark;

import dev.refrain.kernel.Detector;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.normalize.Tokens;
import dev.refrain.template.TemplateCorpus;
import dev.refrain.template.Templates;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** Learns the templates of the job's articles with the product's {@code TemplateLearner}. */
final class TemplateStage {
  private TemplateStage() {}

  /**
   * The templates: for now on the driver, from every article's fingerprints and the texts of the
   * carriers the learner samples.
   */
  static Templates learn(
      JavaSparkContext jsc, Detector detector, JavaRDD<ScanJob.Numbered> texts,
      JavaRDD<ScanJob.Prints> prints, int n) {
    if (n == 0) {
      return Templates.NONE;
    }
    ScanJob.Prints[] all = new ScanJob.Prints[n];
    for (ScanJob.Prints p : prints.collect()) {
      all[p.number()] = p;
    }
    ScanJob.Numbered[] articles = new ScanJob.Numbered[n];
    for (ScanJob.Numbered t : texts.collect()) {
      articles[t.number()] = t;
    }
    FingerprintTable table = FingerprintTable.build(n, a -> all[a].hashes());
    Map<Integer, PreparedArticle> prepared = new HashMap<>();
    TemplateCorpus corpus =
        new TemplateCorpus() {
          private PreparedArticle prepared(int a) {
            return prepared.computeIfAbsent(a, x -> detector.prepare(articles[x].article()));
          }

          @Override
          public int size() {
            return n;
          }

          @Override
          public String id(int a) {
            return all[a].id();
          }

          @Override
          public String source(int a) {
            return all[a].source();
          }

          @Override
          public int words(int a) {
            return all[a].words();
          }

          @Override
          public Fingerprints fingerprints(int a) {
            return new Fingerprints(all[a].hashes(), all[a].positions());
          }

          @Override
          public long[] shingles(int a) {
            return prepared(a).shingles();
          }

          @Override
          public Tokens tokens(int a) {
            return prepared(a).tokens();
          }

          @Override
          public String text(int a) {
            return prepared(a).article().text();
          }
        };
    return detector.templateLearner().learn(corpus, table);
  }
}
