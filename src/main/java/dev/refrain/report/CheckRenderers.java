package dev.refrain.report;

import java.util.List;
import java.util.Locale;

/** The {@link CheckRenderer}s by format name, for the {@code check} command's options. */
public final class CheckRenderers {
  private static final List<CheckRenderer> ALL =
      List.of(
          new CheckTextRenderer(),
          new CheckJsonRenderer(),
          new CheckJsonLinesRenderer(),
          new SarifRenderer(),
          new JUnitRenderer(),
          new CheckMarkdownRenderer());

  private CheckRenderers() {}

  /** Every renderer: text, json, jsonl, sarif, junit, markdown. */
  public static List<CheckRenderer> all() {
    return ALL;
  }

  /** The format names, in {@link #all()} order. */
  public static List<String> formats() {
    return ALL.stream().map(CheckRenderer::format).toList();
  }

  /**
   * The renderer of a format name, case-insensitive; {@code "md"} is accepted for {@code
   * "markdown"} and {@code "xml"} for {@code "junit"}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static CheckRenderer forFormat(String name) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    key = switch (key) {
      case "md" -> "markdown";
      case "xml" -> "junit";
      case "txt" -> "text";
      default -> key;
    };
    for (CheckRenderer r : ALL) {
      if (r.format().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown check format '" + name + "', expected one of " + String.join(", ", formats()));
  }
}
