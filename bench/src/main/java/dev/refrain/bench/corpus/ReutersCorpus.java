package dev.refrain.bench.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-21578 as a benchmark corpus: the stories with a {@code <BODY>} in {@code reut2-000.sgm}
 * ... {@code reut2-021.sgm}, written as one JSONL shard of articles {@code r<NEWID>} (source
 * Reuters, the story's title). Adapted from the product's own reader
 * (src/main/java/dev/refrain/bench/ReutersStories.java) so the two agree on what a story is.
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

  /** Writes the stories to {@code out/articles/part-00000.jsonl}; returns {stories, chars}. */
  public static long[] export(Path dir, Path out) throws IOException {
    Path articles = out.resolve("articles");
    Files.createDirectories(articles);
    Path shard = articles.resolve("part-00000.jsonl");
    Path tmp = articles.resolve("part-00000.jsonl.tmp");
    long stories = 0;
    long chars = 0;
    StringBuilder json = new StringBuilder(8192);
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8))) {
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
          json.setLength(0);
          json.append("{\"id\":\"").append(id).append("\",\"source\":\"Reuters\",\"title\":");
          Json.string(json, title.find() ? unescape(title.group(1)).strip() : "");
          json.append(",\"text\":");
          Json.string(json, text);
          json.append("}\n");
          w.append(json);
          stories++;
          chars += text.length();
        }
      }
    }
    Files.move(tmp, shard, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new long[] {stories, chars};
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
