package dev.refrain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes the entries of a {@link Report} as JSON fields into a Jackson streaming generator: the
 * one place the field names and order of {@code docs/report-schema.md} are spelled, shared by the
 * JSON report (one document) and the JSON Lines report (one entry a line). Nothing is built as a
 * tree first, so writing a report costs no more memory than the report.
 */
final class ReportJson {
  private ReportJson() {}

  static void header(JsonGenerator g, Report r) throws IOException {
    header(g, r.schemaVersion(), r.settings());
  }

  static void header(JsonGenerator g, int schemaVersion, Report.Settings settings)
      throws IOException {
    g.writeNumberField("schemaVersion", schemaVersion);
    g.writeStringField("tool", "refrain");
    g.writeFieldName("settings");
    g.writeObject(settings);
  }

  static void article(JsonGenerator g, Report.ArticleEntry a) throws IOException {
    g.writeStringField("id", a.id());
    g.writeStringField("path", a.path());
    g.writeNumberField("chars", a.chars());
    g.writeNumberField("words", a.words());
    g.writeNumberField("templateWords", a.templateWords());
    g.writeNumberField("repetitiveWords", a.repetitiveWords());
    stringIfPresent(g, "source", a.source());
    stringIfPresent(g, "title", a.title());
    stringIfPresent(g, "published", a.published());
    if (!a.internalRepeats().isEmpty()) {
      g.writeArrayFieldStart("internalRepeats");
      for (Report.PassageEntry x : a.internalRepeats()) {
        passage(g, x);
      }
      g.writeEndArray();
    }
  }

  static void pair(JsonGenerator g, Report.PairEntry p) throws IOException {
    g.writeStringField("a", p.a());
    g.writeStringField("b", p.b());
    g.writeNumberField("containmentA", p.containmentA());
    g.writeNumberField("containmentB", p.containmentB());
    g.writeNumberField("jaccard", p.jaccard());
    g.writeNumberField("longestPassageWords", p.longestPassageWords());
    g.writeArrayFieldStart("passages");
    for (Report.PassageEntry x : p.passages()) {
      passage(g, x);
    }
    g.writeEndArray();
    direction(g, "direction", p.direction());
  }

  private static void passage(JsonGenerator g, Report.PassageEntry x) throws IOException {
    g.writeStartObject();
    g.writeFieldName("a");
    g.writeObject(x.a());
    g.writeFieldName("b");
    g.writeObject(x.b());
    g.writeNumberField("similarity", x.similarity());
    // Contract field: template text is masked before pairing, so no passage is boilerplate.
    g.writeBooleanField("boilerplate", false);
    g.writeStringField("kind", x.kind());
    g.writeNumberField("wordsA", x.wordsA());
    g.writeNumberField("wordsB", x.wordsB());
    stringIfPresent(g, "cluster", x.cluster());
    kinds(g, x.kinds());
    g.writeArrayFieldStart("diff");
    for (Report.DiffOp op : x.diff()) {
      diffOp(g, op);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void kinds(JsonGenerator g, java.util.List<String> kinds) throws IOException {
    g.writeArrayFieldStart("kinds");
    for (String k : kinds) {
      g.writeString(k);
    }
    g.writeEndArray();
  }

  /** {@code field: {first, basis, reason}} ({@code first} left out when unknown); none when null. */
  static void direction(JsonGenerator g, String field, Report.DirectionEntry d) throws IOException {
    if (d == null) {
      return;
    }
    g.writeObjectFieldStart(field);
    stringIfPresent(g, "first", d.first());
    g.writeStringField("basis", d.basis());
    g.writeStringField("reason", d.reason());
    g.writeEndObject();
  }

  static void cluster(JsonGenerator g, Report.ClusterEntry c) throws IOException {
    g.writeStringField("id", c.id());
    g.writeNumberField("articleCount", c.articleCount());
    g.writeArrayFieldStart("occurrences");
    for (Report.Occurrence o : c.occurrences()) {
      g.writeStartObject();
      g.writeStringField("article", o.article());
      g.writeNumberField("start", o.start());
      g.writeNumberField("end", o.end());
      g.writeStringField("text", o.text());
      g.writeBooleanField("canonical", o.canonical());
      g.writeNumberField("similarity", o.similarity());
      kinds(g, o.kinds());
      g.writeArrayFieldStart("diff");
      for (Report.DiffOp op : o.diff()) {
        diffOp(g, op);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    direction(g, "earliest", c.earliest());
  }

  static void quoteFamily(JsonGenerator g, Report.QuoteFamilyEntry f) throws IOException {
    g.writeStringField("id", f.id());
    stringIfPresent(g, "speaker", f.speaker());
    stringIfPresent(g, "speakerType", f.speakerType());
    g.writeNumberField("articleCount", f.articleCount());
    g.writeArrayFieldStart("renderings");
    for (Report.QuoteRenderingEntry r : f.renderings()) {
      g.writeStartObject();
      g.writeStringField("article", r.article());
      g.writeNumberField("start", r.start());
      g.writeNumberField("end", r.end());
      g.writeStringField("text", r.text());
      g.writeStringField("kind", r.kind());
      g.writeBooleanField("canonical", r.canonical());
      stringIfPresent(g, "speaker", r.speaker());
      stringIfPresent(g, "speakerMention", r.speakerMention());
      g.writeStringField("attribution", r.attribution());
      g.writeNumberField("similarity", r.similarity());
      kinds(g, r.kinds());
      g.writeArrayFieldStart("diff");
      for (Report.DiffOp op : r.diff()) {
        diffOp(g, op);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * One step of a variant diff. An {@code equal} step's words are the passage's own words, so
   * its texts are left out (the offsets say where they are in the passage's texts): a reprinted
   * story is then in the report twice, not four times.
   */
  private static void diffOp(JsonGenerator g, Report.DiffOp op) throws IOException {
    g.writeStartObject();
    g.writeStringField("op", op.op());
    g.writeNumberField("aStart", op.aStart());
    g.writeNumberField("aEnd", op.aEnd());
    g.writeNumberField("bStart", op.bStart());
    g.writeNumberField("bEnd", op.bEnd());
    if (!"equal".equals(op.op())) {
      g.writeStringField("aText", op.aText());
      g.writeStringField("bText", op.bText());
    }
    g.writeEndObject();
  }

  /** Writes the fields of a record entry (cluster, template, problem, stats) in declared order. */
  static void fields(JsonGenerator g, Object entry) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode node = JsonOutput.MAPPER.valueToTree(entry);
    for (var it = node.fields(); it.hasNext(); ) {
      var field = it.next();
      g.writeFieldName(field.getKey());
      g.writeTree(field.getValue());
    }
  }

  private static void stringIfPresent(JsonGenerator g, String field, String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }
}
