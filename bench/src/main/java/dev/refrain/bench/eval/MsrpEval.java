package dev.refrain.bench.eval;

import dev.refrain.calibrate.Metrics;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.document.Article;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates refrain's lexical similarity on the MSR Paraphrase Corpus: a logistic regression
 * over {@link LexicalFeatures}, its penalty chosen by 10-fold cross-validation on the training
 * split, its weights fitted on the training split and its threshold chosen there (maximum
 * training accuracy); the test split is scored once.
 */
public final class MsrpEval {

  /** The corpus name on the command line. */
  public static final String NAME = "msrp";

  static final String TITLE = "Microsoft Research Paraphrase Corpus (test split)";

  /** Penalties tried by cross-validation on the training split. */
  static final double[] LAMBDAS = {0, 0.001, 0.01};

  static final long FOLD_SEED = 2004L;

  private MsrpEval() {}

  /** Loads the corpus from {@code data} and evaluates it. */
  public static CorpusResult run(Path data) throws MissingDataException {
    return evaluate(MsrpCorpus.load(data));
  }

  /** Trains on the corpus's training split and scores its test split. */
  public static CorpusResult evaluate(MsrpCorpus corpus) {
    LexicalFeatures lf = new LexicalFeatures();
    double[][] trainX = features(lf, corpus.train());
    boolean[] trainY = labels(corpus.train());
    double[][] testX = features(lf, corpus.test());
    boolean[] testY = labels(corpus.test());

    double lambda = chooseLambda(trainX, trainY);
    LogisticRegression model = LogisticRegression.fit(trainX, trainY, lambda);
    double[] trainP = probabilities(model, trainX);
    double threshold = EvalMetrics.bestThreshold(trainP, trainY, EvalMetrics.Objective.ACCURACY);
    Metrics.Confusion test = Metrics.confusion(probabilities(model, testX), testY, threshold);

    // Diagnostics: single scores with a threshold learned on train.
    int unigram = LexicalFeatures.NAMES.indexOf("unigram overlap (min)");
    Metrics.Confusion unigramOnly = singleFeature(trainX, trainY, testX, testY, unigram);
    Scanner defaults = new Scanner(DetectorOptions.defaults().withThreads(1));
    double[] trainDefault = defaultContainment(defaults, corpus.train());
    double[] testDefault = defaultContainment(defaults, corpus.test());
    double tDefault = EvalMetrics.bestThreshold(trainDefault, trainY, EvalMetrics.Objective.ACCURACY);
    Metrics.Confusion defaultOnly = Metrics.confusion(testDefault, testY, tDefault);
    int aligned = LexicalFeatures.NAMES.indexOf("aligned passage coverage (min)");
    Metrics.Confusion alignedOnly = singleFeature(trainX, trainY, testX, testY, aligned);
    Metrics.Confusion majority = Metrics.confusion(new double[testY.length], testY, 0);

    String accAnchors = "majority 0.665, Qiu et al. 2006 0.720, Wan et al. 2006 0.756";
    String f1Anchors = "majority 0.799, Qiu et al. 2006 0.816, Wan et al. 2006 0.830";
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("accuracy (test)", test.accuracy(), 3, Figure.Target.atLeast(0.76), accAnchors));
    figures.add(new Figure("F1 of paraphrase class (test)", test.f1(), 3, Figure.Target.atLeast(0.83), f1Anchors));
    figures.add(Figure.of("precision (test)", test.precision(), 3));
    figures.add(Figure.of("recall (test)", test.recall(), 3));
    figures.add(Figure.of("majority class, measured: accuracy", majority.accuracy(), 3));
    figures.add(Figure.of("majority class, measured: F1", majority.f1(), 3));
    figures.add(Figure.of("unigram overlap alone: accuracy", unigramOnly.accuracy(), 3));
    figures.add(Figure.of("unigram overlap alone: F1", unigramOnly.f1(), 3));
    figures.add(Figure.of("aligner, sentence settings, alone: accuracy", alignedOnly.accuracy(), 3));
    figures.add(Figure.of("aligner, sentence settings, alone: F1", alignedOnly.f1(), 3));
    figures.add(Figure.of("aligner, default scan options, alone: accuracy", defaultOnly.accuracy(), 3));
    figures.add(Figure.of("aligner, default scan options, alone: F1", defaultOnly.f1(), 3));
    long zero = 0;
    for (double v : testDefault) {
      if (v == 0) {
        zero++;
      }
    }
    figures.add(
        Figure.of("test pairs with no passage under default options (share)", (double) zero / testDefault.length, 3));

    List<String> method = new ArrayList<>();
    method.add(
        "score: L2 logistic regression over " + LexicalFeatures.NAMES.size()
            + " lexical features of refrain's normalized words (" + String.join(", ", LexicalFeatures.NAMES)
            + "); passage coverage from refrain's aligner with shingle "
            + LexicalFeatures.SENTENCE_OPTIONS.shingleSize() + ", min words "
            + LexicalFeatures.SENTENCE_OPTIONS.minWords() + ", max gap "
            + LexicalFeatures.SENTENCE_OPTIONS.maxGap()
            + "; word LCS from refrain's VariantDiffer; Snowball English stems and Lucene English"
            + " stop words; no thesaurus, parser or embeddings");
    method.add(
        String.format(
            Locale.ROOT,
            "learned on the %d training pairs only: penalty %s chosen by seeded 10-fold CV"
                + " accuracy from %s, weights fitted on all training pairs, threshold %.4f on the"
                + " modelled probability maximising training accuracy; the %d test pairs scored once",
            trainY.length,
            lambda,
            Arrays.toString(LAMBDAS),
            threshold,
            testY.length));
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "test confusion: %d true positives, %d false positives, %d true negatives, %d false"
                + " negatives",
            test.tp(), test.fp(), test.tn(), test.fn()));
    notes.add(
        "MSRP negatives are mostly high-overlap sentence pairs that differ in a claim; a lexical"
            + " score cannot see meaning, so errors concentrate there");
    return CorpusResult.of(NAME, TITLE, method, figures, notes);
  }

  /** The penalty with the best 10-fold cross-validated training accuracy (lowest on ties). */
  static double chooseLambda(double[][] x, boolean[] y) {
    List<int[]> folds = EvalMetrics.stratifiedFolds(y, 10, FOLD_SEED);
    double best = LAMBDAS[0];
    double bestAccuracy = -1;
    for (double lambda : LAMBDAS) {
      boolean[] predicted = new boolean[y.length];
      for (int[] fold : folds) {
        boolean[] held = new boolean[y.length];
        for (int i : fold) {
          held[i] = true;
        }
        List<double[]> tx = new ArrayList<>();
        List<Boolean> ty = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
          if (!held[i]) {
            tx.add(x[i]);
            ty.add(y[i]);
          }
        }
        double[][] fx = tx.toArray(new double[0][]);
        boolean[] fy = new boolean[ty.size()];
        for (int i = 0; i < fy.length; i++) {
          fy[i] = ty.get(i);
        }
        LogisticRegression m = LogisticRegression.fit(fx, fy, lambda);
        double t = EvalMetrics.bestThreshold(probabilities(m, fx), fy, EvalMetrics.Objective.ACCURACY);
        for (int i : fold) {
          predicted[i] = m.probability(x[i]) >= t;
        }
      }
      double accuracy = EvalMetrics.confusion(predicted, y).accuracy();
      if (accuracy > bestAccuracy + 1e-12) {
        bestAccuracy = accuracy;
        best = lambda;
      }
    }
    return best;
  }

  private static Metrics.Confusion singleFeature(
      double[][] trainX, boolean[] trainY, double[][] testX, boolean[] testY, int feature) {
    double[] tr = column(trainX, feature);
    double t = EvalMetrics.bestThreshold(tr, trainY, EvalMetrics.Objective.ACCURACY);
    return Metrics.confusion(column(testX, feature), testY, t);
  }

  private static double[] column(double[][] x, int j) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i][j];
    }
    return out;
  }

  private static double[] defaultContainment(Scanner scanner, List<MsrpCorpus.Pair> pairs) {
    double[] out = new double[pairs.size()];
    for (int i = 0; i < out.length; i++) {
      MsrpCorpus.Pair p = pairs.get(i);
      ArticlePair r = scanner.compare(Article.of("a", p.a()), Article.of("b", p.b()));
      out[i] = Math.min(r.containmentA(), r.containmentB());
    }
    return out;
  }

  private static double[][] features(LexicalFeatures lf, List<MsrpCorpus.Pair> pairs) {
    double[][] out = new double[pairs.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = lf.features(pairs.get(i).a(), pairs.get(i).b());
    }
    return out;
  }

  private static boolean[] labels(List<MsrpCorpus.Pair> pairs) {
    boolean[] out = new boolean[pairs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = pairs.get(i).paraphrase();
    }
    return out;
  }

  private static double[] probabilities(LogisticRegression m, double[][] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = m.probability(x[i]);
    }
    return out;
  }
}
