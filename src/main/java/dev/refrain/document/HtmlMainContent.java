package dev.refrain.document;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of an HTML page, readability-style, so that a site's navigation, asides,
 * page header and footer never reach detection (two pages of one site would otherwise share their
 * menus as passages).
 *
 * <ol>
 *   <li><b>Boilerplate dropped</b>: {@code nav}, {@code aside}, {@code footer}, {@code menu},
 *       {@code dialog}, form controls, a {@code header} outside any {@code article} or {@code
 *       main} (one inside keeps the headline), elements with an ARIA role of navigation, banner,
 *       contentinfo, complementary, menu, menubar, search or dialog, hidden elements ({@code
 *       hidden}, {@code aria-hidden="true"}, {@code display:none}), and elements whose class or id
 *       reads like boilerplate ({@code menu}, {@code sidebar}, {@code footer}, {@code share},
 *       {@code related}, ... : Mozilla Readability's "unlikely candidates") unless it also reads
 *       like content ({@code article}, {@code content}, {@code main}, ...) or holds the content.
 *   <li><b>Root chosen</b>: the element marked {@code itemprop="articleBody"}, else the {@code
 *       article}, else the {@code main} (or {@code role="main"}) with the most text, when it holds
 *       at least 140 characters or half the page's text, and at least half the text of all the
 *       elements so marked (not one teaser of many on a front page); otherwise the paragraphs
 *       are scored as
 *       Readability scores them (1 point, 1 per comma, 1 per 100 characters up to 3, given to the
 *       parent and half to the grandparent, the total scaled by the share of text outside links)
 *       and the best container is kept with those of its siblings that score at least a fifth of
 *       it, or are paragraphs of running text. A page with no paragraph of 25 characters keeps its
 *       whole body.
 *   <li><b>Link lists dropped</b>: inside the root, a block ({@code div}, {@code section}, {@code
 *       ul}, {@code ol}, {@code dl}, {@code table}, {@code p}, {@code header}) of which more than
 *       half the text is link text.
 * </ol>
 *
 * <p>Every pass is linear in the page's size: text and link lengths are summed bottom-up in one
 * walk, never recomputed per element. Should the root give no text at all, the body (boilerplate
 * dropped) is kept instead, so a page is never emptied by this choice.
 */
final class HtmlMainContent {
  private HtmlMainContent() {}

  /** Shortest semantic root kept, in characters that are not white space. */
  static final int MIN_ROOT_CHARS = 140;

  /** Shortest text that counts as a paragraph when scoring, as in Readability. */
  static final int MIN_PARAGRAPH_CHARS = 25;

  private static final Set<String> DROPPED_TAGS =
      Set.of("nav", "aside", "footer", "menu", "dialog", "button", "select", "textarea", "label");

  private static final Set<String> DROPPED_ROLES =
      Set.of(
          "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
          "dialog", "alertdialog");

  /** Mozilla Readability's unlikely candidates, plus share and newsletter widgets. */
  private static final Pattern UNLIKELY =
      Pattern.compile(
          "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer"
              + "|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper"
              + "|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"
              + "|share|sharing|newsletter|subscribe|cookie|masthead|navbar|topbar|promo");

  /** Readability's "ok maybe its a candidate". */
  private static final Pattern MAYBE_CONTENT =
      Pattern.compile("and|article|body|column|content|main|shadow|story|entry|post-text");

  private static final Pattern DISPLAY_NONE =
      Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");

  /** Children that make a {@code div} a container rather than a paragraph. */
  private static final Set<String> BLOCK_CHILDREN =
      Set.of(
          "address", "article", "aside", "blockquote", "dl", "div", "fieldset", "figure",
          "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav",
          "ol", "p", "pre", "section", "table", "ul");

  private static final Set<String> LINK_LIST_TAGS =
      Set.of("div", "section", "ul", "ol", "dl", "table", "p", "header");

  /**
   * The element whose text is the page's main content: an element of {@code body} (changed:
   * boilerplate removed from it), or a new element holding the chosen blocks in page order.
   */
  static Element extract(Element body) {
    dropBoilerplate(body);
    Element root = semanticRoot(body);
    if (root == null) {
      root = scoredRoot(body);
    }
    if (root == null) {
      root = body;
    }
    dropLinkLists(root);
    return root;
  }

  // ---------------------------------------------------------------- 1. boilerplate

  private static void dropBoilerplate(Element body) {
    Set<Element> holders = contentHolders(body);
    List<Element> drop = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e && e != body && isBoilerplate(e, holders)) {
              drop.add(e);
              return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }
        },
        body);
    for (Element e : drop) {
      e.remove();
    }
  }

  private static boolean isBoilerplate(Element e, Set<Element> holders) {
    String tag = e.normalName();
    if (DROPPED_TAGS.contains(tag)) {
      return true;
    }
    if (tag.equals("header") && !insideContent(e)) {
      return true;
    }
    if (e.hasAttr("hidden")
        || e.attr("aria-hidden").trim().equalsIgnoreCase("true")
        || DISPLAY_NONE.matcher(e.attr("style").toLowerCase(Locale.ROOT)).find()) {
      return true;
    }
    String role = e.attr("role").trim().toLowerCase(Locale.ROOT);
    if (DROPPED_ROLES.contains(role)) {
      return true;
    }
    if (tag.equals("a") || tag.equals("html") || isContentMarker(e)) {
      return false;
    }
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    return UNLIKELY.matcher(names).find()
        && !MAYBE_CONTENT.matcher(names).find()
        && !holders.contains(e);
  }

  private static boolean insideContent(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (isContentMarker(p)) {
        return true;
      }
    }
    return false;
  }

  /** The elements that hold a content marker ({@code article}, {@code main}, ...) inside. */
  private static Set<Element> contentHolders(Element body) {
    Set<Element> holders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element marker : body.select("article, main, [role=main], [itemprop=articleBody]")) {
      for (Element p = marker.parent(); p != null && holders.add(p); p = p.parent()) {
        // every ancestor, each added once: linear in the page
      }
    }
    return holders;
  }

  private static boolean isContentMarker(Element e) {
    String tag = e.normalName();
    return tag.equals("article")
        || tag.equals("main")
        || e.attr("role").trim().equalsIgnoreCase("main")
        || e.attr("itemprop").trim().equalsIgnoreCase("articleBody");
  }

  // ---------------------------------------------------------------- 2. the root

  private static Element semanticRoot(Element body) {
    Counts counts = Counts.of(body);
    int pageChars = counts.text(body);
    for (String query :
        List.of("[itemprop=articleBody]", "article", "main, [role=main]")) {
      Element best = null;
      long all = 0;
      for (Element e : body.select(query)) {
        all += counts.text(e);
        if (best == null || counts.text(e) > counts.text(best)) {
          best = e;
        }
      }
      // Several of which none holds half their text: teasers on a front page, not the content.
      boolean teasers = best != null && 2L * counts.text(best) < all;
      if (best != null && counts.text(best) > 0 && !teasers
          && (counts.text(best) >= MIN_ROOT_CHARS || 2 * counts.text(best) >= pageChars)) {
        return best;
      }
    }
    return null;
  }

  private static Element scoredRoot(Element body) {
    Counts counts = Counts.of(body);
    Map<Element, Double> scores = new IdentityHashMap<>();
    List<Element> candidates = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (!isParagraph(e, counts)) {
        continue;
      }
      int chars = counts.text(e);
      if (chars < MIN_PARAGRAPH_CHARS) {
        continue;
      }
      double score = 1 + counts.commas(e) + Math.min(chars / 100, 3);
      Element parent = e.parent();
      if (parent != null) {
        add(scores, candidates, parent, score);
        Element grandparent = parent.parent();
        if (grandparent != null) {
          add(scores, candidates, grandparent, score / 2);
        }
      }
    }
    Element top = null;
    double topScore = 0;
    for (Element c : candidates) {
      double s = scores.get(c) * (1 - counts.linkDensity(c));
      scores.put(c, s);
      if (s > topScore) {
        top = c;
        topScore = s;
      }
    }
    if (top == null) {
      return null;
    }
    // A lone child says nothing its parent does not: climb while the parent holds only it.
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    Element parent = top.parent();
    if (parent == null) {
      return top;
    }
    double threshold = Math.max(10, topScore * 0.2);
    Element root = new Element("div");
    for (Element sibling : new ArrayList<>(parent.children())) {
      if (sibling == top || keepSibling(sibling, scores, counts, threshold)) {
        root.appendChild(sibling);
      }
    }
    return root;
  }

  private static void add(Map<Element, Double> scores, List<Element> candidates, Element e,
      double score) {
    Double old = scores.get(e);
    if (old == null) {
      candidates.add(e);
      old = initialScore(e);
    }
    scores.put(e, old + score);
  }

  /** Readability's start: containers up, lists and headings down. */
  private static double initialScore(Element e) {
    return switch (e.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
  }

  private static boolean keepSibling(
      Element sibling, Map<Element, Double> scores, Counts counts, double threshold) {
    Double score = scores.get(sibling);
    if (score != null && score >= threshold) {
      return true;
    }
    if (!sibling.normalName().equals("p")) {
      return false;
    }
    int chars = counts.text(sibling);
    double density = counts.linkDensity(sibling);
    return (chars > 80 && density < 0.25)
        || (chars > 0 && density == 0 && sibling.text().strip().endsWith("."));
  }

  private static boolean isParagraph(Element e, Counts counts) {
    String tag = e.normalName();
    if (PARAGRAPH_TAGS.contains(tag)) {
      return true;
    }
    if (!tag.equals("div")) {
      return false;
    }
    for (Element child : e.children()) {
      if (BLOCK_CHILDREN.contains(child.normalName())) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- 3. link lists

  private static void dropLinkLists(Element root) {
    Map<Element, int[]> sums = new IdentityHashMap<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            int[] own;
            if (node instanceof TextNode t) {
              own = new int[] {visibleChars(t.getWholeText()), 0};
            } else if (node instanceof Element e) {
              own = sums.getOrDefault(e, new int[2]);
              sums.remove(e);
              if (e.normalName().equals("a")) {
                own[1] = own[0];
              }
              if (e != root && LINK_LIST_TAGS.contains(e.normalName()) && own[0] > 0
                  && 2 * own[1] > own[0]) {
                return FilterResult.REMOVE;
              }
            } else {
              return FilterResult.CONTINUE;
            }
            Node parent = node.parent();
            if (parent instanceof Element p && node != root) {
              int[] acc = sums.computeIfAbsent(p, k -> new int[2]);
              acc[0] += own[0];
              acc[1] += own[1];
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
  }

  static int visibleChars(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        n++;
      }
    }
    return n;
  }

  /** Text, link-text and comma counts of every element under a root, summed in one walk. */
  private static final class Counts implements NodeVisitor {
    /** Per element: visible chars, visible chars inside links, commas. */
    private final Map<Element, int[]> sums = new IdentityHashMap<>();

    static Counts of(Element root) {
      Counts c = new Counts();
      NodeTraversor.traverse(c, root);
      return c;
    }

    @Override
    public void head(Node node, int depth) {}

    @Override
    public void tail(Node node, int depth) {
      int[] own;
      if (node instanceof TextNode t) {
        String s = t.getWholeText();
        int commas = 0;
        for (int i = 0; i < s.length(); i++) {
          if (s.charAt(i) == ',') {
            commas++;
          }
        }
        own = new int[] {visibleChars(s), 0, commas};
      } else if (node instanceof Element e) {
        own = sums.computeIfAbsent(e, k -> new int[3]);
        if (e.normalName().equals("a")) {
          own[1] = own[0];
        }
      } else {
        return;
      }
      if (node.parent() instanceof Element p) {
        int[] acc = sums.computeIfAbsent(p, k -> new int[3]);
        acc[0] += own[0];
        acc[1] += own[1];
        acc[2] += own[2];
      }
    }

    int text(Element e) {
      int[] s = sums.get(e);
      return s == null ? 0 : s[0];
    }

    int commas(Element e) {
      int[] s = sums.get(e);
      return s == null ? 0 : s[2];
    }

    double linkDensity(Element e) {
      int[] s = sums.get(e);
      return s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
    }
  }
}
