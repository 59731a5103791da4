package dev.refrain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stages travel to a distributed job's workers by Java serialization and work the same. */
class StagesSerializationTest {

  @Test
  void aSerializedCopyPreparesAndAlignsExactlyLikeTheOriginal() throws Exception {
    Stages original = new Stages(ScanOptions.defaults());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    Stages copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Stages) in.readObject();
    }
    List<Article> seeds = new ArticleLoader().load(List.of("seeds")).articles();
    Article a = seeds.get(0);
    Article b = seeds.get(1);
    Stages.PreparedArticle pa = original.prepare(a);
    Stages.PreparedArticle ca = copy.prepare(a);
    assertEquals(
        java.util.Arrays.toString(pa.keys().keys()), java.util.Arrays.toString(ca.keys().keys()));
    assertEquals(
        original.align(pa, original.prepare(b)), copy.align(ca, copy.prepare(b)),
        "the same passages");
  }
}
