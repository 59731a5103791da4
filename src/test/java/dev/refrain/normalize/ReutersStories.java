package dev.refrain.normalize;

import dev.refrain.document.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Reuters-21578 stories that have a body from the corpus's SGML files ({@code
 * reut2-000.sgm} to {@code reut2-021.sgm}), as articles with ids {@code r<NEWID>}: real newswire
 * text, for the tokenizer tests ({@link TokenizerEquivalenceTest}, {@link TokenizeSpeedTest}).
 * The bench module reads the stories the same way for its benchmarks ({@code
 * dev.refrain.bench.corpus.ReutersCorpus}).
 */
final class ReutersStories {
  private static final Pattern STORY =
      Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
  private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&#(\\d+);");

  private ReutersStories() {}

  /** The stories in {@code dir} (the corpus folder), in file order. */
  static List<Article> read(Path dir) throws IOException {
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
        stories.add(
            new Article(id, file + "#" + id, text, "Reuters", title.find() ? unescape(title.group(1)) : null, null));
      }
    }
    return stories;
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
