package dev.refrain.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stage timings refrain prints on stderr with {@code --timings}: {@code refrain: timings: load
 * and prepare 6.60 s, templates 5.34 s, ...; total 31.78 s; peak heap 3189 MiB}.
 *
 * @param seconds each stage's seconds, in the order printed, the total last
 * @param peakHeapMiB the peak heap, or -1 when the line does not give it
 */
public record StageTimings(Map<String, Double> seconds, long peakHeapMiB) {
  private static final String PREFIX = "refrain: timings: ";
  private static final Pattern STAGE = Pattern.compile("\\s*([a-z][a-z ]*?) (\\d+(?:\\.\\d+)?) s");
  private static final Pattern HEAP = Pattern.compile("peak heap (\\d+) MiB");

  /** The timings in a stderr file, or null when it holds no timings line. */
  public static StageTimings parse(Path stderr) throws IOException {
    if (!Files.isRegularFile(stderr)) {
      return null;
    }
    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(PREFIX)) {
        return parse(lines.get(i));
      }
    }
    return null;
  }

  /** The timings of one line, or null when it is not a timings line. */
  public static StageTimings parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return null;
    }
    Map<String, Double> seconds = new LinkedHashMap<>();
    long heap = -1;
    for (String part : line.substring(PREFIX.length()).split("[,;]")) {
      Matcher h = HEAP.matcher(part);
      if (h.find()) {
        heap = Long.parseLong(h.group(1));
        continue;
      }
      Matcher m = STAGE.matcher(part);
      if (m.matches()) {
        seconds.put(m.group(1).trim(), Double.parseDouble(m.group(2)));
      }
    }
    return seconds.isEmpty() ? null : new StageTimings(seconds, heap);
  }
}
