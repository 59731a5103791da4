package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.kernel.DetectorOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End-to-end evaluations with modest floors: regression guards, not the targets (the full
 * figures come from {@code refrain-bench eval all}).
 */
class EvalEndToEndTest {

  static double figure(CorpusResult r, String metricPrefix) {
    return r.figures().stream()
        .filter(f -> f.metric().startsWith(metricPrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no figure " + metricPrefix + " in " + r.figures()))
        .value();
  }

  @Test
  void seedsFindEveryNearVerbatimPassagePrecisely() throws Exception {
    CorpusResult r = SeedsEval.run(Path.of("seeds"));
    assertTrue(r.available());
    assertEquals(1.0, figure(r, "recall, near-verbatim"), 1e-9, r.notes().toString());
    assertEquals(1.0, figure(r, "recall, boilerplate"), 1e-9, r.notes().toString());
    assertTrue(figure(r, "precision, found passages") >= 0.9, r.notes().toString());
    assertTrue(figure(r, "recall, reworded variants") >= 0.3, r.notes().toString());
  }

  @Test
  void smallSyntheticCorpusRecallsPlantedReuse() {
    SyntheticCorpus.Generated g =
        SyntheticCorpus.generate(SyntheticCorpus.Settings.of(16, 7), SentencePool.generated(1200, 7));
    CorpusResult r = SyntheticEval.evaluate(g, DetectorOptions.defaults());
    assertTrue(figure(r, "character recall, verbatim") >= 0.95, r.figures().toString());
    assertTrue(figure(r, "character recall, light") >= 0.85, r.figures().toString());
    assertTrue(figure(r, "character recall, reordered") >= 0.85, r.figures().toString());
    assertTrue(figure(r, "character recall, paraphrased") >= 0.4, r.figures().toString());
    assertTrue(figure(r, "character precision, passages not on footers") >= 0.9, r.figures().toString());
    assertEquals(0, figure(r, "footer passages reported as reuse"), r.figures().toString());
  }

  @Test
  void cloughFiguresStayAboveFloors() throws Exception {
    EvalData.assumePresent(CloughCorpus.FOLDER);
    CorpusResult r = CloughEval.run(EvalData.DATA);
    assertTrue(figure(r, "binary accuracy, threshold by 5-fold") >= 0.90, r.figures().toString());
    assertTrue(figure(r, "Spearman") >= 0.75, r.figures().toString());
    assertTrue(figure(r, "ROC AUC") >= 0.95, r.figures().toString());
  }

  @Test
  void panSubsetStaysAboveFloors() throws Exception {
    EvalData.assumePresent(Pan13Corpus.FOLDER);
    CorpusResult r =
        Pan13Eval.evaluate(Pan13Corpus.load(EvalData.DATA, 80), DetectorOptions.defaults().withThreads(1));
    assertTrue(
        figure(r, "plagdet, passages >= 256 chars, tolerance") >= 0.85, r.figures().toString());
    assertTrue(figure(r, "recall, all passages, tolerance") >= 0.85, r.figures().toString());
  }

  @Test
  void msrpSubsetBeatsTheMajorityClass() {
    EvalData.assumePresent(MsrpCorpus.FOLDER);
    MsrpCorpus full;
    try {
      full = MsrpCorpus.load(EvalData.DATA);
    } catch (MissingDataException e) {
      throw new AssertionError(e);
    }
    MsrpCorpus subset = new MsrpCorpus(full.train().subList(0, 1500), full.test().subList(0, 600));
    CorpusResult r = MsrpEval.evaluate(subset);
    assertTrue(figure(r, "accuracy (test)") >= 0.70, r.figures().toString());
    assertTrue(figure(r, "F1 of paraphrase class") >= 0.78, r.figures().toString());
  }

  @Test
  void missingCorporaAreReportedNotThrown() {
    Evaluator e = new Evaluator(Path.of("target/no-such-data"), Path.of("target/no-such-seeds"));
    for (String corpus : List.of("clough", "msrp", "pan13", "seeds")) {
      CorpusResult r = e.run(corpus);
      assertFalse(r.available(), corpus);
      assertTrue(r.message().contains("put"), r.message());
    }
    SyntheticCorpus.Generated g =
        SyntheticEval.generate(Path.of("target/no-such-data"), SyntheticCorpus.Settings.of(4, 1));
    assertTrue(g.sentenceSource().startsWith("generated"), "synthetic falls back to generated sentences");
  }
}
