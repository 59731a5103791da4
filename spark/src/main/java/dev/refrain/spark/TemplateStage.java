package dev.refrain.spark;

import com.carrotsearch.hppc.LongArrayList;
import dev.refrain.document.Article;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.PreparedCorpus;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.template.TemplateCorpus;
import dev.refrain.template.TemplateLearner;
import dev.refrain.template.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Learns the templates of the job's articles with the product's {@code TemplateLearner}: the
 * fingerprints' document frequencies counted where the fingerprints are, and the learner given
 * on the driver only what it reads of them ({@link TemplateLearner#reduced}).
 */
final class TemplateStage {
  private TemplateStage() {}

  /**
   * The templates, learned on the driver from every article's fingerprints {@linkplain
   * TemplateLearner#reduced reduced} to those whose key enough articles hold for the learner to
   * read it ({@link #mayBeFrequent}, counted on the workers; the driver holds only these while it
   * learns) and the texts of the carriers the learner samples (at most 32 a template, fetched
   * from the workers in one pass when the learner names them).
   */
  static Learned learn(
      JavaSparkContext jsc, Detector detector, JavaRDD<ScanJob.Numbered> texts,
      JavaRDD<ScanJob.Prints> prints, int n) {
    if (n == 0) {
      return new Learned(Templates.NONE, 0, 0);
    }
    long keyBits = FingerprintTable.keyBits(n);
    Broadcast<long[]> frequent = jsc.broadcast(mayBeFrequent(detector, prints, keyBits));
    ScanJob.Prints[] all = new ScanJob.Prints[n];
    org.apache.spark.util.LongAccumulator fingerprints = jsc.sc().longAccumulator();
    long held = 0;
    for (ScanJob.Prints p :
        prints
            .map(
                p -> {
                  long[] keys = frequent.value();
                  fingerprints.add(p.hashes().length);
                  Fingerprints r =
                      TemplateLearner.reduced(
                          new Fingerprints(p.hashes(), p.positions()),
                          h -> Arrays.binarySearch(keys, h & keyBits) >= 0);
                  return new ScanJob.Prints(
                      p.number(), p.id(), p.source(), p.sourceKey(), p.words(), r.hashes(),
                      r.positions(), new long[0], p.day());
                })
            .collect()) {
      all[p.number()] = p;
      held += p.hashes().length;
    }
    frequent.destroy();
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
    return new Learned(detector.templateLearner().learn(corpus, table), fingerprints.value(), held);
  }

  /**
   * The templates, the fingerprints of all articles, and those the driver held while it learned
   * them (their {@linkplain TemplateLearner#reduced reduced} fingerprints).
   */
  record Learned(Templates templates, long fingerprints, long held) {}

  /**
   * The fingerprint keys that enough articles hold to be frequent ({@link
   * TemplateLearner#mayBeFrequent}), sorted: each article's distinct keys sent to their {@link
   * KeyShard#of shard} as one array a partition and shard, counted there.
   */
  static long[] mayBeFrequent(Detector detector, JavaRDD<ScanJob.Prints> prints, long keyBits) {
    int shards = Math.max(1, prints.getNumPartitions());
    List<long[]> found =
        prints
            .mapPartitionsToPair(
                it -> {
                  LongArrayList[] to = new LongArrayList[shards];
                  while (it.hasNext()) {
                    for (long key : ScanJob.distinctKeys(it.next().hashes(), keyBits)) {
                      int s = KeyShard.of(key, shards);
                      if (to[s] == null) {
                        to[s] = new LongArrayList();
                      }
                      to[s].add(key);
                    }
                  }
                  List<Tuple2<Integer, long[]>> out = new ArrayList<>();
                  for (int s = 0; s < shards; s++) {
                    if (to[s] != null) {
                      out.add(new Tuple2<>(s, to[s].toArray()));
                    }
                  }
                  return out.iterator();
                })
            .partitionBy(new ScanJob.Exact(shards))
            .values()
            .mapPartitions(
                it -> {
                  TemplateLearner learner = detector.templateLearner();
                  LongArrayList keys = new LongArrayList();
                  while (it.hasNext()) {
                    keys.add(it.next());
                  }
                  long[] sorted = keys.toArray();
                  Arrays.sort(sorted);
                  LongArrayList out = new LongArrayList();
                  for (int i = 0; i < sorted.length; ) {
                    int j = i + 1;
                    while (j < sorted.length && sorted[j] == sorted[i]) {
                      j++;
                    }
                    if (learner.mayBeFrequent(j - i)) {
                      out.add(sorted[i]);
                    }
                    i = j;
                  }
                  return List.of(out.toArray()).iterator();
                })
            .collect();
    LongArrayList all = new LongArrayList();
    for (long[] keys : found) {
      all.add(keys);
    }
    long[] sorted = all.toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
