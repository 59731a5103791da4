package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The seeds' HTML report in real Chromium (headless, through chromedriver and Selenium), checked
 * for what a person sees: the overview, a pair's passages highlighted side by side, the filters
 * hiding rows when clicked, no script error and no Content-Security-Policy violation in the
 * browser's console, the same text with JavaScript off, and a 420 px wide window with nothing
 * wider than it.
 *
 * <p>Needs {@code chromium} and {@code chromedriver} (Debian: {@code apt-get install chromium
 * chromium-driver}; {@code .ci/browser-setup} installs them, and {@code .ci/run} calls it before
 * the tests). Other paths: {@code REFRAIN_CHROMIUM} and {@code REFRAIN_CHROMEDRIVER} in the
 * environment (read by both), or {@code -Drefrain.chromium=...}, {@code -Drefrain.chromedriver=...}.
 * Without them the test is skipped with a line saying so, unless the environment sets {@code
 * REFRAIN_REQUIRE_BROWSER=1} (as {@code .ci/run} does): then it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
  static final String REQUIRE = "REFRAIN_REQUIRE_BROWSER";

  private Report report;
  private Path dir;
  private Path page;
  private String chromedriver;
  private final List<WebDriver> drivers = new ArrayList<>();

  /** Selenium's notes on the DevTools version (not used here) are not test output. */
  private static final java.util.logging.Logger SELENIUM =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  @BeforeAll
  void renderTheSeedsReport() throws IOException {
    String chromium = System.getProperty("refrain.chromium",
        System.getenv().getOrDefault("REFRAIN_CHROMIUM", "/usr/bin/chromium"));
    chromedriver = System.getProperty("refrain.chromedriver",
        System.getenv().getOrDefault("REFRAIN_CHROMEDRIVER", "/usr/bin/chromedriver"));
    SELENIUM.setLevel(Level.SEVERE);
    boolean present = Files.isExecutable(Path.of(chromium))
        && Files.isExecutable(Path.of(chromedriver));
    String missing = "ReportBrowserTest skipped: no " + chromium + " or " + chromedriver
        + " (install them with .ci/browser-setup, or apt-get install chromium chromium-driver)";
    if (!present && "1".equals(System.getenv(REQUIRE))) {
      fail(missing + "; " + REQUIRE + "=1 requires them");
    }
    if (!present) {
      System.out.println(missing);
    }
    Assumptions.assumeTrue(present, missing);
    System.setProperty("refrain.chromium.binary", chromium);
    report = JsonLinesReportRendererTest.seedsReport();
    dir = Files.createTempDirectory("refrain-browser");
    page = dir.resolve("report.html");
    Files.writeString(page, new HtmlReportRenderer().toHtml(report), StandardCharsets.UTF_8);
  }

  /** Each browser with its own chromedriver, both ended after each test. */
  @AfterEach
  void quit() {
    for (WebDriver d : drivers) {
      d.quit();
    }
    drivers.clear();
  }

  private WebDriver open(boolean javascript, int width, Path file) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("refrain.chromium.binary"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
        "--window-size=" + width + ",900");
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver))
        .usingAnyFreePort()
        .build();
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    driver.manage().window().setSize(new Dimension(width, 900));
    driver.get(file.toUri().toString());
    return driver;
  }

  private static List<String> console(WebDriver driver) {
    List<String> lines = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      lines.add(e.getLevel() + " " + e.getMessage());
    }
    return lines;
  }

  private static List<String> problems(List<String> console) {
    return console.stream()
        .filter(l -> l.startsWith("SEVERE") || l.contains("Content Security Policy")
            || l.contains("Content-Security-Policy") || l.contains("Uncaught"))
        .toList();
  }

  private static Object js(WebDriver driver, String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private List<Integer> detailedPassages() {
    int detailed = Math.min(report.pairsBetweenArticles().size(), ReportLimits.DEFAULT.pairsInDetail());
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < detailed; i++) {
      out.add(report.pairsBetweenArticles().get(i).passages().size());
    }
    return out;
  }

  @Test
  void aPersonSeesTheOverviewAndAPairsHighlightedPassages() throws IOException {
    WebDriver d = open(true, 1280, page);
    assertEquals("refrain report", d.findElement(By.cssSelector("#summary h1")).getText());
    String stats = d.findElement(By.cssSelector("#summary .stats")).getText();
    assertTrue(collapse(stats).startsWith(report.articles().size() + " articles "
        + report.pairsBetweenArticles().size() + " pairs"), stats);
    assertEquals(report.pairsBetweenArticles().size(),
        d.findElements(By.cssSelector("#pairs table.grid tbody tr")).size());
    assertTrue(d.findElement(By.cssSelector("#matrix table.matrix")).isDisplayed());

    Report.PairEntry first = report.pairsBetweenArticles().get(0);
    WebElement pair = d.findElement(By.id("pair-1"));
    assertTrue(pair.isDisplayed());
    List<WebElement> rows = pair.findElements(By.cssSelector(".row[data-kinds]"));
    assertEquals(first.passages().size(), rows.size());
    for (int j = 0; j < rows.size(); j++) {
      List<WebElement> marks = rows.get(j).findElements(By.cssSelector(".cell mark.passage"));
      assertEquals(2, marks.size(), "passage " + (j + 1) + " shows both sides");
      assertEquals(collapse(first.passages().get(j).a().text()), collapse(marks.get(0).getText()));
      assertEquals(collapse(first.passages().get(j).b().text()), collapse(marks.get(1).getText()));
      for (WebElement m : marks) {
        assertTrue(m.isDisplayed());
        assertNotEquals("rgba(0, 0, 0, 0)", m.getCssValue("background-color"), "highlighted");
      }
      // Both sides level: side b starts on the line side a starts on, to its right.
      assertEquals(marks.get(0).getRect().getY(), marks.get(1).getRect().getY(), 2.0);
      assertTrue(marks.get(1).getRect().getX() > marks.get(0).getRect().getX());
    }
    // Variant words: deleted words marked on side a, inserted on side b, in their own colours.
    WebElement del = pair.findElement(By.cssSelector(".cell del"));
    WebElement ins = pair.findElement(By.cssSelector(".cell ins"));
    assertNotEquals(del.getCssValue("background-color"), ins.getCssValue("background-color"));
    // The full texts, folded, open with a click and hold every passage on each side.
    WebElement full = pair.findElement(By.cssSelector("details.full"));
    assertFalse(full.findElement(By.cssSelector(".side")).isDisplayed());
    full.findElement(By.tagName("summary")).click();
    List<WebElement> sideMarks = full.findElements(By.cssSelector(".side mark.passage"));
    assertTrue(sideMarks.size() >= first.passages().size(), "marks in the full texts");
    assertTrue(sideMarks.get(0).isDisplayed());
    assertEquals(List.of(), problems(console(d)));
  }

  @Test
  void aRowsLinkOpensTheFoldedFullTextAtThatPassage() throws IOException {
    WebDriver d = open(true, 1280, page);
    WebElement row = d.findElement(By.id("pair-1-p2"));
    WebElement target = d.findElement(By.id("pair-1-p2-b"));
    assertFalse(target.isDisplayed(), "folded at first");
    row.findElement(By.cssSelector(".row-meta a[href='#pair-1-p2-b']")).click();
    assertTrue(target.isDisplayed(), "the full texts unfold at the link");
    double top = ((Number) js(d, "return arguments[0].getBoundingClientRect().top;", target))
        .doubleValue();
    long height = (Long) js(d, "return window.innerHeight;");
    assertTrue(top >= 0 && top < height, "scrolled into view: top " + top);
    assertEquals(List.of(), problems(console(d)));
  }

  @Test
  void clickingAKindFilterHidesItsRowsAndTheSliderHidesLowSimilarity() throws IOException {
    WebDriver d = open(true, 1280, page);
    List<WebElement> rows = d.findElements(By.cssSelector(".row[data-kinds]"));
    int total = detailedPassages().stream().mapToInt(Integer::intValue).sum();
    assertEquals(total, rows.size());
    List<WebElement> boxes = d.findElements(By.cssSelector("#filters input[name=kind]"));
    List<String> kinds = boxes.stream().map(b -> b.getAttribute("value")).toList();
    assertTrue(kinds.size() >= 2, "a checkbox per kind: " + kinds);
    WebElement status = d.findElement(By.cssSelector("#filters .filter-status"));
    assertEquals(total + " of " + total + " passages shown", status.getText());

    String kind = kinds.get(kinds.size() - 1);
    WebElement box = boxes.get(kinds.size() - 1);
    box.click();
    int shown = 0;
    for (WebElement row : rows) {
      boolean has = List.of(row.getAttribute("data-kinds").split(" ")).contains(kind);
      boolean others = List.of(row.getAttribute("data-kinds").split(" ")).stream()
          .anyMatch(k -> !k.equals(kind));
      assertEquals(others, row.isDisplayed(), "row " + row.getAttribute("id") + " (" + kind
          + " off)");
      if (others) {
        shown++;
      }
      assertTrue(has || others);
    }
    assertTrue(shown < total, "the click hid rows");
    assertEquals(shown + " of " + total + " passages shown", status.getText());
    // A pair left with no passage shown is hidden too.
    for (WebElement pair : d.findElements(By.cssSelector("section.pair"))) {
      boolean anyShown = pair.findElements(By.cssSelector(".row[data-kinds]")).stream()
          .anyMatch(WebElement::isDisplayed);
      assertEquals(anyShown, pair.isDisplayed(), pair.getAttribute("id"));
    }
    box.click();
    assertTrue(rows.stream().allMatch(WebElement::isDisplayed), "all rows back");

    WebElement slider = d.findElement(By.cssSelector("#filters input[name=min-similarity]"));
    js(d, "arguments[0].value = '0.9'; arguments[0].dispatchEvent(new Event('input'));", slider);
    for (WebElement row : rows) {
      double similarity = Double.parseDouble(row.getAttribute("data-similarity"));
      assertEquals(similarity >= 0.9, row.isDisplayed(), row.getAttribute("id"));
    }
    assertEquals(List.of(), problems(console(d)));
  }

  @Test
  void aPersonSeesEachQuoteFamilyWithItsSpeakerAndRenderingsWithAndWithoutJavaScript()
      throws IOException {
    List<Report.QuoteFamilyEntry> families = report.quoteFamilies();
    assertFalse(families.isEmpty(), "the seeds have quote families");
    int shown = Math.min(families.size(), ReportLimits.DEFAULT.clusters());
    for (boolean javascript : List.of(true, false)) {
      WebDriver d = open(javascript, 1200, page);
      String how = " (JavaScript " + javascript + ")";
      assertTrue(d.findElement(By.cssSelector("#quotes h2")).isDisplayed(), how);
      List<WebElement> shownFamilies = d.findElements(By.cssSelector("#quotes .quote-family"));
      assertEquals(shown, shownFamilies.size(), how);
      for (int f = 0; f < shown; f++) {
        Report.QuoteFamilyEntry family = families.get(f);
        WebElement box = d.findElement(By.id("quote-" + family.id()));
        assertTrue(box.isDisplayed(), family.id() + how);
        String head = collapse(box.findElement(By.tagName("h3")).getText());
        assertTrue(head.contains(ReportPhrases.speakerOf(family)), head + how);
        assertTrue(head.contains(family.renderings().size() + " renderings"), head + how);
        List<WebElement> occ = box.findElements(By.cssSelector(".occ"));
        assertEquals(family.renderings().size(), occ.size(), family.id() + how);
        assertEquals(1, box.findElements(By.cssSelector(".occ.canonical")).size(), how);
        for (int r = 0; r < occ.size(); r++) {
          Report.QuoteRenderingEntry rendering = family.renderings().get(r);
          WebElement o = occ.get(r);
          assertTrue(o.isDisplayed(), rendering + how);
          String headText = collapse(o.findElement(By.cssSelector(".occ-head")).getText());
          assertTrue(headText.contains(rendering.article()), headText + how);
          assertTrue(headText.contains(ReportPhrases.attribution(rendering)), headText + how);
          for (String kind : rendering.kinds()) {
            assertTrue(
                o.findElement(By.cssSelector(".occ-head .badge.k-" + kind)).isDisplayed(),
                kind + " on " + headText + how);
          }
          // The rendering's words are shown, a variant's as a diff against the canonical one.
          String words = collapse(o.getText());
          for (String w : rendering.text().split("[^\\p{L}\\p{N}]+")) {
            assertTrue(words.contains(w), w + " of " + rendering.text() + how);
          }
        }
      }
      if (javascript) {
        assertTrue(problems(console(d)).isEmpty(), console(d).toString());
      }
    }
  }

  @Test
  void withJavaScriptOffThePageHoldsTheSameText() throws IOException {
    WebDriver on = open(true, 1280, page);
    WebDriver off = open(false, 1280, page);
    assertTrue(off.findElements(By.cssSelector("#filters input")).isEmpty(), "no script ran");
    String offFilters = off.findElement(By.id("filters")).getText();
    assertTrue(offFilters.contains("Every passage is shown"), offFilters);
    int total = detailedPassages().stream().mapToInt(Integer::intValue).sum();
    List<WebElement> rows = off.findElements(By.cssSelector(".row[data-kinds]"));
    assertEquals(total, rows.size());
    assertTrue(rows.stream().allMatch(WebElement::isDisplayed));
    String onText = on.findElement(By.tagName("main")).getText()
        .replace(on.findElement(By.id("filters")).getText(), "");
    String offText = off.findElement(By.tagName("main")).getText().replace(offFilters, "");
    assertEquals(onText, offText);
    assertTrue(onText.contains(collapse(report.pairsBetweenArticles().get(0).passages().get(0).a().text())
        .split(" ")[0]));
    assertEquals(List.of(), problems(console(off)));
  }

  @Test
  void at420PixelsNothingIsWiderThanTheWindowAndPassageSidesStack() throws IOException {
    for (boolean javascript : List.of(true, false)) {
      WebDriver d = open(javascript, 420, page);
      long inner = (Long) js(d, "return window.innerWidth;");
      assertTrue(inner <= 420, "viewport " + inner);
      long scroll = (Long) js(d, "return document.documentElement.scrollWidth;");
      long body = (Long) js(d, "return document.body.scrollWidth;");
      long client = (Long) js(d, "return document.documentElement.clientWidth;");
      assertTrue(scroll <= client && body <= client,
          "horizontal overflow at 420 px: scrollWidth " + scroll + ", body " + body
              + ", clientWidth " + client + " (JavaScript " + javascript + ")");
      WebElement row = d.findElement(By.cssSelector("#pair-1 .row[data-kinds]"));
      List<WebElement> cells = row.findElements(By.cssSelector(".cell"));
      assertTrue(cells.get(1).getRect().getY() > cells.get(0).getRect().getY(), "b below a");
      assertTrue(cells.get(0).getRect().getWidth() > 300, "each side the full width");
      assertEquals(List.of(), problems(console(d)));
    }
  }

  @Test
  void rightToLeftTextIsLaidOutRightToLeftAndABidiOverrideInAnIdIsShown() throws IOException {
    Path rtl = dir.resolve("rtl.html");
    Files.writeString(rtl, new HtmlReportRenderer().toHtml(HtmlReportRendererTest.bidiReport()),
        StandardCharsets.UTF_8);
    WebDriver d = open(true, 1280, rtl);
    WebElement cell = d.findElement(By.cssSelector(".row .cell"));
    assertEquals("rtl", cell.getCssValue("direction"));
    WebElement mark = cell.findElement(By.cssSelector("mark.passage"));
    double cellRight = cell.getRect().getX() + cell.getRect().getWidth();
    double markRight = mark.getRect().getX() + mark.getRect().getWidth();
    assertEquals(cellRight, markRight, 30.0, "the Arabic line starts at the right");
    assertTrue(mark.getRect().getX() > cell.getRect().getX() + 40, "and ends short of the left");
    String id = d.findElement(By.cssSelector("#articles tbody td a")).getText();
    assertEquals(HtmlReportRendererTest.RTL_ID.replace("\u202E", "[U+202E]"), id);
    // The page around the Arabic text stays left to right.
    assertEquals("ltr", d.findElement(By.tagName("main")).getCssValue("direction"));
    assertEquals(List.of(), problems(console(d)));
  }

  /** The console check sees what it must: a style the policy does not allow is reported. */
  @Test
  void aStyleSheetThePolicyDoesNotAllowIsReportedInTheConsole() throws IOException {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Path tampered = dir.resolve("tampered.html");
    Files.writeString(tampered, html.replace("</style>", "body { color: red; }\n</style>")
        .replace("</script>", "throw new Error('deliberate');\n</script>"), StandardCharsets.UTF_8);
    WebDriver d = open(true, 1280, tampered);
    List<String> console = console(d);
    assertTrue(console.stream().anyMatch(l -> l.contains("Content Security Policy")
        && l.contains("style")), String.join("\n", console));
    assertTrue(console.stream().anyMatch(l -> l.contains("Content Security Policy")
        && l.contains("script")), String.join("\n", console));
    // Blocked: the page is unstyled and no filter was built.
    assertTrue(d.findElements(By.cssSelector("#filters input")).isEmpty());
    assertNotEquals("rgb(255, 0, 0)",
        d.findElement(By.tagName("body")).getCssValue("color"));
  }
}
