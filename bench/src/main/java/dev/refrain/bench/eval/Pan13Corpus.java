package dev.refrain.bench.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the PAN 2013 text alignment "02-no-obfuscation" subset: the {@code pairs} file, one
 * ground-truth XML per pair ({@code <feature name="plagiarism" this_offset this_length
 * source_offset source_length>}), and the suspicious and source texts.
 *
 * @param pairs the document pairs in the order of the {@code pairs} file
 */
public record Pan13Corpus(List<DocPair> pairs) {

  /** The folder under the data folder that holds the subset. */
  public static final String FOLDER = "pan13-ta-02-no-obfuscation-partial";

  /**
   * One suspicious document, one source document, and the cases of reuse between them.
   *
   * @param key {@code "<suspicious file> <source file>"}, the {@link PanCase#pair()} of its cases
   */
  public record DocPair(
      String key, String suspicious, String source, String suspiciousText, String sourceText,
      List<PanCase> cases) {
    public DocPair {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(suspiciousText, "suspiciousText");
      Objects.requireNonNull(sourceText, "sourceText");
      cases = List.copyOf(cases);
    }
  }

  public Pan13Corpus {
    pairs = List.copyOf(pairs);
  }

  /** Loads the subset from {@code <data>/pan13-ta-02-no-obfuscation-partial}. */
  public static Pan13Corpus load(Path data) throws MissingDataException {
    return load(data, Integer.MAX_VALUE);
  }

  /** Loads the first {@code limit} pairs of the subset (all when there are fewer). */
  public static Pan13Corpus load(Path data, int limit) throws MissingDataException {
    Path dir = data.resolve(FOLDER);
    Path truth = dir.resolve("02-no-obfuscation");
    Path pairsFile = truth.resolve("pairs");
    EvalFiles.require(
        "pan13: put the PAN 2013 text alignment 02-no-obfuscation subset (02-no-obfuscation/ with"
            + " its pairs file and XML ground truth, susp/, src/) in "
            + dir.toAbsolutePath().normalize(),
        pairsFile,
        dir.resolve("susp"),
        dir.resolve("src"));
    DocumentBuilder xml = xmlParser();
    Map<String, String> texts = new HashMap<>();
    List<DocPair> pairs = new ArrayList<>();
    for (String line : EvalFiles.read(pairsFile).split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      if (pairs.size() >= limit) {
        break;
      }
      String[] f = line.trim().split("\\s+");
      if (f.length != 2) {
        throw new IllegalStateException(pairsFile + ": expected two file names in: " + line);
      }
      String susp = f[0];
      String src = f[1];
      String key = susp + " " + src;
      Path truthFile = truth.resolve(stem(susp) + "-" + stem(src) + ".xml");
      EvalFiles.require("pan13: ground truth missing", truthFile);
      String suspText =
          texts.computeIfAbsent("susp/" + susp, k -> EvalFiles.read(dir.resolve(k)));
      String srcText = texts.computeIfAbsent("src/" + src, k -> EvalFiles.read(dir.resolve(k)));
      pairs.add(
          new DocPair(key, susp, src, suspText, srcText, cases(xml, truthFile, key, src)));
    }
    return new Pan13Corpus(pairs);
  }

  /** All cases of all pairs. */
  public List<PanCase> cases() {
    return pairs.stream().flatMap(p -> p.cases().stream()).toList();
  }

  private static List<PanCase> cases(DocumentBuilder xml, Path file, String key, String src) {
    Document doc;
    try {
      doc = xml.parse(file.toFile());
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<PanCase> out = new ArrayList<>();
    NodeList features = doc.getElementsByTagName("feature");
    for (int i = 0; i < features.getLength(); i++) {
      Element e = (Element) features.item(i);
      if (!e.getAttribute("name").equals("plagiarism")) {
        continue;
      }
      if (!e.getAttribute("source_reference").equals(src)) {
        continue;
      }
      int to = Integer.parseInt(e.getAttribute("this_offset"));
      int tl = Integer.parseInt(e.getAttribute("this_length"));
      int so = Integer.parseInt(e.getAttribute("source_offset"));
      int sl = Integer.parseInt(e.getAttribute("source_length"));
      out.add(new PanCase(key, to, to + tl, so, so + sl));
    }
    return out;
  }

  private static String stem(String name) {
    return name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
  }

  private static DocumentBuilder xmlParser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the data folder holds the subset. */
  public static boolean present(Path data) {
    return Files.isDirectory(data.resolve(FOLDER).resolve("02-no-obfuscation"));
  }
}
