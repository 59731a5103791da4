package dev.refrain.bench.eval;

import dev.refrain.normalize.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supplies the sentences synthetic articles are built from: real news sentences from the
 * Reuters-21578 collection, or, without it, sentences of pseudo-words from a seeded generator.
 *
 * <p>No two sentences of a pool share a run of {@value #UNIQUE_RUN} normalized words, so any
 * passage two synthetic articles share was planted by the generator.
 *
 * @param name where the sentences came from, for reports
 * @param sentences the sentences, in a fixed order
 */
public record SentencePool(String name, List<String> sentences) {

  /** Sentences of a pool share no run of this many words. */
  public static final int UNIQUE_RUN = 5;

  /** The folder under the data folder that holds Reuters-21578. */
  public static final String REUTERS_FOLDER = "reuters21578";

  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp|quot);");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[a-z0-9)][.!?])\\s+(?=[A-Z\"])");

  public SentencePool {
    Objects.requireNonNull(name, "name");
    sentences = List.copyOf(sentences);
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException("a sentence pool needs sentences");
    }
  }

  /** Whether {@code <data>/reuters21578} holds the SGML files. */
  public static boolean reutersPresent(Path data) {
    return Files.isRegularFile(data.resolve(REUTERS_FOLDER).resolve("reut2-000.sgm"));
  }

  /**
   * Up to {@code count} sentences from the Reuters-21578 story bodies, read in file order: 10 to
   * 40 words, starting with a capital letter and ending with a full stop, mostly letters (no
   * tables of figures), none sharing a {@value #UNIQUE_RUN}-word run with an earlier one.
   */
  public static SentencePool reuters(Path data, int count) {
    Path dir = data.resolve(REUTERS_FOLDER);
    TextNormalizer normalizer = new TextNormalizer();
    Set<String> runs = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int f = 0; f <= 21 && out.size() < count; f++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "reut2-%03d.sgm", f));
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String sgml;
      try {
        sgml = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      Matcher m = BODY.matcher(sgml);
      while (m.find() && out.size() < count) {
        String body = unescape(m.group(1)).replaceAll("\\s+", " ").trim();
        body = body.replaceAll("\\s*(Reuter|REUTER)\\s*$", "");
        for (String s : SENTENCE_END.split(body)) {
          if (out.size() < count && usable(s) && unique(normalizer.words(s), runs)) {
            out.add(s);
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no usable sentences in " + dir);
    }
    return new SentencePool("Reuters-21578 sentences", out);
  }

  /**
   * {@code count} sentences of 10 to 30 pseudo-words (syllable strings from a seeded generator,
   * mixed with common English function words), some with a quoted clause.
   */
  public static SentencePool generated(int count, long seed) {
    Random random = new Random(seed);
    String[] onsets = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m",
        "n", "p", "pl", "r", "s", "st", "t", "tr", "v", "w", "z"};
    String[] vowels = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    String[] codas = {"", "", "n", "r", "s", "t", "l", "m", "nd", "st"};
    List<String> words = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (words.size() < 4000) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        w.append(onsets[random.nextInt(onsets.length)])
            .append(vowels[random.nextInt(vowels.length)])
            .append(codas[random.nextInt(codas.length)]);
      }
      if (w.length() >= 3 && seen.add(w.toString())) {
        words.add(w.toString());
      }
    }
    String[] function = {"the", "of", "and", "to", "in", "a", "on", "for", "with", "said", "by",
        "at", "from", "that", "its"};
    TextNormalizer normalizer = new TextNormalizer();
    Set<String> runs = new HashSet<>();
    List<String> out = new ArrayList<>();
    while (out.size() < count) {
      int n = 10 + random.nextInt(21);
      StringBuilder s = new StringBuilder();
      int quoteFrom = random.nextInt(4) == 0 ? 2 + random.nextInt(n / 2) : -1;
      for (int i = 0; i < n; i++) {
        String w =
            random.nextInt(10) < 3
                ? function[random.nextInt(function.length)]
                : words.get(random.nextInt(words.size()));
        if (i == 0) {
          w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        if (i > 0) {
          s.append(i == quoteFrom ? ", \"" : " ");
        }
        s.append(w);
      }
      s.append(quoteFrom > 0 ? ".\"" : ".");
      if (unique(normalizer.words(s.toString()), runs)) {
        out.add(s.toString());
      }
    }
    return new SentencePool("generated pseudo-word sentences", out);
  }

  private static boolean usable(String s) {
    if (s.length() < 40 || !Character.isUpperCase(s.charAt(0)) || !s.endsWith(".")) {
      return false;
    }
    String[] words = s.split(" ");
    if (words.length < 10 || words.length > 40) {
      return false;
    }
    int letters = 0;
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      } else if (c != ' ') {
        other++;
      }
    }
    return letters >= 5 * other && !s.contains(" vs ") && s.chars().allMatch(c -> c < 128);
  }

  /** True, and the sentence's runs remembered, when it shares no run with earlier sentences. */
  private static boolean unique(List<String> t, Set<String> runs) {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i + UNIQUE_RUN <= t.size(); i++) {
      StringBuilder key = new StringBuilder();
      for (int j = i; j < i + UNIQUE_RUN; j++) {
        key.append(t.get(j)).append(' ');
      }
      String k = key.toString();
      if (runs.contains(k)) {
        return false;
      }
      mine.add(k);
    }
    if (t.size() < UNIQUE_RUN) {
      return false;
    }
    runs.addAll(mine);
    return true;
  }

  private static String unescape(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> {
              int code = Integer.parseInt(e.substring(1));
              yield code < 32 ? " " : String.valueOf((char) code);
            }
          };
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    }
    m.appendTail(out);
    return out.toString();
  }
}
