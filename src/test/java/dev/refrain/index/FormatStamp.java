package dev.refrain.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Makes an archive look written by another refrain: commits its settings again with another
 * {@code refrain.format}, all else unchanged (what a reader checks before it reads any layout).
 */
public final class FormatStamp {
  private FormatStamp() {}

  /** Every file in {@code dir} by name, with a digest of its bytes. */
  public static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      for (Path p : files.toList()) {
        byte[] bytes = java.nio.file.Files.readAllBytes(p);
        try {
          out.put(p.getFileName().toString(), java.util.HexFormat.of().formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  public static void stamp(Path dir, int format) throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      Map<String, String> data = new LinkedHashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      data.put("refrain.format", Integer.toString(format));
      IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      try (IndexWriter w = new IndexWriter(d, config)) {
        w.setLiveCommitData(data.entrySet());
        w.commit();
      }
    }
  }
}
