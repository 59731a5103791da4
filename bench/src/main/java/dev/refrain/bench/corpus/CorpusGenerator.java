package dev.refrain.bench.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Writes a seeded synthetic news corpus, streaming: article shards {@code articles/part-NNNNN.jsonl}
 * (each under 48 MiB, since refrain skips input files over 64 MiB), the ground truth {@code
 * truth.jsonl}, and {@code corpus.json} last (its presence marks a complete corpus).
 *
 * <p>The model (also in bench/README.md and docs/benchmarks.md):
 *
 * <ul>
 *   <li>Text: a Zipf vocabulary of synthetic words (see {@link Vocabulary}); sentences of 8 to 35
 *       words with commas, a few numbers and names, some quoted statements ({@code "...," said
 *       First Last.}); paragraphs of 1 to 5 sentences. Article lengths 300 to 1,200 words,
 *       triangular with mode 1,050 (mean 850).
 *   <li>Outlets: {@code sources} outlets, each with a footer (20 to 60 words) at the tail of all
 *       its articles, varying in the year or an "Updated" date, and for about 40% a header line
 *       at the head. Footers and headers are template text: never a true pair.
 *   <li>Reuse: a share {@code reuseShare} of the ordinary articles copy 1 to 3 passages of whole
 *       sentences (20 to 150 words) of earlier articles' own text (any outlet), each edited at a
 *       rate drawn from 0 to 15% per word (substitutions, insertions, deletions), and placed at a
 *       random sentence boundary. Passages are drawn from a reservoir of donor passages; a donor
 *       passage is used once (70%), twice (20%) or three times (10%), and two articles copying the
 *       same passage are a true pair too ({@code co-reuse}).
 *   <li>Wire stories: a share {@code wireShare} of articles are reprinted whole or nearly whole (the
 *       last paragraphs dropped half the time, edits at up to 5% half the time) by 2 to 6 other
 *       outlets within the next 300 articles: the copy at the top, then sometimes a paragraph of
 *       their own, then their own footer. Each reprint is a true pair with the original ({@code
 *       reprint}) and with every other reprint of it ({@code co-reprint}).
 * </ul>
 */
public final class CorpusGenerator {
  /** Bumped whenever the same settings would give other text: cached corpora are remade. */
  public static final int VERSION = 1;

  static final int MIN_WORDS = 300;
  static final int MAX_WORDS = 1200;
  private static final int MODE_WORDS = 1050;
  private static final int POOL = 4096;
  private static final long SHARD_BYTES = 48L << 20;
  private static final int SHARD_ARTICLES = 10_000;

  /** The generator's settings. */
  public record Settings(
      int articles, long seed, int sources, double reuseShare, double wireShare, int vocabulary, double zipf) {
    public static Settings defaults(int articles, long seed) {
      return new Settings(articles, seed, defaultSources(articles), 0.20, 0.01, 50_000, 1.0);
    }

    public Settings withSources(int s) {
      return new Settings(articles, seed, s, reuseShare, wireShare, vocabulary, zipf);
    }

    public Settings withReuseShare(double r) {
      return new Settings(articles, seed, sources, r, wireShare, vocabulary, zipf);
    }

    public Settings withWireShare(double w) {
      return new Settings(articles, seed, sources, reuseShare, w, vocabulary, zipf);
    }
  }

  /** About one outlet per 500 articles, at least 4. */
  public static int defaultSources(int articles) {
    return Math.max(4, (int) Math.round(articles / 500.0));
  }

  /** What was written. */
  public record Summary(
      int articles,
      long bytes,
      long words,
      int shards,
      long truthSpans,
      int truthPairs,
      int reuseArticles,
      int wireStories,
      int reprints,
      double seconds) {}

  private final Settings settings;
  private final Vocabulary vocabulary;
  private final Outlet[] outlets;
  private final int idWidth;

  public CorpusGenerator(Settings settings) {
    if (settings.articles() < 1) {
      throw new IllegalArgumentException("--articles must be at least 1");
    }
    if (settings.sources() < 2) {
      throw new IllegalArgumentException("--sources must be at least 2");
    }
    this.settings = settings;
    this.vocabulary = new Vocabulary(settings.seed(), settings.vocabulary(), settings.zipf(), 4000);
    Rng rng = Rng.of(settings.seed(), 0x6f75746cL);
    this.outlets = new Outlet[settings.sources()];
    for (int i = 0; i < outlets.length; i++) {
      outlets[i] = new Outlet(rng, vocabulary, i);
    }
    this.idWidth = Math.max(6, Integer.toString(Math.max(0, settings.articles() - 1)).length());
  }

  /** The id of article {@code i}: zero-padded, so ids sort as their numbers do. */
  public String id(int i) {
    return "g" + String.format(Locale.ROOT, "%0" + idWidth + "d", i);
  }

  // ---------------------------------------------------------------------------------------------
  // State while writing

  private static final class Donor {
    final int article;
    final int start;
    final int end;
    final String text;
    int usesLeft;
    final List<int[]> uses = new ArrayList<>(2); // {article, start, end}

    Donor(int article, int start, int end, String text, int usesLeft) {
      this.article = article;
      this.start = start;
      this.end = end;
      this.text = text;
      this.usesLeft = usesLeft;
    }
  }

  private static final class WireStory {
    final int article;
    final int outlet;
    final List<String> paragraphs;
    final int[] paragraphStart; // in the original's text
    final int[] paragraphEnd;
    final List<int[]> reprints = new ArrayList<>(); // {article, start, end}
    final boolean[] outletUsed;

    WireStory(int article, int outlet, List<String> paragraphs, int[] ps, int[] pe, int outlets) {
      this.article = article;
      this.outlet = outlet;
      this.paragraphs = paragraphs;
      this.paragraphStart = ps;
      this.paragraphEnd = pe;
      this.outletUsed = new boolean[outlets];
      this.outletUsed[outlet] = true;
    }
  }

  private record Due(int at, long order, WireStory story) {}

  private final Donor[] pool = new Donor[POOL];
  private int poolSize;
  private long donorsSeen;
  private final PriorityQueue<Due> schedule =
      new PriorityQueue<>((x, y) -> x.at != y.at ? Integer.compare(x.at, y.at) : Long.compare(x.order, y.order));
  private long scheduled;
  private Writer truth;
  private long truthSpans;
  private long[] truthKeys = new long[1024];
  private int truthCount;
  private int reuseArticles;
  private int wireStories;
  private int reprints;

  /** Writes the corpus into {@code dir} (created; existing corpus files are replaced). */
  public Summary write(Path dir) throws IOException {
    long t0 = System.nanoTime();
    Path articlesDir = dir.resolve("articles");
    Files.createDirectories(articlesDir);
    Files.deleteIfExists(dir.resolve("corpus.json"));
    try (var old = Files.list(articlesDir)) {
      for (Path p : (Iterable<Path>) old::iterator) {
        Files.delete(p);
      }
    }
    long bytes = 0;
    long words = 0;
    int shards = 0;
    Writer out = null;
    long shardBytes = 0;
    int shardArticles = 0;
    StringBuilder json = new StringBuilder(16 * 1024);
    try (Writer t = new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(dir.resolve("truth.jsonl")), StandardCharsets.UTF_8), 1 << 16)) {
      truth = t;
      for (int i = 0; i < settings.articles(); i++) {
        Built a = article(i);
        json.setLength(0);
        json.append("{\"id\":\"").append(id(i)).append("\",\"source\":");
        Json.string(json, outlets[a.outlet].name);
        json.append(",\"title\":");
        Json.string(json, a.title);
        json.append(",\"published\":\"").append(a.published).append("\",\"text\":");
        Json.string(json, a.text);
        json.append("}\n");
        if (out == null || shardBytes >= SHARD_BYTES || shardArticles >= SHARD_ARTICLES) {
          if (out != null) {
            out.close();
          }
          Path shard = articlesDir.resolve(String.format(Locale.ROOT, "part-%05d.jsonl", shards++));
          out = new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(shard), StandardCharsets.UTF_8), 1 << 17);
          shardBytes = 0;
          shardArticles = 0;
        }
        out.append(json);
        shardBytes += json.length(); // ASCII: chars are bytes
        shardArticles++;
        bytes += json.length();
        words += a.words;
      }
    } finally {
      if (out != null) {
        out.close();
      }
      truth = null;
    }
    long[] keys = Arrays.copyOf(truthKeys, truthCount);
    Arrays.sort(keys);
    int distinct = 0;
    for (int i = 0; i < keys.length; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        distinct++;
      }
    }
    Summary s = new Summary(
        settings.articles(), bytes, words, shards, truthSpans, distinct, reuseArticles, wireStories,
        reprints, (System.nanoTime() - t0) / 1e9);
    CorpusInfo.write(dir.resolve("corpus.json"), settings, s);
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // One article

  private static final class Built {
    int outlet;
    String title;
    String published;
    String text;
    int words;
  }

  /** The text being assembled, with each own sentence's place for donor passages. */
  private static final class Draft {
    final StringBuilder sb = new StringBuilder(8 * 1024);
    int words;
    // own sentences: char start, char end, words, segment (incremented at each insert)
    int[] sStart = new int[128];
    int[] sEnd = new int[128];
    int[] sWords = new int[128];
    int[] sSegment = new int[128];
    int sentences;
    int segment;

    void own(int start, int end, int w) {
      if (sentences == sStart.length) {
        sStart = Arrays.copyOf(sStart, sentences * 2);
        sEnd = Arrays.copyOf(sEnd, sentences * 2);
        sWords = Arrays.copyOf(sWords, sentences * 2);
        sSegment = Arrays.copyOf(sSegment, sentences * 2);
      }
      sStart[sentences] = start;
      sEnd[sentences] = end;
      sWords[sentences] = w;
      sSegment[sentences] = segment;
      sentences++;
    }
  }

  private Built article(int i) throws IOException {
    Rng r = Rng.of(settings.seed(), i + 1L);
    Built b = new Built();
    LocalDate date = LocalDate.of(2024, 1, 1).plusDays((long) i * 730 / Math.max(1, settings.articles()));
    b.published = String.format(Locale.ROOT, "%sT%02d:%02d:00Z", date, r.nextInt(24), r.nextInt(60));
    b.title = title(r);
    Due due = schedule.peek();
    if (due != null && due.at <= i) {
      schedule.poll();
      int outlet = reprintOutlet(r, due.story);
      if (outlet >= 0) {
        reprint(i, r, b, date, outlet, due.story);
        return b;
      }
    }
    b.outlet = r.nextInt(outlets.length);
    boolean wire = outlets.length >= 3 && r.chance(settings.wireShare());
    boolean reuse = !wire && poolSize > 0 && r.chance(settings.reuseShare());
    ordinary(i, r, b, date, wire, reuse);
    return b;
  }

  private int reprintOutlet(Rng r, WireStory story) {
    int free = 0;
    for (boolean u : story.outletUsed) {
      if (!u) {
        free++;
      }
    }
    if (free == 0) {
      return -1;
    }
    int k = r.nextInt(free);
    for (int o = 0; o < story.outletUsed.length; o++) {
      if (!story.outletUsed[o] && k-- == 0) {
        story.outletUsed[o] = true;
        return o;
      }
    }
    return -1;
  }

  private static int triangular(Rng r, int lo, int mode, int hi) {
    double u = r.nextDouble();
    double f = (double) (mode - lo) / (hi - lo);
    double x = u < f
        ? lo + Math.sqrt(u * (hi - lo) * (mode - lo))
        : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
    return (int) Math.round(x);
  }

  private void ordinary(int i, Rng r, Built b, LocalDate date, boolean wire, boolean reuse) throws IOException {
    Outlet outlet = outlets[b.outlet];
    int target = triangular(r, MIN_WORDS, MODE_WORDS, MAX_WORDS);
    String header = outlet.header(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    String footer = outlet.footer(r, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    int fixed = Tokens.countWords(footer) + (header == null ? 0 : Tokens.countWords(header));

    // Passages to copy, edited.
    List<Donor> donors = new ArrayList<>(3);
    List<String> copies = new ArrayList<>(3);
    List<Double> rates = new ArrayList<>(3);
    int inserted = 0;
    if (reuse) {
      int k = 1 + r.nextInt(3);
      for (int t = 0; t < k * 3 && donors.size() < k; t++) {
        Donor d = pool[r.nextInt(poolSize)];
        if (donors.contains(d)) {
          continue;
        }
        double rate = r.nextDouble() * 0.15;
        String copy = edit(r, d.text, rate);
        int w = Tokens.countWords(copy);
        if (target - fixed - inserted - w < 150) {
          continue;
        }
        donors.add(d);
        copies.add(copy);
        rates.add(rate);
        inserted += w;
      }
    }
    int ownWords = target - fixed - inserted;

    Draft d = new Draft();
    if (header != null) {
      d.sb.append(header).append("\n\n");
    }
    int[] sentenceLengths = sentenceLengths(r, ownWords);
    int n = sentenceLengths.length;
    // Insert points: before own sentence p (1..n-1), each inline or as its own paragraph.
    int[] at = new int[copies.size()];
    for (int c = 0; c < at.length; c++) {
      at[c] = n <= 1 ? n : 1 + r.nextInt(n - 1);
    }
    Arrays.sort(at);
    int[] insertStart = new int[copies.size()];
    int[] insertEnd = new int[copies.size()];
    int next = 0;
    int inParagraph = 0;
    int paragraphLength = paragraphLength(r);
    List<String> paragraphs = wire ? new ArrayList<>() : null;
    List<Integer> pStarts = wire ? new ArrayList<>() : null;
    List<Integer> pEnds = wire ? new ArrayList<>() : null;
    int paragraphStart = d.sb.length();
    for (int s = 0; s < n; s++) {
      while (next < at.length && at[next] == s) {
        boolean ownParagraph = r.chance(0.5);
        if (ownParagraph && inParagraph > 0) {
          d.sb.append("\n\n");
          inParagraph = 0;
          paragraphLength = paragraphLength(r);
        } else if (inParagraph > 0) {
          d.sb.append(' ');
        }
        insertStart[next] = d.sb.length();
        d.sb.append(copies.get(next));
        insertEnd[next] = d.sb.length();
        d.segment++;
        if (ownParagraph) {
          d.sb.append("\n\n");
          inParagraph = 0;
          paragraphLength = paragraphLength(r);
        } else {
          inParagraph++;
        }
        next++;
      }
      if (inParagraph >= paragraphLength) {
        if (wire) {
          paragraphs.add(d.sb.substring(paragraphStart, d.sb.length()));
          pStarts.add(paragraphStart);
          pEnds.add(d.sb.length());
        }
        d.sb.append("\n\n");
        inParagraph = 0;
        paragraphLength = paragraphLength(r);
      } else if (inParagraph > 0) {
        d.sb.append(' ');
      }
      if (inParagraph == 0) {
        paragraphStart = d.sb.length();
      }
      int start = d.sb.length();
      sentence(r, d.sb, sentenceLengths[s]);
      d.own(start, d.sb.length(), sentenceLengths[s]);
      inParagraph++;
    }
    while (next < at.length) { // only when n <= 1
      d.sb.append(' ');
      insertStart[next] = d.sb.length();
      d.sb.append(copies.get(next));
      insertEnd[next] = d.sb.length();
      next++;
    }
    if (wire) {
      paragraphs.add(d.sb.substring(paragraphStart, d.sb.length()));
      pStarts.add(paragraphStart);
      pEnds.add(d.sb.length());
    }
    d.sb.append("\n\n").append(footer);
    b.text = d.sb.toString();
    b.words = Tokens.countWords(b.text);
    checkLength(i, b.words);

    // Truth for the copies.
    for (int c = 0; c < donors.size(); c++) {
      Donor dn = donors.get(c);
      truth(dn.article, i, "reuse", dn.start, dn.end, insertStart[c], insertEnd[c], rates.get(c));
      for (int[] u : dn.uses) {
        truth(u[0], i, "co-reuse", u[1], u[2], insertStart[c], insertEnd[c], rates.get(c));
      }
      dn.uses.add(new int[] {i, insertStart[c], insertEnd[c]});
      if (--dn.usesLeft == 0) {
        removeFromPool(dn);
      }
    }
    if (!donors.isEmpty()) {
      reuseArticles++;
    }

    if (wire) {
      wireStories++;
      WireStory story = new WireStory(
          i, b.outlet, paragraphs, pStarts.stream().mapToInt(Integer::intValue).toArray(),
          pEnds.stream().mapToInt(Integer::intValue).toArray(), outlets.length);
      int k = r.between(2, Math.min(6, outlets.length - 1));
      for (int c = 0; c < k; c++) {
        schedule.add(new Due(i + r.between(1, 300), scheduled++, story));
      }
    } else if (r.chance(0.6)) {
      registerDonors(i, r, d, b.text);
    }
  }

  private void checkLength(int i, int words) {
    if (words < MIN_WORDS || words > MAX_WORDS) {
      throw new IllegalStateException("article " + i + " has " + words + " words");
    }
  }

  private void removeFromPool(Donor d) {
    for (int p = 0; p < poolSize; p++) {
      if (pool[p] == d) {
        pool[p] = pool[--poolSize];
        pool[poolSize] = null;
        return;
      }
    }
  }

  /** One or two disjoint runs of whole own sentences (20 to 150 words, no insert inside). */
  private void registerDonors(int i, Rng r, Draft d, String text) {
    int count = r.chance(0.5) ? 2 : 1;
    int from = 0;
    for (int c = 0; c < count && from < d.sentences; c++) {
      int target = r.between(20, 150);
      int first = from + r.nextInt(Math.max(1, (d.sentences - from) / (count - c)));
      int words = 0;
      int last = first;
      while (last < d.sentences && d.sSegment[last] == d.sSegment[first]
          && words + d.sWords[last] <= 150) {
        words += d.sWords[last];
        last++;
        if (words >= target) {
          break;
        }
      }
      if (words >= 20) {
        int start = d.sStart[first];
        int end = d.sEnd[last - 1];
        double u = r.nextDouble();
        Donor dn = new Donor(i, start, end, text.substring(start, end), u < 0.7 ? 1 : u < 0.9 ? 2 : 3);
        donorsSeen++;
        if (poolSize < POOL) {
          pool[poolSize++] = dn;
        } else {
          long k = Long.remainderUnsigned(r.nextLong(), donorsSeen);
          if (k < POOL) {
            pool[(int) k] = dn;
          }
        }
      }
      from = last + 1;
    }
  }

  private void reprint(int i, Rng r, Built b, LocalDate date, int outletIndex, WireStory story) throws IOException {
    reprints++;
    b.outlet = outletIndex;
    Outlet outlet = outlets[outletIndex];
    String header = outlet.header(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    String footer = outlet.footer(r, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    int fixed = Tokens.countWords(footer) + (header == null ? 0 : Tokens.countWords(header));
    int keep = story.paragraphs.size();
    if (keep >= 4 && r.chance(0.5)) {
      keep -= 1 + r.nextInt(2);
    }
    double rate = r.chance(0.5) ? r.nextDouble() * 0.05 : 0;
    List<String> copy = new ArrayList<>(keep);
    int copyWords = 0;
    for (int p = 0; p < keep; p++) {
      String para = rate > 0 ? edit(r, story.paragraphs.get(p), rate) : story.paragraphs.get(p);
      copy.add(para);
      copyWords += Tokens.countWords(para);
    }
    while (keep > 1 && fixed + copyWords > MAX_WORDS) {
      keep--;
      copyWords -= Tokens.countWords(copy.remove(keep));
    }
    int extra = r.chance(0.3) ? r.between(20, 120) : 0;
    int need = MIN_WORDS - fixed - copyWords;
    if (need > 0) {
      extra = Math.max(extra, Math.max(need, 8));
    }
    extra = Math.min(extra, MAX_WORDS - fixed - copyWords);
    StringBuilder sb = new StringBuilder(8 * 1024);
    if (header != null) {
      sb.append(header).append("\n\n");
    }
    int copyStart = sb.length();
    for (int p = 0; p < copy.size(); p++) {
      if (p > 0) {
        sb.append("\n\n");
      }
      sb.append(copy.get(p));
    }
    int copyEnd = sb.length();
    if (extra >= 8) {
      sb.append("\n\n");
      int[] lengths = sentenceLengths(r, extra);
      for (int s = 0; s < lengths.length; s++) {
        if (s > 0) {
          sb.append(' ');
        }
        sentence(r, sb, lengths[s]);
      }
    }
    sb.append("\n\n").append(footer);
    b.text = sb.toString();
    b.words = Tokens.countWords(b.text);
    checkLength(i, b.words);
    int origStart = story.paragraphStart[0];
    int origEnd = story.paragraphEnd[keep - 1];
    truth(story.article, i, "reprint", origStart, origEnd, copyStart, copyEnd, rate);
    for (int[] other : story.reprints) {
      truth(other[0], i, "co-reprint", other[1], other[2], copyStart, copyEnd, rate);
    }
    story.reprints.add(new int[] {i, copyStart, copyEnd});
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  /** Sentence lengths (8 to 35 words) adding up to exactly {@code words} (at least 8). */
  private static int[] sentenceLengths(Rng r, int words) {
    int[] out = new int[words / 8 + 2];
    int n = 0;
    int left = words;
    while (left > 43) {
      int s = skewedLength(r);
      out[n++] = s;
      left -= s;
    }
    if (left > 35) {
      out[n++] = left / 2;
      out[n++] = left - left / 2;
    } else if (left >= 8) {
      out[n++] = left;
    } else if (left > 0) {
      // fold a short remainder into the previous sentences, keeping each at most 35
      for (int k = n - 1; k >= 0 && left > 0; k--) {
        int add = Math.min(left, 35 - out[k]);
        out[k] += add;
        left -= add;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** 8 to 35 words, most around 15 to 25. */
  private static int skewedLength(Rng r) {
    return 8 + (r.nextInt(28) + r.nextInt(28)) / 2;
  }

  private static int paragraphLength(Rng r) {
    double u = r.nextDouble();
    return u < 0.15 ? 1 : u < 0.45 ? 2 : u < 0.75 ? 3 : u < 0.9 ? 4 : 5;
  }

  private void sentence(Rng r, StringBuilder sb, int words) {
    boolean quote = words >= 11 && r.chance(0.15);
    int body = quote ? words - 3 : words;
    if (quote) {
      sb.append('"');
    }
    for (int w = 0; w < body; w++) {
      String word;
      double u = r.nextDouble();
      if (u < 0.01) {
        word = Integer.toString(r.between(2, 2030));
      } else if (u < 0.035) {
        word = vocabulary.name(r);
      } else {
        word = vocabulary.word(r);
      }
      if (w == 0) {
        sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        sb.append(word);
      }
      if (w < body - 1) {
        if (r.chance(0.06)) {
          sb.append(',');
        }
        sb.append(' ');
      }
    }
    if (quote) {
      sb.append(",\" said ").append(vocabulary.name(r)).append(' ').append(vocabulary.name(r)).append('.');
    } else {
      sb.append(r.chance(0.04) ? '?' : '.');
    }
  }

  private String title(Rng r) {
    int n = r.between(5, 10);
    StringBuilder sb = new StringBuilder(64);
    for (int w = 0; w < n; w++) {
      String word = r.chance(0.3) ? vocabulary.rareWord(r) : vocabulary.word(r);
      if (w > 0) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
    return sb.toString();
  }

  /**
   * The passage with word edits at {@code rate}: each word is, with that probability,
   * substituted (half the edits), followed by an inserted word (a quarter) or deleted (a quarter).
   */
  private String edit(Rng r, String passage, double rate) {
    if (rate <= 0) {
      return passage;
    }
    String[] tokens = passage.split("\\s+");
    StringBuilder sb = new StringBuilder(passage.length() + 64);
    int kept = 0;
    for (String t : tokens) {
      if (t.isEmpty()) {
        continue;
      }
      String out = t;
      boolean insertAfter = false;
      if (r.chance(rate)) {
        int op = r.nextInt(4);
        if (op <= 1) {
          out = vocabulary.word(r) + trailing(t);
        } else if (op == 2) {
          insertAfter = true;
        } else if (tokens.length - kept > 8) {
          continue; // deleted
        }
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(out);
      kept++;
      if (insertAfter) {
        sb.append(' ').append(vocabulary.word(r));
      }
    }
    return sb.toString();
  }

  private static String trailing(String token) {
    int end = token.length();
    int k = end;
    while (k > 0 && !Character.isLetterOrDigit(token.charAt(k - 1))) {
      k--;
    }
    return token.substring(k, end);
  }

  private void truth(int a, int b, String kind, int aStart, int aEnd, int bStart, int bEnd, double rate)
      throws IOException {
    if (a == b) {
      return;
    }
    if (a > b) { // never: sources are earlier; kept for safety
      int t = a; a = b; b = t;
      t = aStart; aStart = bStart; bStart = t;
      t = aEnd; aEnd = bEnd; bEnd = t;
    }
    truth.write(String.format(
        Locale.ROOT,
        "{\"a\":\"%s\",\"b\":\"%s\",\"kind\":\"%s\",\"aStart\":%d,\"aEnd\":%d,\"bStart\":%d,\"bEnd\":%d,\"edit\":%.4f}\n",
        id(a), id(b), kind, aStart, aEnd, bStart, bEnd, rate));
    truthSpans++;
    if (truthCount == truthKeys.length) {
      truthKeys = Arrays.copyOf(truthKeys, truthCount * 2);
    }
    truthKeys[truthCount++] = ((long) a << 32) | b;
  }
}
