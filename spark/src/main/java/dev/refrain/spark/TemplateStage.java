package dev.refrain.spark;

import dev.refrain.document.Article;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.PreparedCorpus;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.template.TemplateCorpus;
import dev.refrain.template.Templates;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/** Learns the templates of the job's articles with the product's {@code TemplateLearner}. */
final class TemplateStage {
  private TemplateStage() {}

  /**
   * The templates, learned on the driver from every article's fingerprints (collected: the
   * driver holds them all while it learns) and the texts of the carriers the learner samples
   * (at most 32 a template, fetched from the workers in one pass when the learner names them).
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
    Map<Integer, Article> articles = new HashMap<>();
    FingerprintTable table = FingerprintTable.build(n, a -> all[a].hashes());
    Map<Integer, PreparedArticle> prepared = new HashMap<>();
    TemplateCorpus corpus =
        new PreparedCorpus() {
          @Override
          protected PreparedArticle prepared(int a) {
            if (!articles.containsKey(a)) {
              willRead(new int[] {a});
            }
            return prepared.computeIfAbsent(a, x -> detector.prepare(articles.get(x)));
          }

          @Override
          public void willRead(int[] wanted) {
            java.util.Set<Integer> set = new java.util.HashSet<>();
            for (int a : wanted) {
              set.add(a);
            }
            Broadcast<java.util.Set<Integer>> asked = jsc.broadcast(set);
            for (ScanJob.Numbered t : texts.filter(t -> asked.value().contains(t.number())).collect()) {
              articles.put(t.number(), t.article());
            }
            asked.destroy();
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
        };
    return detector.templateLearner().learn(corpus, table);
  }
}
