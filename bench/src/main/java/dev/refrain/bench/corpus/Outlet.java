package dev.refrain.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A news outlet: a name, a footer of 20 to 60 words that closes every one of its articles
 * (reply box, copyright, newsletter blurb, share line...), and for some outlets a header line
 * (name, section, date) that opens them. The footer varies a little from article to article: the
 * copyright year, and for some outlets an "Updated" date; the header carries the date.
 */
public final class Outlet {
  private static final String[] MASTHEADS = {
    "Times", "Herald", "Post", "Gazette", "Tribune", "Courier", "Daily", "Observer", "Chronicle",
    "Ledger", "Monitor", "Journal", "Express", "Sentinel", "Record", "Star", "Wire", "Press"
  };
  private static final String[] SECTIONS = {"World", "Business", "Politics", "Markets", "Local", "Science", "Sport", "Opinion"};
  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };
  private static final String[][] PIECES = {
    {"Leave a Reply. Your email address will not be published. Required fields are marked."},
    {"Leave a comment below and join the conversation. Comments are moderated before they appear."},
    {"Copyright %Y %N. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."},
    {"(c) %Y %N Media Group. All rights reserved."},
    {"Sign up for the %N %T newsletter and get the top stories in your inbox every morning."},
    {"Subscribe to our daily briefing: the news you need, delivered before breakfast."},
    {"Follow %N on social media for breaking news, photos and live updates."},
    {"Share this article: Facebook, Twitter, Email, Print."},
    {"Got a news tip? Contact the %N newsroom at any time of day."},
    {"Back to top."},
    {"Related topics: %A, %B, %C."},
    {"Read more from our %S desk, or browse the archive for earlier coverage."}
  };

  final String name;
  private final String topicA;
  private final String topicB;
  private final String topicC;
  private final String letter;
  private final String section;
  private final int[] pieces;
  private final int baseYear;
  private final boolean hasHeader;
  private final boolean datedFooter;

  Outlet(Rng rng, Vocabulary vocabulary, int index) {
    String cap = capital(vocabulary.rareWord(rng));
    this.name = "The " + cap + " " + MASTHEADS[index % MASTHEADS.length];
    this.topicA = capital(vocabulary.rareWord(rng));
    this.topicB = capital(vocabulary.rareWord(rng));
    this.topicC = capital(vocabulary.rareWord(rng));
    this.letter = capital(vocabulary.rareWord(rng));
    this.section = SECTIONS[rng.nextInt(SECTIONS.length)];
    this.baseYear = 2019 + rng.nextInt(6);
    this.hasHeader = rng.chance(0.4);
    this.datedFooter = rng.chance(0.3);
    // 3 to 6 distinct pieces, in a fixed order per outlet; the footer is 20 to 60 words.
    List<Integer> chosen = new ArrayList<>();
    int tries = 0;
    while (tries++ < 1000) {
      chosen.clear();
      int n = 3 + rng.nextInt(4);
      boolean[] used = new boolean[PIECES.length];
      while (chosen.size() < n) {
        int p = rng.nextInt(PIECES.length);
        if (!used[p]) {
          used[p] = true;
          chosen.add(p);
        }
      }
      int words = Tokens.countWords(render(chosen, baseYear, 1, 1));
      if (words >= 20 && words <= 60) {
        break;
      }
    }
    this.pieces = chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String capital(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private String render(List<Integer> chosen, int year, int month, int day) {
    int[] p = chosen.stream().mapToInt(Integer::intValue).toArray();
    return render(p, year, month, day);
  }

  private String render(int[] p, int year, int month, int day) {
    StringBuilder sb = new StringBuilder(256);
    if (datedFooter) {
      sb.append("Updated ").append(MONTHS[month - 1]).append(' ').append(day).append(", ").append(year).append(". ");
    }
    for (int i = 0; i < p.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(PIECES[p[i]][0]
          .replace("%Y", Integer.toString(year))
          .replace("%N", name)
          .replace("%T", letter)
          .replace("%S", section)
          .replace("%A", topicA)
          .replace("%B", topicB)
          .replace("%C", topicC));
    }
    return sb.toString();
  }

  /** This article's footer: mostly the outlet's usual one, sometimes another year. */
  String footer(Rng rng, int year, int month, int day) {
    int y = rng.chance(0.25) ? year : baseYear;
    return render(pieces, y, month, day);
  }

  /** The header line, or null for outlets without one. */
  String header(int year, int month, int day) {
    if (!hasHeader) {
      return null;
    }
    return String.format(Locale.ROOT, "%s | %s | %s %d, %d", name, section, MONTHS[month - 1], day, year);
  }
}
