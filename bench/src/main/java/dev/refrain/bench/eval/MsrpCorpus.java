package dev.refrain.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the Microsoft Research Paraphrase Corpus: tab-separated {@code Quality, #1 ID, #2 ID,
 * #1 String, #2 String}, split on tabs only (the sentences hold literal quotation marks), with or
 * without the header line.
 *
 * @param train the training pairs (4,076 in the official split)
 * @param test the test pairs (1,725)
 */
public record MsrpCorpus(List<Pair> train, List<Pair> test) {

  /** The folder under the data folder that holds the corpus. */
  public static final String FOLDER = "msrp";

  /**
   * One labelled sentence pair.
   *
   * @param paraphrase the human label: semantically equivalent
   */
  public record Pair(String id1, String id2, String a, String b, boolean paraphrase) {
    public Pair {
      Objects.requireNonNull(id1, "id1");
      Objects.requireNonNull(id2, "id2");
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
    }
  }

  public MsrpCorpus {
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  /** Loads {@code <data>/msrp/msr_paraphrase_{train,test}.txt}. */
  public static MsrpCorpus load(Path data) throws MissingDataException {
    Path dir = data.resolve(FOLDER);
    Path train = dir.resolve("msr_paraphrase_train.txt");
    Path test = dir.resolve("msr_paraphrase_test.txt");
    EvalFiles.require(
        "msrp: put msr_paraphrase_train.txt and msr_paraphrase_test.txt (the MSR Paraphrase"
            + " Corpus, tab-separated) in " + dir.toAbsolutePath().normalize(),
        train,
        test);
    return new MsrpCorpus(parse(EvalFiles.read(train), train), parse(EvalFiles.read(test), test));
  }

  /** Parses the tab-separated rows; a header row (Quality...) is skipped. */
  static List<Pair> parse(String text, Path file) {
    List<Pair> pairs = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || (i == 0 && line.startsWith("Quality"))) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5 || !(f[0].equals("0") || f[0].equals("1"))) {
        throw new IllegalStateException(file + " line " + (i + 1) + ": expected 5 tab-separated fields with quality 0 or 1");
      }
      pairs.add(new Pair(f[1], f[2], f[3], f[4], f[0].equals("1")));
    }
    return pairs;
  }
}
