package dev.refrain.spark;

import com.carrotsearch.hppc.LongArrayList;
import dev.refrain.cluster.Cluster;
import dev.refrain.cluster.ClusterFinder;
import dev.refrain.cluster.Link;
import dev.refrain.document.Article;
import dev.refrain.document.LoaderOptions;
import dev.refrain.kernel.ArticleInfo;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.lsh.CandidatePairs;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.quote.QuoteFamily;
import dev.refrain.quote.QuoteFinder;
import dev.refrain.quote.Rendering;
import dev.refrain.report.Report;
import dev.refrain.report.ReportMapper;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import dev.refrain.template.Templates;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The detection of {@code scan} as a Spark job, stage by stage on the product's own kernel, so a
 * pair scan finds the job finds with the same passages, offsets, similarities, containment,
 * templates and clusters (the job's {@code report.jsonl} is scan's, byte for byte):
 *
 * <ol>
 *   <li><b>Articles</b> read ({@link ArticleInput}), the first of each id kept, sorted by id and
 *       numbered: partition {@code p} holds numbers {@code starts[p]..starts[p+1]}, and stays
 *       where it is for the rest of the job (its texts are never shuffled whole again).
 *   <li><b>Prepare</b>: each article normalized, shingled and fingerprinted by {@link
 *       Detector#prepare}; what later stages need of it kept (fingerprints, words, source).
 *   <li><b>Templates</b>, learned from fingerprint document frequencies ({@link TemplateStage}).
 *   <li><b>Candidates</b> ({@link #candidates}): a shuffle on fingerprint key, template
 *       holdings dropped before it; each key's pairs by {@link CandidatePairs#pairsOf}, a key
 *       with more than {@code maxBucket} holders proposing its {@link CandidatePairs#star} (each
 *       holder with the one of least id key) instead, and counted; reduced per pair (shared
 *       fingerprints, rarest holders) and kept by {@link CandidatePairs#proposes}; articles that
 *       may repeat a passage are paired with themselves.
 *   <li><b>Align</b>: each pair goes to its first article's partition; the texts of the partners
 *       it lacks are sent there once ({@link #fetch}: a join, not a broadcast of the corpus);
 *       each article there is prepared once, its template words masked, and every pair compared
 *       by {@link Detector#comparePair}.
 *   <li><b>Clusters</b> from the verified passages only ({@link ClusterFinder}), each diffed
 *       against its canonical occurrence where its articles' texts are fetched.
 *   <li><b>Report</b>: pairs ranked by {@link Scanner#RANKING}, written by {@link JobOutput}.
 *   <li><b>State</b> for a later run ({@link RunState}): every article with what the stages
 *       made of it, every compared pair with what it found.
 * </ol>
 *
 * <p>With {@link Options#previous} (an earlier output), its articles are numbered with the new
 * ones (read first, so a new article of an id it holds is a duplicate), their prints are not
 * made again, and a candidate pair of two of them that the earlier run compared is sent to the
 * align stage as it was found, with their entries and quotes, unless the templates learned now
 * change the template words of one of them; every other pair is compared. The stages after align
 * run over everything, so the output is that of one run over the earlier input and the new.
 */
final class ScanJob {
  private ScanJob() {}

  /**
   * What the job is asked to do.
   *
   * @param articlesPerPartition articles a partition holds at most, about: the align stage
   *     prepares a partition's articles and their partners at once
   * @param filter the candidate pairs left out before alignment
   */
  record Options(
      List<String> inputs,
      String output,
      DetectorOptions detector,
      long maxFileBytes,
      int articlesPerPartition,
      PairFilter filter,
      String previous)
      implements Serializable {
    Options(
        List<String> inputs, String output, DetectorOptions detector, long maxFileBytes,
        int articlesPerPartition, PairFilter filter) {
      this(inputs, output, detector, maxFileBytes, articlesPerPartition, filter, null);
    }

    Options(
        List<String> inputs, String output, DetectorOptions detector, long maxFileBytes,
        int articlesPerPartition) {
      this(inputs, output, detector, maxFileBytes, articlesPerPartition, PairFilter.NONE);
    }
  }

  /** An article with its number. */
  record Numbered(int number, Article article) implements Serializable {}

  /**
   * What later stages keep of a prepared article.
   *
   * @param repeated its {@linkplain PreparedArticle#repeatedFingerprints repeated fingerprints}
   * @param day its {@linkplain PairFilter#day day}
   */
  record Prints(
      int number, String id, String source, long sourceKey, int words, long[] hashes,
      int[] positions, long[] repeated, int day)
      implements Serializable {}

  /**
   * What the fingerprints proposing a pair say of it, summed: how many propose it, how many of
   * them as a capped key's star, and the fewest holders of any ({@link
   * CandidatePairs#STAR_HOLDERS} for a star's).
   */
  record Votes(int fingerprints, int star, int rarestHolders) implements Serializable {
    Votes plus(Votes o) {
      return new Votes(
          fingerprints + o.fingerprints, star + o.star, Math.min(rarestHolders, o.rarestHolders));
    }
  }

  /** A capped key's holders (its kept ones, sorted) and the hash of their set. */
  record CappedKey(long holderSet, int[] holders) implements Serializable {}

  /** A pair found: its figures (diffs left out, for ranking), its report entry, its passages. */
  record Found(ArticlePair pair, Report.PairEntry entry, List<Link> links) implements Serializable {}

  /**
   * What the align stage gives: a home article's entry (its number, its internal repeats'
   * passages without their clusters, named later, and its quotes), or a pair found.
   */
  record Aligned(int number, Report.ArticleEntry article, Quoted quoted, Found found, int[] mask)
      implements Serializable {}

  /** An article's quotes as renderings and the people it names in full ({@link QuoteFinder}). */
  record Quoted(List<Rendering> renderings, List<String> people) implements Serializable {}

  /** The report entry of item {@code index} (a cluster, a quote family) from its articles. */
  @FunctionalInterface
  interface EntryMapper<E> extends Serializable {
    E entry(int index, Map<Integer, Article> articles);
  }

  /**
   * Something sent to an align partition: a candidate pair, a partner's text, a pair an earlier
   * run found ({@code reused}), or what an earlier run kept of a home article ({@code home}).
   */
  record ToAlign(long pair, Numbered partner, Found reused, Home home) implements Serializable {
    ToAlign(long pair, Numbered partner) {
      this(pair, partner, null, null);
    }
  }

  /**
   * A home article an earlier run prepared, whose template words are the same now: its entry,
   * quotes and template words, taken as they are (its internal repeats from its pair with itself).
   */
  record Home(int number, Report.ArticleEntry entry, Quoted quoted, int[] mask)
      implements Serializable {}

  /**
   * What a run with {@code --previous} took from the earlier output: articles kept and new,
   * candidate pairs whose comparison was taken as it was, pairs of two earlier articles compared
   * again (their template words changed, or they were no candidates then), pairs the earlier run
   * found that are no candidates now (their passages gone from the report), articles whose
   * template words changed, and the templates then and now.
   */
  record Reuse(
      long keptArticles, long newArticles, long reusedPairs, long recomparedPairs,
      long droppedPairs, long changedArticles, long templatesBefore, long templatesNow)
      implements Serializable {}

  /**
   * What the job found, in counts (the report holds the rest), and the problems met reading its
   * input, in reading order; the fingerprints the driver held while it learned templates beside
   * all the articles' ({@link TemplateStage.Learned}).
   */
  record Summary(
      long articles, long candidatePairs, long pairs, long passages, long clusters, long templates,
      long cappedFingerprints, List<ArticleInput.Problem> problems, Reuse reuse,
      TemplateStage.Learned learned) {
    Summary(
        long articles, long candidatePairs, long pairs, long passages, long clusters,
        long templates, long cappedFingerprints, List<ArticleInput.Problem> problems) {
      this(articles, candidatePairs, pairs, passages, clusters, templates, cappedFingerprints,
          problems, null, null);
    }

    Summary with(Reuse r, TemplateStage.Learned l) {
      return new Summary(
          articles, candidatePairs, pairs, passages, clusters, templates, cappedFingerprints,
          problems, r, l);
    }
  }

  /** What the candidate stage found: the pairs to align and what the bucket cap left out. */
  record Candidates(JavaRDD<Long> pairs, long count, CandidatePairs.Caps caps) {}

  static Summary run(SparkSession spark, Options o) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    DetectorOptions options = o.detector();
    Detector detector = new Detector(options);

    // 0. An earlier output this run adds to, checked before anything is read.
    RunState.Previous prev =
        o.previous() == null ? null : RunState.open(spark, o.previous(), o.output(), options);

    // 1. Articles, by id, numbered; an earlier output's are read before the input (file -1).
    ArticleInput.Loaded loaded = ArticleInput.read(spark, o.inputs(), new LoaderOptions(o.maxFileBytes()));
    JavaRDD<ArticleInput.Read> reads = loaded.articles();
    if (prev != null) {
      reads =
          prev.kept()
              .map(k -> new ArticleInput.Read(k.article(), -1, k.prints().number()))
              .union(reads);
    }
    JavaPairRDD<String, ArticleInput.Read> byId =
        reads.mapToPair(r -> new Tuple2<>(r.article().id(), r));
    long read = byId.count();
    int parts = (int) Math.max(1, (read + o.articlesPerPartition() - 1) / o.articlesPerPartition());
    JavaRDD<ArticleInput.Read> sorted =
        byId.sortByKey(true, parts).values().persist(StorageLevel.MEMORY_AND_DISK());
    // Equal ids sort into one partition; the first read of each is kept.
    int[] counts = new int[sorted.getNumPartitions()];
    sorted
        .mapPartitionsWithIndex(
            (p, it) -> List.of(new Tuple2<>(p, sameIds(it).size())).iterator(), true)
        .collect()
        .forEach(t -> counts[t._1()] = t._2());
    List<ArticleInput.Problem> duplicates =
        sorted
            .mapPartitions(
                it -> {
                  List<ArticleInput.Problem> out = new ArrayList<>();
                  for (List<ArticleInput.Read> same : sameIds(it)) {
                    for (ArticleInput.Read dup : same.subList(1, same.size())) {
                      out.add(duplicate(dup, same.get(0)));
                    }
                  }
                  return out.iterator();
                })
            .collect();
    int[] starts = new int[counts.length];
    for (int p = 1; p < counts.length; p++) {
      starts[p] = starts[p - 1] + counts[p - 1];
    }
    int n = counts.length == 0 ? 0 : starts[counts.length - 1] + counts[counts.length - 1];
    NumberRanges ranges = new NumberRanges(starts);
    JavaRDD<Numbered> texts =
        sorted
            .mapPartitionsWithIndex(
                (p, it) -> {
                  List<Numbered> out = new ArrayList<>();
                  int number = starts[p];
                  for (List<ArticleInput.Read> same : sameIds(it)) {
                    out.add(new Numbered(number++, same.get(0).article()));
                  }
                  return out.iterator();
                },
                true)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    List<ArticleInput.Problem> problems = new ArrayList<>(loaded.problems().collect());
    problems.addAll(duplicates);
    // The earlier articles' new numbers, and what was kept of each, where it now is.
    int[] oldToNew = null;
    java.util.BitSet old = new java.util.BitSet();
    JavaPairRDD<Integer, RunState.Kept> keptHere = null;
    if (prev != null) {
      problems.addAll(prev.problems());
      oldToNew = new int[(int) prev.header().articles()];
      for (Tuple2<Integer, Integer> t :
          sorted
              .mapPartitionsWithIndex(
                  (p, it) -> {
                    List<Tuple2<Integer, Integer>> out = new ArrayList<>();
                    int number = starts[p];
                    for (List<ArticleInput.Read> same : sameIds(it)) {
                      if (same.get(0).file() == -1) {
                        out.add(new Tuple2<>((int) same.get(0).seq(), number));
                      }
                      number++;
                    }
                    return out.iterator();
                  },
                  true)
              .collect()) {
        oldToNew[t._1()] = t._2();
        old.set(t._2());
      }
      Broadcast<int[]> to = jsc.broadcast(oldToNew);
      keptHere =
          prev.kept()
              .mapToPair(
                  k -> {
                    int number = to.value()[k.prints().number()];
                    return new Tuple2<>(
                        number,
                        new RunState.Kept(
                            RunState.renumbered(k.prints(), number), k.article(), k.mask(),
                            k.entry(), RunState.renumbered(k.quoted(), number)));
                  })
              .partitionBy(ranges)
              .persist(StorageLevel.MEMORY_AND_DISK_SER());
    }
    problems.sort(
        Comparator.comparingInt(ArticleInput.Problem::file)
            .thenComparingLong(ArticleInput.Problem::seq));

    // 2. Prepare (an earlier run's articles are not: their prints are kept).
    JavaRDD<Prints> prints =
        (keptHere == null
                ? texts.map(t -> prints(detector, t))
                : withKept(texts, keptHere, (t, k) -> k != null ? k.prints() : prints(detector, t)))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());

    // 3. Templates.
    long keyBits = FingerprintTable.keyBits(n);
    TemplateStage.Learned learnedFrom = TemplateStage.learn(jsc, detector, texts, prints, n);
    Templates templates = learnedFrom.templates();
    Broadcast<Templates> learned = jsc.broadcast(templates);
    // The earlier articles whose template words are what they were: their pairs with each other
    // are taken from the earlier run. When the templates changed, an earlier article holding a
    // fingerprint that is template text then or now is prepared and its template words compared.
    java.util.BitSet same = (java.util.BitSet) old.clone();
    long changedArticles = 0;
    if (prev != null && !templates.equals(prev.header().templates())) {
      Broadcast<Templates> was = jsc.broadcast(prev.header().templates());
      List<Integer> changed =
          withKept(
                  texts, keptHere,
                  (t, k) ->
                      k != null
                              && maskMayDiffer(k.prints(), was.value(), learned.value())
                              && !Arrays.equals(
                                  k.mask(),
                                  detector.mask(detector.prepare(t.article()), learned.value()))
                          ? t.number()
                          : null)
              .collect();
      changed.forEach(same::clear);
      changedArticles = changed.size();
      was.destroy();
    }
    Broadcast<java.util.BitSet> unchanged = jsc.broadcast(same);
    Broadcast<java.util.BitSet> earlier = jsc.broadcast(old);

    // 4. Candidates.
    Candidates proposed = candidates(prints, learned, keyBits, options.maxBucket(), o.filter());
    JavaRDD<Long> pairs = proposed.pairs();
    long candidates = proposed.count();

    // 4b. With an earlier output: a candidate pair of two earlier articles whose template words
    // did not change, compared by the earlier run, is taken from it; every other one is compared.
    JavaRDD<Long> fresh = pairs;
    List<Object> persisted = new ArrayList<>();
    JavaRDD<Found> reusedFound = null;
    Reuse reuse = null;
    JavaRDD<RunState.Compared> reused = null;
    if (prev != null) {
      Broadcast<int[]> to = jsc.broadcast(oldToNew);
      JavaRDD<RunState.Compared> before =
          prev.compared()
              .map(
                  c ->
                      new RunState.Compared(
                          CandidatePairs.encode(
                              to.value()[CandidatePairs.first(c.pair())],
                              to.value()[CandidatePairs.second(c.pair())]),
                          c.found() == null ? null : RunState.renumbered(c.found(), to.value())))
              .persist(StorageLevel.MEMORY_AND_DISK_SER());
      JavaPairRDD<Long, org.apache.spark.api.java.Optional<RunState.Compared>> joined =
          pairs
              .mapToPair(p -> new Tuple2<>(p, Boolean.TRUE))
              .leftOuterJoin(
                  before
                      .filter(
                          c ->
                              unchanged.value().get(CandidatePairs.first(c.pair()))
                                  && unchanged.value().get(CandidatePairs.second(c.pair())))
                      .mapToPair(c -> new Tuple2<>(c.pair(), c)))
              .mapValues(t -> t._2())
              .persist(StorageLevel.MEMORY_AND_DISK_SER());
      fresh = joined.filter(t -> !t._2().isPresent()).keys().persist(StorageLevel.MEMORY_AND_DISK_SER());
      reused =
          joined
              .filter(t -> t._2().isPresent())
              .map(t -> t._2().get())
              .persist(StorageLevel.MEMORY_AND_DISK_SER());
      long reusedPairs = reused.count();
      long recompared =
          fresh
              .filter(
                  p ->
                      earlier.value().get(CandidatePairs.first(p))
                          && earlier.value().get(CandidatePairs.second(p)))
              .count();
      long dropped =
          before.filter(c -> c.found() != null).map(RunState.Compared::pair).subtract(pairs).count();
      reusedFound = reused.filter(c -> c.found() != null).map(RunState.Compared::found);
      reuse =
          new Reuse(
              prev.header().articles(), n - prev.header().articles(), reusedPairs, recompared,
              dropped, changedArticles, prev.header().templates().list().size(),
              templates.list().size());
      persisted.add(joined);
      persisted.add(before);
      persisted.add(reused);
    }

    // 5. Align, where each pair's first article is.
    JavaPairRDD<Integer, Integer> wanted =
        fresh
            .mapToPair(
                pair -> {
                  int b = CandidatePairs.second(pair);
                  return new Tuple2<>(b, ranges.of(CandidatePairs.first(pair)));
                })
            .filter(t -> ranges.of(t._1()) != t._2())
            .distinct();
    JavaPairRDD<Integer, ToAlign> toSend =
        fresh
            .mapToPair(pair -> new Tuple2<>(ranges.of(CandidatePairs.first(pair)), new ToAlign(pair, null)))
            .union(fetch(texts, ranges, wanted).mapToPair(t -> new Tuple2<>(t._1(), new ToAlign(0, t._2()))));
    if (prev != null) {
      toSend =
          toSend
              .union(
                  reusedFound.mapToPair(
                      f -> new Tuple2<>(ranges.of(f.pair().a()), new ToAlign(0, null, f, null))))
              .union(
                  keptHere
                      .filter(t -> unchanged.value().get(t._1()))
                      .mapToPair(
                          t ->
                              new Tuple2<>(
                                  ranges.of(t._1()),
                                  new ToAlign(
                                      0, null, null,
                                      new Home(
                                          t._1(), t._2().entry(), t._2().quoted(),
                                          t._2().mask())))));
    }
    JavaPairRDD<Integer, ToAlign> sent = toSend.partitionBy(new Exact(ranges.numPartitions()));
    JavaRDD<Aligned> aligned =
        texts
            .zipPartitions(sent.values(), (home, in) -> align(detector, learned.value(), home, in))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Found> found = aligned.filter(x -> x.found() != null).map(Aligned::found);

    // 6. Clusters, from verified passages only.
    List<Tuple2<Long, List<Link>>> linked =
        found.mapToPair(f -> new Tuple2<>(CandidatePairs.encode(f.pair().a(), f.pair().b()), f.links()))
            .sortByKey()
            .collect();
    List<Link> links = new ArrayList<>();
    for (Tuple2<Long, List<Link>> t : linked) {
      links.addAll(t._2());
    }
    ClusterFinder.Result clustered =
        new ClusterFinder(DetectorOptions.CLUSTER_MIN_ARTICLES).find(links);
    Map<Long, int[]> clusterOfPassage = new HashMap<>();
    int l = 0;
    for (Tuple2<Long, List<Link>> t : linked) {
      int[] of = Arrays.copyOfRange(clustered.clusterOfLink(), l, l + t._2().size());
      l += t._2().size();
      if (Arrays.stream(of).anyMatch(c -> c >= 0)) {
        clusterOfPassage.put(t._1(), of);
      }
    }
    Broadcast<Map<Long, int[]>> passageClusters = jsc.broadcast(clusterOfPassage);
    List<Cluster> clusters = clustered.clusters();
    Broadcast<List<Cluster>> clusterList = jsc.broadcast(clusters);
    List<int[]> clusterArticles = new ArrayList<>();
    for (Cluster c : clusters) {
      clusterArticles.add(c.occurrences().stream().mapToInt(Cluster.Occurrence::article).toArray());
    }
    JavaRDD<Report.ClusterEntry> clusterEntries =
        entries(
            texts, ranges, clusterArticles, parts,
            (c, byNumber) -> {
              Map<Integer, PreparedArticle> prepared = new HashMap<>();
              java.util.function.IntFunction<PreparedArticle> preparedOf =
                  a -> prepared.computeIfAbsent(a, x -> detector.prepare(byNumber.get(x)));
              ScanResult.ClusterResult r =
                  Scanner.clusterResult(
                      detector, clusterList.value().get(c), a -> preparedOf.apply(a).tokens());
              return ReportMapper.cluster(
                  c, r, a -> ArticleInfo.of(preparedOf.apply(a)), a -> byNumber.get(a).text());
            });

    // 7. Quote families, grouped on the driver from every article's quotes, in number order.
    List<Rendering> renderings = new ArrayList<>();
    List<List<String>> people = new ArrayList<>();
    for (Tuple2<Integer, Quoted> t :
        aligned
            .filter(x -> x.article() != null)
            .mapToPair(x -> new Tuple2<>(x.number(), x.quoted()))
            .sortByKey()
            .collect()) {
      renderings.addAll(t._2().renderings());
      people.add(t._2().people());
    }
    List<QuoteFamily> families = detector.quoteFamilies(renderings, people);
    renderings = null;
    Broadcast<List<QuoteFamily>> familyList = jsc.broadcast(families);
    List<int[]> familyArticles = new ArrayList<>();
    for (QuoteFamily f : families) {
      familyArticles.add(
          f.members().stream().mapToInt(m -> m.rendering().article()).distinct().toArray());
    }
    JavaRDD<Report.QuoteFamilyEntry> familyEntries =
        entries(
            texts, ranges, familyArticles, parts,
            (f, byNumber) ->
                ReportMapper.quoteFamily(
                    f, familyList.value().get(f), a -> byNumber.get(a).id(),
                    a -> byNumber.get(a).text()));

    // 8. The report: pairs ranked, their passages' clusters named.
    JavaRDD<Report.PairEntry> ranked =
        found
            .mapToPair(f -> new Tuple2<>(f.pair(), f))
            .sortByKey(new Ranking(), true, Math.max(1, parts))
            .values()
            .map(f -> withClusters(f, passageClusters.value()));
    JavaRDD<Report.ArticleEntry> articles =
        aligned
            .filter(x -> x.article() != null)
            .map(x -> withClusters(x, passageClusters.value()));
    Summary summary =
        JobOutput.write(
            spark, o.output(), options, articles, ranked, clusterEntries, familyEntries, templates,
            problems, n, candidates, proposed.caps());

    // 9. The state a later run over more articles starts from.
    JavaRDD<RunState.Kept> keep =
        texts
            .zip(prints)
            .zipPartitions(
                aligned.filter(x -> x.article() != null),
                (tp, homes) -> {
                  List<RunState.Kept> out = new ArrayList<>();
                  while (tp.hasNext()) {
                    Tuple2<Numbered, Prints> t = tp.next();
                    Aligned h = homes.next();
                    if (h.number() != t._1().number()) {
                      throw new IllegalStateException(
                          "article " + t._1().number() + " beside entry " + h.number());
                    }
                    out.add(new RunState.Kept(t._2(), t._1().article(), h.mask(), h.article(), h.quoted()));
                  }
                  return out.iterator();
                });
    JavaRDD<RunState.Compared> compared =
        pairs
            .mapToPair(p -> new Tuple2<>(p, Boolean.TRUE))
            .leftOuterJoin(
                found.mapToPair(f -> new Tuple2<>(CandidatePairs.encode(f.pair().a(), f.pair().b()), f)))
            .map(t -> new RunState.Compared(t._1(), t._2()._2().orNull()));
    RunState.write(spark, o.output(), options, templates, problems, keep, compared);
    summary = summary.with(reuse, learnedFrom);
    if (prev != null) {
      keptHere.unpersist();
      fresh.unpersist();
      for (Object x : persisted) {
        if (x instanceof JavaRDD<?> r) {
          r.unpersist();
        } else {
          ((JavaPairRDD<?, ?>) x).unpersist();
        }
      }
      prev.unpersist();
    }
    texts.unpersist();
    prints.unpersist();
    pairs.unpersist();
    aligned.unpersist();
    sorted.unpersist();
    return summary;
  }

  /**
   * The candidate pairs, as scan's {@link CandidatePairs#find} gives them: a shuffle on
   * fingerprint key, template holdings dropped before it; each key's pairs by {@link
   * CandidatePairs#pairsOf}, and a key it caps (more than {@code maxBucket} holders) proposing its
   * {@link CandidatePairs#star} around the representative by id key; the votes for each pair
   * summed and kept by {@link CandidatePairs#proposes}; then each article that may repeat a
   * passage paired with itself. What the cap left out is counted as {@link CandidatePairs.Caps}.
   */
  static Candidates candidates(
      JavaRDD<Prints> prints, Broadcast<Templates> learned, long keyBits, int maxBucket,
      PairFilter filter) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(prints.context());
    int shards = Math.max(1, prints.getNumPartitions());
    boolean filtered = filter.active();
    JavaRDD<KeyShard> holders =
        prints
            .mapPartitionsToPair(
                it -> {
                  Templates.KeyMatcher template = learned.value().byKey(h -> h & keyBits);
                  KeyShard.Builder[] to = new KeyShard.Builder[shards];
                  while (it.hasNext()) {
                    Prints p = it.next();
                    long idKey = CandidatePairs.idKey(p.id());
                    for (long key : distinctKeys(p.hashes(), keyBits)) {
                      if (!template.isTemplate(p.sourceKey(), key)) {
                        int s = KeyShard.of(key, shards);
                        if (to[s] == null) {
                          to[s] = new KeyShard.Builder(filtered);
                        }
                        to[s].add(key, p.number(), idKey, p.sourceKey(), p.day());
                      }
                    }
                  }
                  List<Tuple2<Integer, KeyShard>> out = new ArrayList<>();
                  for (int s = 0; s < shards; s++) {
                    if (to[s] != null) {
                      out.add(new Tuple2<>(s, to[s].build()));
                    }
                  }
                  return out.iterator();
                })
            .partitionBy(new Exact(shards))
            .values()
            .mapPartitions(it -> List.of(KeyShard.merge(it, filtered)).iterator(), true)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaPairRDD<Long, Votes> votes =
        holders
            .flatMapToPair(
                h -> {
                  List<Tuple2<Long, Votes>> out = new ArrayList<>();
                  h.forEachKey(
                      keyBits,
                      (key, articles, size) -> {
                        int kept =
                            CandidatePairs.pairsOf(
                                key, articles, size, maxBucket, CandidatePairs.HolderFilter.NONE,
                                (a, b, count) -> {
                                  if (h.keeps(filter, a, b)) {
                                    out.add(
                                        new Tuple2<>(
                                            CandidatePairs.encode(a, b), new Votes(1, 0, count)));
                                  }
                                });
                        if (kept > maxBucket) {
                          LongArrayList star = new LongArrayList();
                          CandidatePairs.star(articles, kept, h::idKey, star);
                          for (int i = 0; i < star.size(); i++) {
                            long pair = star.get(i);
                            if (h.keeps(
                                filter, CandidatePairs.first(pair), CandidatePairs.second(pair))) {
                              out.add(
                                  new Tuple2<>(pair, new Votes(1, 1, CandidatePairs.STAR_HOLDERS)));
                            }
                          }
                        }
                      });
                  return out.iterator();
                })
            .reduceByKey(Votes::plus)
            .filter(t -> CandidatePairs.proposes(t._2().fingerprints(), t._2().rarestHolders()))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<CappedKey> cappedKeys =
        holders
            .flatMap(
                h -> {
                  List<CappedKey> out = new ArrayList<>();
                  h.forEachKey(
                      keyBits,
                      (key, articles, size) -> {
                        if (size > maxBucket) {
                          out.add(
                              new CappedKey(
                                  CandidatePairs.holderSet(articles, size),
                                  Arrays.copyOf(articles, size)));
                        }
                      });
                  return out.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    int capped = (int) cappedKeys.count();
    CandidatePairs.Caps caps = CandidatePairs.Caps.none(maxBucket);
    if (capped > 0) {
      long holderSetPairs =
          cappedKeys
              .mapToPair(k -> new Tuple2<>(k.holderSet(), (long) k.holders().length))
              .reduceByKey((x, y) -> x)
              .values()
              .fold(0L, (x, c) -> x + c * (c - 1) / 2);
      java.util.BitSet affected = new java.util.BitSet();
      cappedKeys
          .flatMap(k -> Arrays.stream(k.holders()).iterator())
          .distinct()
          .collect()
          .forEach(affected::set);
      Broadcast<java.util.BitSet> among = jsc.broadcast(affected);
      long amongAffected =
          votes
              .keys()
              .filter(
                  pair ->
                      among.value().get(CandidatePairs.first(pair))
                          && among.value().get(CandidatePairs.second(pair)))
              .count();
      long starPairs = votes.filter(t -> t._2().star() == t._2().fingerprints()).count();
      long a = affected.cardinality();
      caps =
          new CandidatePairs.Caps(
              maxBucket, capped, (int) a, (int) starPairs,
              CandidatePairs.pairsNotCompared(capped, holderSetPairs, a, amongAffected));
      among.destroy();
    }
    JavaRDD<Long> self =
        prints
            .filter(
                p ->
                    !filter.skipSameSource()
                        && Detector.mayRepeat(p.sourceKey(), p.repeated(), learned.value()))
            .map(p -> CandidatePairs.encode(p.number(), p.number()));
    JavaRDD<Long> pairs = votes.keys().union(self).persist(StorageLevel.MEMORY_AND_DISK_SER());
    long count = pairs.count();
    holders.unpersist();
    votes.unpersist();
    cappedKeys.unpersist();
    return new Candidates(pairs, count, caps);
  }

  /** What the prepare stage keeps of article {@code t}. */
  private static Prints prints(Detector detector, Numbered t) {
    PreparedArticle p = detector.prepare(t.article());
    return new Prints(
        t.number(), t.article().id(), t.article().source(), p.sourceKey(), p.tokens().size(),
        p.fingerprints().hashes(), p.fingerprints().positions(), p.repeatedFingerprints(),
        PairFilter.day(t.article().published()));
  }

  /** What {@link #withKept} makes of an article and what an earlier run kept of it (or null). */
  @FunctionalInterface
  interface KeptMapper<R> extends Serializable {
    R map(Numbered article, RunState.Kept kept);
  }

  /**
   * {@code map} of each article and what an earlier run kept of it ({@code kept}, partitioned
   * as the articles are), where the article is; a null result is left out.
   */
  private static <R> JavaRDD<R> withKept(
      JavaRDD<Numbered> texts, JavaPairRDD<Integer, RunState.Kept> kept, KeptMapper<R> map) {
    return texts.zipPartitions(
        kept.values(),
        (home, keptHere) -> {
          Map<Integer, RunState.Kept> by = new HashMap<>();
          while (keptHere.hasNext()) {
            RunState.Kept k = keptHere.next();
            by.put(k.prints().number(), k);
          }
          List<R> out = new ArrayList<>();
          while (home.hasNext()) {
            Numbered t = home.next();
            R r = map.map(t, by.get(t.number()));
            if (r != null) {
              out.add(r);
            }
          }
          return out.iterator();
        });
  }

  /**
   * Whether an article's template words may differ between templates {@code was} and {@code
   * now}: only when one of its fingerprints is template text in one of them (a run of template
   * words always holds a template fingerprint).
   */
  private static boolean maskMayDiffer(Prints p, Templates was, Templates now) {
    for (long h : p.hashes()) {
      if (was.isTemplate(p.sourceKey(), h) || now.isTemplate(p.sourceKey(), h)) {
        return true;
      }
    }
    return false;
  }

  /** Scan's ranking of pairs, most shared first, as a serializable comparator. */
  static final class Ranking implements Comparator<ArticlePair>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(ArticlePair x, ArticlePair y) {
      return Scanner.RANKING.compare(x, y);
    }
  }

  /** A pair's report entry with its passages' clusters named. */
  private static Report.PairEntry withClusters(Found f, Map<Long, int[]> clusters) {
    Report.PairEntry e = f.entry();
    int[] of = clusters.get(CandidatePairs.encode(f.pair().a(), f.pair().b()));
    if (of == null) {
      return e;
    }
    return new Report.PairEntry(
        e.a(), e.b(), e.containmentA(), e.containmentB(), e.jaccard(), e.longestPassageWords(),
        withClusters(e.passages(), of), e.direction());
  }

  /** An article's entry with the clusters of its internal repeats (its pair with itself) named. */
  private static Report.ArticleEntry withClusters(Aligned x, Map<Long, int[]> clusters) {
    Report.ArticleEntry e = x.article();
    int[] of = clusters.get(CandidatePairs.encode(x.number(), x.number()));
    if (of == null) {
      return e;
    }
    return new Report.ArticleEntry(
        e.id(), e.path(), e.chars(), e.words(), e.templateWords(), e.source(), e.title(),
        e.published(), e.repetitiveWords(), withClusters(e.internalRepeats(), of));
  }

  /** Passages with the clusters {@code of} names (by passage, -1 for none). */
  private static List<Report.PassageEntry> withClusters(List<Report.PassageEntry> in, int[] of) {
    List<Report.PassageEntry> passages = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      Report.PassageEntry x = in.get(i);
      passages.add(
          new Report.PassageEntry(
              x.a(), x.b(), x.similarity(), x.kind(), x.wordsA(), x.wordsB(),
              of[i] < 0 ? null : ReportMapper.clusterId(of[i]), x.diff(), x.kinds()));
    }
    return passages;
  }

  /**
   * Aligns the pairs of one partition: its own articles ({@code home}, in number order) and the
   * partners sent to it, each prepared and masked once; gives each home article's entry, then
   * the pairs found.
   */
  private static Iterator<Aligned> align(
      Detector detector, Templates templates, Iterator<Numbered> home, Iterator<ToAlign> in) {
    Map<Integer, Article> articles = new HashMap<>();
    List<Integer> own = new ArrayList<>();
    while (home.hasNext()) {
      Numbered x = home.next();
      articles.put(x.number(), x.article());
      own.add(x.number());
    }
    List<Long> pairs = new ArrayList<>();
    List<Found> reused = new ArrayList<>();
    Map<Integer, Home> homes = new HashMap<>();
    while (in.hasNext()) {
      ToAlign t = in.next();
      if (t.partner() != null) {
        articles.put(t.partner().number(), t.partner().article());
      } else if (t.reused() != null) {
        reused.add(t.reused());
      } else if (t.home() != null) {
        homes.put(t.home().number(), t.home());
      } else {
        pairs.add(t.pair());
      }
    }
    pairs.sort(null);
    Map<Integer, PreparedArticle> prepared = new HashMap<>();
    Map<Integer, int[]> masks = new HashMap<>();
    java.util.function.IntFunction<PreparedArticle> preparedOf =
        a ->
            prepared.computeIfAbsent(
                a,
                x -> {
                  PreparedArticle p = detector.prepare(articles.get(x));
                  masks.put(x, detector.mask(p, templates));
                  return p;
                });
    List<Aligned> found = new ArrayList<>();
    Map<Integer, List<Report.PassageEntry>> repeats = new HashMap<>();
    for (long pair : pairs) {
      int a = CandidatePairs.first(pair);
      int b = CandidatePairs.second(pair);
      PreparedArticle pa = preparedOf.apply(a);
      PreparedArticle pb = preparedOf.apply(b);
      ArticlePair shared = detector.comparePair(a, pa, masks.get(a), b, pb, masks.get(b));
      if (shared == null) {
        continue;
      }
      List<Link> links = new ArrayList<>();
      List<SharedPassage> slim = new ArrayList<>();
      for (SharedPassage s : shared.passages()) {
        var x = s.passage();
        links.add(
            new Link(a, x.aFromWord(), x.aToWord(), b, x.bFromWord(), x.bToWord(), x.similarity()));
        slim.add(new SharedPassage(x, s.similarity(), -1, List.of()));
      }
      Report.PairEntry entry =
          ReportMapper.pair(
              shared, ArticleInfo.of(pa), ArticleInfo.of(pb), pa.article().text(),
              pb.article().text());
      if (a == b) {
        repeats.put(a, entry.passages());
      }
      found.add(
          new Aligned(
              -1,
              null,
              null,
              new Found(
                  new ArticlePair(
                      a, b, slim, shared.containmentA(), shared.containmentB(), shared.jaccard()),
                  entry, links),
              null));
    }
    for (Found f : reused) {
      if (f.pair().a() == f.pair().b()) {
        repeats.put(f.pair().a(), f.entry().passages());
      }
      found.add(new Aligned(-1, null, null, f, null));
    }
    List<Aligned> out = new ArrayList<>();
    for (int a : own) {
      Home kept = homes.get(a);
      if (kept != null) {
        Report.ArticleEntry e = kept.entry();
        out.add(
            new Aligned(
                a,
                new Report.ArticleEntry(
                    e.id(), e.path(), e.chars(), e.words(), e.templateWords(), e.source(),
                    e.title(), e.published(), e.repetitiveWords(),
                    repeats.getOrDefault(a, List.of())),
                kept.quoted(),
                null,
                kept.mask()));
        continue;
      }
      PreparedArticle p = preparedOf.apply(a);
      ArticleInfo info = ArticleInfo.of(p);
      QuoteFinder.Found quotes = detector.quotesAndPeople(p);
      out.add(
          new Aligned(
              a,
              new Report.ArticleEntry(
                  info.id(), info.path(), info.chars(), info.words(),
                  Templates.maskedWords(masks.get(a)), info.source(), info.title(),
                  info.published(), info.repetitiveWords(), repeats.getOrDefault(a, List.of())),
              new Quoted(Rendering.of(a, p.article().text(), p.tokens(), quotes), quotes.people()),
              null,
              masks.get(a)));
    }
    out.addAll(found);
    return out.iterator();
  }

  /**
   * The report entries of items {@code 0..articles.size()} (clusters, quote families), in that
   * order, item {@code i} mapped by {@code map} where the texts of {@code articles.get(i)} are
   * fetched ({@link #fetch}): only those texts move.
   */
  static <E> JavaRDD<E> entries(
      JavaRDD<Numbered> texts, NumberRanges ranges, List<int[]> articles, int parts,
      EntryMapper<E> map) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(texts.context());
    List<Tuple2<Integer, Integer>> wanted = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      for (int a : articles.get(i)) {
        wanted.add(new Tuple2<>(a, i));
      }
    }
    return fetch(texts, ranges, jsc.parallelizePairs(wanted, Math.max(1, parts)).distinct())
        .groupByKey()
        .mapToPair(
            t -> {
              Map<Integer, Article> byNumber = new HashMap<>();
              for (Numbered x : t._2()) {
                byNumber.put(x.number(), x.article());
              }
              return new Tuple2<>(t._1(), map.entry(t._1(), byNumber));
            })
        .sortByKey()
        .values();
  }

  /**
   * The texts of the articles {@code wanted} names, each sent to the keys that want it: each
   * request goes to the partition where its article already is, which hands the text out once
   * per key. Only the wanted texts move.
   */
  static <K> JavaPairRDD<K, Numbered> fetch(
      JavaRDD<Numbered> texts, NumberRanges ranges, JavaPairRDD<Integer, K> wanted) {
    return texts
        .zipPartitions(
            wanted.partitionBy(ranges),
            (home, requests) -> {
              Map<Integer, List<K>> by = new HashMap<>();
              while (requests.hasNext()) {
                Tuple2<Integer, K> r = requests.next();
                by.computeIfAbsent(r._1(), x -> new ArrayList<>()).add(r._2());
              }
              List<Tuple2<K, Numbered>> out = new ArrayList<>();
              while (home.hasNext()) {
                Numbered x = home.next();
                for (K k : by.getOrDefault(x.number(), List.of())) {
                  out.add(new Tuple2<>(k, x));
                }
              }
              return out.iterator();
            })
        .mapToPair(t -> t);
  }

  /** Partitions by an int key that is the partition itself. */
  static final class Exact extends org.apache.spark.Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    Exact(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Exact e && e.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }

  /** The distinct keys of an article's fingerprints, sorted. */
  static long[] distinctKeys(long[] hashes, long keyBits) {
    long[] keys = new long[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      keys[i] = hashes[i] & keyBits;
    }
    Arrays.sort(keys);
    int d = 0;
    for (int i = 0; i < keys.length; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        keys[d++] = keys[i];
      }
    }
    return Arrays.copyOf(keys, d);
  }

  /**
   * The reads of a partition sorted by id, in runs of one id, each run in reading order: the
   * first is the article kept, the others are duplicates.
   */
  private static List<List<ArticleInput.Read>> sameIds(Iterator<ArticleInput.Read> it) {
    List<List<ArticleInput.Read>> out = new ArrayList<>();
    List<ArticleInput.Read> run = null;
    while (it.hasNext()) {
      ArticleInput.Read r = it.next();
      if (run == null || !run.get(0).article().id().equals(r.article().id())) {
        run = new ArrayList<>();
        out.add(run);
      }
      run.add(r);
    }
    for (List<ArticleInput.Read> same : out) {
      same.sort(
          Comparator.comparingInt(ArticleInput.Read::file).thenComparingLong(ArticleInput.Read::seq));
    }
    return out;
  }

  /** The problem of a duplicate id, as scan words it. */
  private static ArticleInput.Problem duplicate(ArticleInput.Read dup, ArticleInput.Read first) {
    String path = dup.article().path();
    int hash = path.lastIndexOf('#');
    String at = hash < 0 ? path : path.substring(0, hash) + ":" + path.substring(hash + 1);
    return new ArticleInput.Problem(
        at, "skipped",
        "duplicate article id \"" + dup.article().id() + "\" (first in " + first.article().path() + ")",
        dup.file(), dup.seq());
  }
}
