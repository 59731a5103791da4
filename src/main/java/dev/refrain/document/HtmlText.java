package dev.refrain.document;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts the readable text and metadata of an HTML page.
 *
 * <p>The text is the page's main content ({@link HtmlMainContent}: navigation, asides, the page
 * header and footer, link lists and hidden elements left out) with markup dropped and {@code
 * script}, {@code style}, {@code noscript} and {@code template} elements (and {@code svg} and
 * {@code iframe}) removed. White space
 * is collapsed within running text; block elements such as {@code div}, {@code li} and {@code br}
 * end a line and paragraph-like elements ({@code p}, headings, {@code blockquote}, {@code pre},
 * lists, tables) are set apart by a blank line. Text inside {@code pre} keeps its white space.
 * Character references are decoded, so {@code &lt;script&gt;} becomes the literal text {@code
 * <script>}.
 *
 * @param text the extracted text, without leading or trailing white space; never null
 * @param title the {@code <title>}, else the {@code og:title} meta property, or null
 * @param siteName the {@code og:site_name} meta property, or null
 * @param publishedTime the {@code article:published_time} meta property, else the JSON-LD
 *     {@code datePublished}, or null
 */
public record HtmlText(String text, String title, String siteName, String publishedTime) {

  private static final Set<String> REMOVED =
      Set.of("script", "style", "noscript", "template", "svg", "iframe");

  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "ul",
          "ol",
          "dl",
          "table",
          "figure",
          "hr");

  private static final Set<String> BLOCKS =
      Set.of(
          "div",
          "li",
          "tr",
          "article",
          "section",
          "header",
          "footer",
          "main",
          "aside",
          "nav",
          "address",
          "figcaption",
          "dd",
          "dt",
          "form",
          "fieldset",
          "details",
          "summary",
          "caption",
          "thead",
          "tbody",
          "tfoot",
          "center",
          "legend",
          "hgroup",
          "menu");

  private static final Set<String> CELLS = Set.of("td", "th");

  private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\\n");
  private static final Pattern EXTRA_BLANK_LINES = Pattern.compile("\\n{3,}");

  public HtmlText {
    java.util.Objects.requireNonNull(text, "text");
  }

  /** Parses {@code html} and extracts its text, title and metadata. */
  public static HtmlText parse(String html) {
    Document doc = Jsoup.parse(html);
    String title = blankToNull(doc.title());
    if (title == null) {
      title = meta(doc, "og:title");
    }
    String siteName = meta(doc, "og:site_name");
    String published = meta(doc, "article:published_time");
    if (published == null) {
      published = jsonLdDatePublished(doc);
    }
    for (String tag : REMOVED) {
      doc.getElementsByTag(tag).remove();
    }
    Element body = doc.body();
    String text = body == null ? "" : render(HtmlMainContent.extract(body));
    if (text.isEmpty() && body != null) {
      // Nothing but boilerplate and links (a page of links, say): the whole body, as it reads.
      Document again = Jsoup.parse(html);
      for (String tag : REMOVED) {
        again.getElementsByTag(tag).remove();
      }
      text = again.body() == null ? "" : render(again.body());
    }
    return new HtmlText(text, title, siteName, published);
  }

  private static String meta(Document doc, String property) {
    for (String attr : new String[] {"property", "name"}) {
      for (Element e : doc.getElementsByTag("meta")) {
        if (property.equalsIgnoreCase(e.attr(attr).trim())) {
          String content = blankToNull(e.attr("content"));
          if (content != null) {
            return content;
          }
        }
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern DATE_PUBLISHED =
      java.util.regex.Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{4,40})\"");

  /**
   * The first {@code datePublished} of the page's JSON-LD ({@code <script
   * type="application/ld+json">}), or null; read as text, so a malformed block costs nothing.
   */
  private static String jsonLdDatePublished(Document doc) {
    for (Element e : doc.select("script[type=application/ld+json]")) {
      java.util.regex.Matcher m = DATE_PUBLISHED.matcher(e.data());
      if (m.find()) {
        return blankToNull(m.group(1));
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static String render(Element root) {
    Renderer r = new Renderer();
    NodeTraversor.traverse(r, root);
    String text = r.out.toString();
    text = TRAILING_SPACES.matcher(text).replaceAll("\n");
    text = EXTRA_BLANK_LINES.matcher(text).replaceAll("\n\n");
    return text.strip();
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Walks the body and writes its text with line and paragraph breaks. */
  private static final class Renderer implements NodeVisitor {
    final StringBuilder out = new StringBuilder();

    /** 0: none, 1: line break, 2: blank line, owed before the next text. */
    private int pendingBreak;

    private boolean pendingSpace;
    private int preDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (preDepth > 0) {
          appendPreformatted(t.getWholeText());
        } else {
          appendCollapsed(t.getWholeText());
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          pendingBreak = Math.min(2, pendingBreak + 1);
          pendingSpace = false;
        } else {
          open(tag);
        }
        if (tag.equals("pre")) {
          preDepth++;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("pre")) {
          preDepth--;
        }
        if (!tag.equals("br")) {
          open(tag);
        }
      }
    }

    /** The break owed at the start or end of an element. */
    private void open(String tag) {
      if (PARAGRAPHS.contains(tag)) {
        requestBreak(2);
      } else if (BLOCKS.contains(tag)) {
        requestBreak(1);
      } else if (CELLS.contains(tag)) {
        pendingSpace = true;
      }
    }

    private void requestBreak(int level) {
      pendingBreak = Math.max(pendingBreak, level);
      pendingSpace = false;
    }

    private void appendCollapsed(String s) {
      int i = 0;
      int n = s.length();
      while (i < n) {
        if (isSpace(s.charAt(i))) {
          pendingSpace = true;
          while (i < n && isSpace(s.charAt(i))) {
            i++;
          }
        } else {
          int start = i;
          while (i < n && !isSpace(s.charAt(i))) {
            i++;
          }
          emit(s.substring(start, i));
        }
      }
    }

    private void appendPreformatted(String s) {
      String t = s.replace("\r\n", "\n").replace('\r', '\n');
      if (out.length() == 0) {
        t = t.stripLeading();
      }
      if (!t.isEmpty()) {
        emit(t);
      }
    }

    private void emit(String s) {
      if (out.length() > 0) {
        if (pendingBreak > 0) {
          out.append(pendingBreak >= 2 ? "\n\n" : "\n");
        } else if (pendingSpace) {
          out.append(' ');
        }
      }
      pendingBreak = 0;
      pendingSpace = false;
      out.append(s);
    }
  }
}
