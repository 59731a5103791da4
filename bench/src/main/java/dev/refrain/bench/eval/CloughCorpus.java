package dev.refrain.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads the Clough &amp; Stevenson (2011) corpus of plagiarised short answers: the five source
 * articles {@code orig_task{a..e}.txt} and the 95 answers with their category from {@code
 * file_information.csv}.
 *
 * @param sources each task's source text, by task letter
 * @param answers the answers, sorted by file name
 */
public record CloughCorpus(Map<String, String> sources, List<Answer> answers) {

  /** The folder under the data folder that holds the corpus. */
  public static final String FOLDER = "clough-stevenson";

  /** How the answer was written, with its ordinal for the rank correlation. */
  public enum Category {
    NON(0),
    HEAVY(1),
    LIGHT(2),
    CUT(3);

    private final int ordinal;

    Category(int ordinal) {
      this.ordinal = ordinal;
    }

    /** 3 for cut, 2 light, 1 heavy, 0 non. */
    public int rank() {
      return ordinal;
    }

    /** Whether the answer reuses its source (cut, light or heavy). */
    public boolean reused() {
      return this != NON;
    }

    static Category parse(String s) {
      return Category.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One student answer.
   *
   * @param file the file name, e.g. {@code g0pA_taska.txt}
   * @param task the task letter, a to e
   */
  public record Answer(String file, String task, Category category, String text) {
    public Answer {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(text, "text");
    }
  }

  public CloughCorpus {
    sources = Map.copyOf(sources);
    answers = List.copyOf(answers);
    for (Answer a : answers) {
      if (!sources.containsKey(a.task())) {
        throw new IllegalArgumentException("no source for task " + a.task() + " of " + a.file());
      }
    }
  }

  /** Loads the corpus from {@code <data>/clough-stevenson}. */
  public static CloughCorpus load(Path data) throws MissingDataException {
    Path dir = data.resolve(FOLDER);
    Path texts = dir.resolve("corpus-20090418");
    Path labels = dir.resolve("file_information.csv");
    EvalFiles.require(
        "clough: put the Clough & Stevenson corpus (corpus-20090418/*.txt and"
            + " file_information.csv) in " + dir.toAbsolutePath().normalize(),
        texts,
        labels);
    Map<String, String> sources = new TreeMap<>();
    for (String task : List.of("a", "b", "c", "d", "e")) {
      Path p = texts.resolve("orig_task" + task + ".txt");
      EvalFiles.require("clough: source text missing", p);
      sources.put(task, EvalFiles.read(p));
    }
    List<Answer> answers = new ArrayList<>();
    String[] lines = EvalFiles.read(labels).split("\\R");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != 3) {
        throw new IllegalStateException(labels + " line " + (i + 1) + ": expected 3 fields");
      }
      if (f[2].trim().equals("orig")) {
        continue;
      }
      Path p = texts.resolve(f[0].trim());
      EvalFiles.require("clough: answer listed in file_information.csv is missing", p);
      answers.add(
          new Answer(f[0].trim(), f[1].trim(), Category.parse(f[2]), EvalFiles.read(p)));
    }
    answers.sort(Comparator.comparing(Answer::file));
    return new CloughCorpus(sources, answers);
  }
}
