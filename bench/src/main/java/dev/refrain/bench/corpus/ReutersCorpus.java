package dev.refrain.bench.corpus;

import dev.refrain.document.Article;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-21578 as a benchmark corpus: the stories with a {@code <BODY>} in {@code reut2-000.sgm}
 * ... {@code reut2-021.sgm}, as articles {@code r<NEWID>} (source Reuters, the story's title), read
 * in file order for the in-process benchmarks, or written as one JSONL shard for the harness.
 * The product's tokenizer tests read them the same way (src/test/java/dev/refrain/normalize/
 * ReutersStories.java), so the two agree on what a story is.
 */
public final class ReutersCorpus {
  private static final Pattern STORY =
      Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
  private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&#(\\d+);");

  private ReutersCorpus() {}

  /** True when {@code dir} holds at least one of the SGML files. */
  public static boolean present(Path dir) {
    return Files.isRegularFile(dir.resolve("reut2-000.sgm"));
  }

  /** The stories in {@code dir} (the corpus folder), in file order; none when it has no files. */
  public static List<Article> stories(Path dir) throws IOException {
    List<Article> stories = new ArrayList<>();
    for (int f = 0; f <= 21; f++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "reut2-%03d.sgm", f));
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String sgml = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      Matcher story = STORY.matcher(sgml);
      while (story.find()) {
        Matcher body = BODY.matcher(story.group(2));
        if (!body.find()) {
          continue;
        }
        String text = unescape(body.group(1)).replace("\u0003", "").strip();
        if (text.isEmpty()) {
          continue;
        }
        Matcher title = TITLE.matcher(story.group(2));
        String id = String.format(Locale.ROOT, "r%05d", Integer.parseInt(story.group(1)));
        stories.add(new Article(
            id, file + "#" + id, text, "Reuters", title.find() ? unescape(title.group(1)) : null, null));
      }
    }
    return stories;
  }

  /** Writes the stories to {@code out/articles/part-00000.jsonl}; returns {stories, chars}. */
  public static long[] export(Path dir, Path out) throws IOException {
    Path articles = out.resolve("articles");
    Files.createDirectories(articles);
    Path shard = articles.resolve("part-00000.jsonl");
    Path tmp = articles.resolve("part-00000.jsonl.tmp");
    long chars = 0;
    List<Article> stories = stories(dir);
    StringBuilder json = new StringBuilder(8192);
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8))) {
      for (Article a : stories) {
        json.setLength(0);
        json.append("{\"id\":\"").append(a.id()).append("\",\"source\":\"Reuters\",\"title\":");
        Json.string(json, a.title() == null ? "" : a.title().strip());
        json.append(",\"text\":");
        Json.string(json, a.text());
        json.append("}\n");
        w.append(json);
        chars += a.text().length();
      }
    }
    Files.move(tmp, shard, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new long[] {stories.size(), chars};
  }

  static String unescape(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
    }
    m.appendTail(sb);
    return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }
}
