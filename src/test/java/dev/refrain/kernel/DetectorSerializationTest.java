package dev.refrain.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.template.Templates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel travels to a distributed job's workers by Java serialization and works the same. */
class DetectorSerializationTest {

  @SuppressWarnings("unchecked")
  static <T> T copy(T original) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void aSerializedCopyPreparesAndAlignsExactlyLikeTheOriginal() throws Exception {
    Detector original = new Detector(DetectorOptions.defaults());
    Detector copy = copy(original);
    List<Article> seeds = new ArticleLoader().load(List.of("seeds")).articles();
    Article a = seeds.get(0);
    Article b = seeds.get(1);
    PreparedArticle pa = original.prepare(a);
    PreparedArticle ca = copy.prepare(a);
    assertArrayEquals(pa.fingerprints().hashes(), ca.fingerprints().hashes());
    assertArrayEquals(pa.fingerprints().positions(), ca.fingerprints().positions());
    int[] none = Templates.EMPTY_MASK;
    assertEquals(
        original.align(pa, none, original.prepare(b), none),
        copy.align(ca, none, copy.prepare(b), none),
        "the same passages");
  }

  @Test
  void serializedTemplatesMaskTheSameWords() throws Exception {
    Detector detector = new Detector(DetectorOptions.defaults());
    List<PreparedArticle> prepared =
        new ArticleLoader().load(List.of("seeds")).articles().stream().map(detector::prepare)
            .toList();
    FingerprintTable table =
        FingerprintTable.build(prepared.size(), i -> prepared.get(i).fingerprints().hashes());
    Templates templates = detector.learnTemplates(prepared, table);
    assertFalse(templates.isEmpty(), "the seed footer is a template");
    Templates copy = copy(templates);
    assertEquals(templates, copy);
    for (PreparedArticle p : prepared) {
      assertArrayEquals(detector.mask(p, templates), detector.mask(p, copy));
    }
  }
}
