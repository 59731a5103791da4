package dev.refrain.document;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How an article read from a file is named: its path as shown in reports and its id. One place
 * for these rules, so every reader of folders (the loader, the Spark job's input) names an
 * article alike.
 */
public final class ArticlePaths {
  private ArticlePaths() {}

  /** Whether a file or folder is hidden (its name starts with a dot): never read. */
  public static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** {@code file}'s path relative to {@code folder}, with {@code /} separators. */
  public static String relative(Path folder, Path file) {
    StringBuilder sb = new StringBuilder();
    for (Path part : folder.relativize(file)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  /** A relative path {@code rel} inside the folder shown as {@code folder}. */
  public static String join(String folder, String rel) {
    return folder.endsWith("/") ? folder + rel : folder + "/" + rel;
  }

  /** {@code name} (or a relative path) without its extension; the whole name if that is blank. */
  public static String withoutExtension(String name) {
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    if (dot <= slash + 1) {
      return name;
    }
    return name.substring(0, dot);
  }

  /** The extension of a file name or relative path, lower case; "" when it has none. */
  public static String extension(String name) {
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    return dot <= slash ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The path as typed, with {@code /} separators and without trailing slashes. */
  public static String displayPath(String arg) {
    String p = File.separatorChar == '/' ? arg : arg.replace(File.separatorChar, '/');
    int end = p.length();
    while (end > 1 && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(0, end);
  }
}
