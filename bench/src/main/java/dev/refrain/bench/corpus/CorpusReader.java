package dev.refrain.bench.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Streams the articles of a corpus folder: every {@code *.jsonl} file in it, by name, each line an
 * object with {@code id} and {@code text}. An article's index is its position in that order, the
 * same for every peer and for the harness.
 */
public final class CorpusReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Receives articles in order. */
  public interface Sink {
    void article(int index, String id, String text) throws Exception;
  }

  private CorpusReader() {}

  public static List<Path> shards(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": no such corpus folder");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  /** Reads every article; returns how many. */
  public static int read(Path dir, Sink sink) throws Exception {
    return read(dir, sink, true);
  }

  private static int read(Path dir, Sink sink, boolean withText) throws Exception {
    int index = 0;
    for (Path shard : shards(dir)) {
      try (InputStream in = Files.newInputStream(shard); JsonParser p = FACTORY.createParser(in)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          if (t != JsonToken.START_OBJECT) {
            throw new IOException(shard + ": expected one JSON object per line");
          }
          String id = null;
          String text = null;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("id".equals(name)) {
              id = p.getValueAsString();
            } else if ("text".equals(name) && withText) {
              text = p.getValueAsString();
            } else if (v.isStructStart()) {
              p.skipChildren();
            }
          }
          if (id == null) {
            throw new IOException(shard + ": a record without id");
          }
          sink.article(index++, id, text == null ? "" : text);
        }
      }
    }
    return index;
  }

  /** The number of records (lines) in the corpus's shards, by counting newlines. */
  public static int countRecords(Path dir) throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 20];
    for (Path shard : shards(dir)) {
      try (InputStream in = Files.newInputStream(shard)) {
        int r;
        int last = '\n';
        while ((r = in.read(buf)) > 0) {
          for (int i = 0; i < r; i++) {
            if (buf[i] == '\n') {
              n++;
            }
          }
          last = buf[r - 1];
        }
        if (last != '\n') {
          n++;
        }
      }
    }
    return Math.toIntExact(n);
  }

  /** Total bytes of the shards. */
  public static long bytes(Path dir) throws IOException {
    long n = 0;
    for (Path shard : shards(dir)) {
      n += Files.size(shard);
    }
    return n;
  }

  /** The ids, in order. */
  public static List<String> ids(Path dir) throws Exception {
    List<String> ids = new ArrayList<>();
    read(dir, (i, id, text) -> ids.add(id), false);
    return ids;
  }
}
