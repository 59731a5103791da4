package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlMainContentTest {

  // ------------------------------------------------------------------ one page at a time

  @Test
  void dropsSemanticNavigationAsideHeaderAndFooter() {
    HtmlText h =
        HtmlText.parse(
            "<body><header><a href=/>Daily Courier</a> Your trusted local news</header>"
                + "<nav><a href=/w>World</a> <a href=/p>Politics</a></nav>"
                + "<main><article><header><h1>Bridge reopens</h1></header>"
                + "<p>The bridge reopened on Monday after three months of repairs, officials "
                + "said, and traffic was light.</p></article>"
                + "<aside>Most read: a story about something else entirely</aside></main>"
                + "<footer>All rights reserved.</footer></body>");

    assertEquals(
        "Bridge reopens\n\nThe bridge reopened on Monday after three months of repairs, "
            + "officials said, and traffic was light.",
        h.text());
  }

  @Test
  void dropsBoilerplateNamedByClassIdRoleOrHidden() {
    HtmlText h =
        HtmlText.parse(
            "<body><div class=\"site-menu\">Home World Politics</div>"
                + "<div role=\"navigation\">Sections and more sections</div>"
                + "<div id=\"content\"><p>Ministers met in Brussels on Tuesday to discuss the "
                + "budget, the first such meeting this year.</p>"
                + "<div class=\"share-buttons\">Share this story on every network</div>"
                + "<p hidden>Hidden teaser text</p>"
                + "<div style=\"display: none\">Invisible promo</div></div>"
                + "<div id=\"footer\">Copyright Daily Courier</div></body>");

    assertEquals(
        "Ministers met in Brussels on Tuesday to discuss the budget, the first such meeting "
            + "this year.",
        h.text());
  }

  @Test
  void keepsTheScoredContainerOfAPageWithoutSemanticMarkup() {
    HtmlText h =
        HtmlText.parse(
            "<body><div><a href=/a>Home</a> | <a href=/b>World</a> | <a href=/c>Sport</a></div>"
                + "<div><div><p>First paragraph of the story, with a comma, and enough words to "
                + "count as running text.</p><p>Second paragraph of the story, again with a "
                + "comma, and more words.</p></div></div>"
                + "<div><p>Copyright 2024 Daily Courier Media Group.</p></div></body>");

    assertEquals(
        "First paragraph of the story, with a comma, and enough words to count as running "
            + "text.\n\nSecond paragraph of the story, again with a comma, and more words.",
        h.text());
  }

  @Test
  void dropsLinkListsInsideTheContent() {
    HtmlText h =
        HtmlText.parse(
            "<article><p>The council voted on Wednesday to keep the library open for another "
                + "year, members said.</p><ul><li><a href=/1>Related: library budget</a></li>"
                + "<li><a href=/2>Related: council elections</a></li></ul>"
                + "<p>Read the <a href=/r>full report</a> on the council's site.</p></article>");

    assertEquals(
        "The council voted on Wednesday to keep the library open for another year, members "
            + "said.\n\nRead the full report on the council's site.",
        h.text());
  }

  @Test
  void aPageOfLinksOnlyKeepsItsText() {
    HtmlText h = HtmlText.parse("<body><nav><a href=/a>Alpha</a> <a href=/b>Beta</a></nav></body>");

    assertEquals("Alpha Beta", h.text());
  }

  @Test
  void aDeeplyNestedPageIsExtractedInOneWalk() {
    StringBuilder html = new StringBuilder("<body>");
    int depth = 5_000;
    for (int i = 0; i < depth; i++) {
      html.append("<div class=\"menu-").append(i).append("\">");
    }
    html.append("<article><p>Deep text, deep down, that is the whole article here.</p></article>");
    html.append("</div>".repeat(depth)).append("</body>");

    assertEquals("Deep text, deep down, that is the whole article here.",
        HtmlText.parse(html.toString()).text());
  }

  // ------------------------------------------------------------------ measured on built pages

  /** Pages of one site: the same navigation, aside and footer around their own story. */
  record Site(String nav, String aside, String footer, String bodyOpen, String bodyClose,
      List<String> boilerplate) {}

  private static final String[] WORDS =
      ("minister council harbour river budget election police hospital school station bridge "
          + "market festival museum court farmers workers union strike storm flood drought "
          + "railway airport ferry village city province senator mayor judge doctor teacher "
          + "report inquiry plan project tax price wage rent fuel grain fish timber coal copper "
          + "steel vote debate protest treaty border summit talks visit delegation committee "
          + "north south east west old new early late small large quiet busy local national "
          + "said told added warned announced expected planned delayed opened closed raised "
          + "cut reached signed rejected approved on in at after before during with without "
          + "the a of and for from by to its their this that")
          .split(" ");

  private static String sentence(Random r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = WORDS[r.nextInt(WORDS.length)];
      s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      s.append(i == words - 1 ? "." : i % 7 == 6 ? ", " : " ");
    }
    return s.toString();
  }

  private static String links(List<String> labels) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      s.append("<a href=\"/s/").append(i).append("\">").append(labels.get(i)).append("</a> ");
    }
    return s.toString();
  }

  static Site site(Random r) {
    String name = "The " + List.of("Courier", "Herald", "Gazette", "Tribune", "Observer")
        .get(r.nextInt(5)) + " of " + List.of("Lyon", "Perth", "Quito", "Oslo").get(r.nextInt(4));
    List<String> menu = List.of("Home", "World", "Politics", "Business", "Technology",
        "Science", "Health", "Sports", "Opinion", "Culture", "Travel", "Weather");
    String menuText = String.join(" ", menu);
    String nav = switch (r.nextInt(5)) {
      case 0 -> "<nav><ul>" + menu.stream().map(m -> "<li><a href=\"/" + m + "\">" + m
          + "</a></li>").reduce("", String::concat) + "</ul></nav>";
      case 1 -> "<div class=\"main-menu\">" + links(menu) + "</div>";
      case 2 -> "<div>" + links(menu) + "</div>";
      case 3 -> "<div role=\"navigation\">" + links(menu) + "</div>";
      default -> "<header><div class=\"brand\">" + name + ", news since 1887 for the whole "
          + "region and beyond</div>" + links(menu) + "</header>";
    };
    String promo = "Sign up for our morning briefing and get the top stories of the region in "
        + "your inbox every day before breakfast";
    List<String> related = List.of("Harbour workers vote to strike over pay",
        "Storm closes the ferry for a second day", "Council approves the new railway plan");
    String aside = switch (r.nextInt(4)) {
      case 0 -> "<aside><h3>Most read</h3>" + links(related) + "</aside>";
      case 1 -> "<div class=\"sidebar\"><p>" + promo + ".</p></div>";
      case 2 -> "<div><h3>Most read</h3><ul>" + related.stream().map(t -> "<li><a href=\"/r\">"
          + t + "</a></li>").reduce("", String::concat) + "</ul></div>";
      default -> "<div class=\"newsletter-box\">" + promo + "</div>";
    };
    String rights = "Copyright 2024 " + name + " Media Group, all rights reserved; no part of this"
        + " site may be reproduced without the written permission of the publisher";
    String footerLinks = links(List.of("About us", "Contact", "Privacy policy", "Terms of use",
        "Advertise with us", "Careers", "Accessibility statement"));
    String footer = switch (r.nextInt(5)) {
      case 0 -> "<footer><p>" + rights + ".</p>" + footerLinks + "</footer>";
      case 1 -> "<div id=\"footer\"><p>" + rights + ".</p></div>";
      case 2 -> "<div class=\"site-footer\">" + footerLinks + "<p>" + rights + ".</p></div>";
      case 3 -> "<div role=\"contentinfo\">" + rights + ".</div>";
      default -> "<div><div>" + footerLinks + "</div><div>" + rights + ".</div></div>";
    };
    String[] body = switch (r.nextInt(5)) {
      case 0 -> new String[] {"<main><article><h1>Story</h1>", "</article></main>"};
      case 1 -> new String[] {"<div class=\"post-content\">", "</div>"};
      case 2 -> new String[] {"<div id=\"story\">", "</div>"};
      case 3 -> new String[] {"<div><div>", "</div></div>"};
      default -> new String[] {"<div itemprop=\"articleBody\">", "</div>"};
    };
    List<String> boilerplate = new ArrayList<>(List.of(
        "Politics Business Technology", "all rights reserved", "Terms of use", "Privacy policy",
        "Harbour workers vote", "morning briefing", "news since 1887"));
    return new Site(nav, aside, footer, body[0], body[1], boilerplate);
  }

  static String page(Site site, List<String> paragraphs) {
    StringBuilder s = new StringBuilder("<!doctype html><html><head><title>Story</title></head>"
        + "<body>").append(site.nav()).append("<div class=\"wrap\">").append(site.bodyOpen());
    for (String p : paragraphs) {
      s.append("<p>").append(p).append("</p>");
    }
    s.append(site.bodyClose()).append(site.aside()).append("</div>").append(site.footer());
    return s.append("</body></html>").toString();
  }

  /**
   * Built pages, seeded: for each of 60 sites, two pages with their own paragraphs and one
   * shared paragraph, inside the site's navigation, aside and footer (five navigation, four
   * aside, five footer and five content markups, from semantic tags to bare divs). Scanned
   * together, the shared paragraph is a passage and no boilerplate text is in any passage, or
   * in any article's text; whole-body text (what {@code HtmlText} read before) holds the
   * boilerplate on every page, so each check can fail.
   */
  @Test
  void builtPagesKeepTheSharedParagraphAndLeaveNavigationAndFooterOut() {
    int sites = 60;
    int found = 0;
    int leakingPassages = 0;
    int leakingTexts = 0;
    int leakingWholeBody = 0;
    for (int seed = 0; seed < sites; seed++) {
      Random r = new Random(seed);
      Site site = site(r);
      String shared = sentence(r, 24 + r.nextInt(16));
      List<Article> articles = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        List<String> paragraphs = new ArrayList<>();
        int own = 2 + r.nextInt(4);
        for (int i = 0; i < own; i++) {
          paragraphs.add(sentence(r, 15 + r.nextInt(30)));
        }
        paragraphs.add(r.nextInt(own + 1), shared);
        String html = page(site, paragraphs);
        String wholeBody = Jsoup.parse(html).body().text();
        if (site.boilerplate().stream().anyMatch(wholeBody::contains)) {
          leakingWholeBody++;
        }
        HtmlText text = HtmlText.parse(html);
        if (site.boilerplate().stream().anyMatch(text.text()::contains)) {
          leakingTexts++;
        }
        assertTrue(text.text().contains(shared), "seed " + seed + ": " + text.text());
        articles.add(new Article("s" + seed + "-" + k, "s" + seed + "-" + k + ".html",
            text.text(), null, text.title(), null));
      }
      ScanResult result =
          new Scanner(DetectorOptions.defaults().withThreads(1)).scan(articles,
              ProgressListener.NONE);
      boolean sharedFound = false;
      for (ArticlePair pair : result.pairs()) {
        String a = result.articles().get(pair.a()).text();
        String b = result.articles().get(pair.b()).text();
        for (SharedPassage p : pair.passages()) {
          String pa = a.substring(p.passage().aStart(), p.passage().aEnd());
          String pb = b.substring(p.passage().bStart(), p.passage().bEnd());
          if (covers(pa, shared) && covers(pb, shared)) {
            sharedFound = true;
          }
          if (site.boilerplate().stream().anyMatch(x -> pa.contains(x) || pb.contains(x))) {
            leakingPassages++;
          }
        }
      }
      if (sharedFound) {
        found++;
      }
    }
    String measured = String.format(Locale.ROOT,
        "%d sites: shared paragraph found %d; passages with boilerplate %d; article texts with "
            + "boilerplate %d of %d (whole body: %d)",
        sites, found, leakingPassages, leakingTexts, 2 * sites, leakingWholeBody);
    System.out.println("HtmlMainContentTest: " + measured);
    assertEquals(2 * sites, leakingWholeBody, "the built pages carry boilerplate: " + measured);
    assertEquals(sites, found, measured);
    assertEquals(0, leakingPassages, measured);
    assertEquals(0, leakingTexts, measured);
  }

  /** Whether the passage holds the paragraph but for its last character (a full stop). */
  private static boolean covers(String passage, String paragraph) {
    return passage.contains(paragraph.substring(0, paragraph.length() - 1));
  }

  @Test
  void theBuiltPagesDifferBySeed() {
    assertFalse(page(site(new Random(1)), List.of("x")).equals(page(site(new Random(2)),
        List.of("x"))));
  }
}
