package dev.refrain.quote;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The English words quote finding reads: speech verbs, titles, organisation heads, role nouns
 * and the capitalised words that start a sentence without naming anyone.
 */
final class Lexicon {
  private Lexicon() {}

  /** Speech verbs that attribute a marked quote, lower case. */
  static final Set<String> SPEECH_VERBS =
      words(
          "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
          "stressed", "stresses", "stressing", "admitted", "admits", "explained", "explains",
          "noted", "notes", "noting", "warned", "warns", "insisted", "insists", "declared",
          "stated", "announced", "claimed", "claims", "argued", "argues", "asserted",
          "emphasized", "emphasised", "emphasizing", "emphasising", "underlined", "underlines",
          "underscored", "confirmed", "considered", "described", "describing", "urged",
          "replied", "responded", "wrote", "tweeted", "acknowledged", "conceded", "remarked",
          "observed", "recalled", "continued", "vowed", "vows", "promised", "hinted", "assured",
          "demanded", "affirmed", "reiterated", "cautioned", "commented", "predicted",
          "suggested", "believes", "asked", "announces", "declares", "estimated");

  /** Speech verbs that introduce reported speech (no marks): the common, unambiguous ones. */
  static final Set<String> REPORTING_VERBS =
      words(
          "said", "says", "told", "added", "stressed", "explained", "warned", "insisted",
          "announced", "claimed", "argued", "noted", "stated", "confirmed", "emphasized",
          "emphasised", "acknowledged", "admitted", "declared", "asserted");

  /** Words of a title or office before a name, lower case ("Secretary of State"). */
  static final Set<String> TITLES =
      words(
          "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "secretary",
          "minister", "director", "chancellor", "prime", "senator", "sen.", "governor", "gov.",
          "general", "gen.", "ambassador", "chief", "spokesman", "spokeswoman", "spokesperson",
          "premier", "king", "queen", "pope", "foreign", "state", "defense", "defence", "deputy",
          "assistant", "vice", "advisor", "adviser", "rep.", "col.", "lt.", "prof.", "professor",
          "judge", "mayor", "commissioner", "chairman", "chairwoman", "chair", "leader", "head",
          "official", "officials", "envoy", "councillor", "counsellor", "lord", "sir", "dame",
          "prince", "princess", "speaker", "attorney", "treasury", "commerce", "trade",
          "interior", "finance", "security", "national", "homeland", "affairs", "of", "the",
          "house", "senior", "top", "former", "acting", "executive", "ceo", "founder",
          "co-founder", "coach", "captain", "analyst", "economist", "inspector", "sheriff",
          "detective", "officer", "sergeant", "superintendent", "cardinal", "bishop", "rabbi",
          "imam", "father", "sister", "brother", "saint", "st.", "justice", "representative",
          "delegate", "consul", "emir", "sheikh", "sultan", "crown", "supreme", "mp", "mep",
          "asia", "europe", "africa", "pacific", "policy", "intelligence", "military",
          "economic", "health", "education", "energy", "environment", "justice", "labour",
          "labor", "agriculture", "transport", "culture", "communications", "spokesman's");

  /** Nationality and country words before a title or an organisation, lower case. */
  static final Set<String> NATIONALITIES =
      words(
          "us", "u.s.", "u.s", "usa", "american", "chinese", "china", "singaporean", "singapore",
          "british", "uk", "french", "german", "russian", "japanese", "indian", "korean",
          "taiwanese", "european", "eu", "un", "australian", "canadian", "italian", "spanish",
          "israeli", "palestinian", "iranian", "turkish", "ukrainian", "polish", "dutch",
          "swedish", "brazilian", "mexican", "egyptian", "saudi", "pakistani", "afghan", "iraqi",
          "syrian", "nigerian", "kenyan", "african", "greek", "irish", "scottish", "swiss",
          "belgian", "austrian", "norwegian", "danish", "finnish", "philippine", "filipino",
          "vietnamese", "thai", "indonesian", "malaysian", "white", "federal", "state's",
          "beijing", "washington", "moscow", "london", "paris", "berlin", "tokyo");

  /** Words that make a capitalised run an organisation, lower case. */
  static final Set<String> ORGANISATION_HEADS =
      words(
          "department", "ministry", "agency", "office", "council", "commission", "committee",
          "government", "administration", "embassy", "police", "army", "navy", "court",
          "university", "institute", "bank", "fund", "organization", "organisation", "union",
          "party", "congress", "parliament", "senate", "pentagon", "kremlin", "reuters", "afp",
          "xinhua", "company", "corp.", "corp", "inc.", "group", "association", "federation",
          "service", "authority", "board", "bureau", "centre", "center", "foundation", "times",
          "post", "news", "press", "cabinet", "presidency", "palace", "forces", "command",
          "nations", "alliance", "nato", "who", "imf", "opec", "assembly", "tribunal", "states",
          "kingdom", "republic", "emirates", "house", "agency's", "network", "media", "agency");

  /** Role nouns of a description of a speaker ("the American diplomat"), lower case. */
  static final Set<String> ROLES =
      words(
          "diplomat", "minister", "secretary", "president", "spokesman", "spokeswoman",
          "spokesperson", "official", "officials", "counterpart", "leader", "envoy",
          "ambassador", "chief", "head", "adviser", "advisor", "director", "analyst", "expert",
          "experts", "source", "sources", "negotiator", "premier", "chancellor", "statement",
          "ministry", "department", "government", "administration", "authorities", "officer",
          "aide", "aides", "lawmaker", "senator", "general", "commander", "mayor", "governor",
          "economist", "researcher", "professor", "scholar");

  /** Capitalised words that start sentences and name no one, lower case. */
  static final Set<String> NOT_NAMES =
      words(
          "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "but",
          "and", "or", "if", "as", "after", "before", "since", "when", "while", "although",
          "despite", "under", "over", "with", "without", "from", "to", "by", "its", "his", "her",
          "their", "our", "my", "we", "i", "you", "he", "she", "it", "they", "there", "here",
          "meanwhile", "however", "moreover", "additionally", "instead", "also", "following",
          "according", "speaking", "calling", "shortly", "earlier", "later", "today",
          "yesterday", "tomorrow", "both", "many", "some", "several", "another", "other",
          "beyond", "such", "what", "who", "why", "how", "where", "which", "not", "no", "yes",
          "all", "each", "every", "more", "most", "much", "one", "two", "three", "during",
          "until", "about", "against", "among", "between", "through", "into", "so", "then",
          "thus", "still", "yet", "even", "only", "just", "now", "last", "next", "first",
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "source", "related", "read", "photo", "video",
          "updated", "published", "copyright", "exit", "leave", "back", "your", "required");

  /** Pronouns that take a speaker from the text before. */
  static final Set<String> PRONOUNS = Set.of("he", "she");

  /** Abbreviations whose stop is part of the word, lower case. */
  static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "gen.", "sen.", "rep.", "gov.",
          "corp.", "inc.", "lt.", "col.", "prof.", "co.", "ltd.", "no.", "vs.", "u.s.", "u.k.",
          "u.n.", "e.u.");

  // What a word is, as bits: the sets above it belongs to, and the single words the finder reads.
  static final int SPEECH_VERB = 1;
  static final int REPORTING_VERB = 1 << 1;
  static final int TITLE = 1 << 2;
  static final int NATIONALITY = 1 << 3;
  static final int ORGANISATION_HEAD = 1 << 4;
  static final int ROLE = 1 << 5;
  static final int NOT_NAME = 1 << 6;
  static final int PRONOUN = 1 << 7;
  static final int ABBREVIATION = 1 << 8;
  /** the, his, her, its, their, a, an, this, that, our. */
  static final int DETERMINER = 1 << 9;
  static final int ACCORDING = 1 << 10;
  static final int TO = 1 << 11;
  static final int THE = 1 << 12;
  static final int THIS = 1 << 13;
  static final int THAT = 1 << 14;
  static final int LATTER = 1 << 15;
  static final int WHO = 1 << 16;
  static final int TOLD = 1 << 17;
  static final int OF = 1 << 18;
  static final int COUNTERPART = 1 << 19;
  /** Bits {@link #kind} uses: a word's other bits are free for its reader. */
  static final int BITS = (1 << 20) - 1;

  /** Open addressing: each word of the lexicon by the hash of its characters, and its bits. */
  private static final String[] KEYS;

  private static final int[] KINDS;

  static {
    java.util.Map<String, Integer> kinds = new java.util.HashMap<>();
    List<Set<String>> sets =
        List.of(
            SPEECH_VERBS, REPORTING_VERBS, TITLES, NATIONALITIES, ORGANISATION_HEADS, ROLES,
            NOT_NAMES, PRONOUNS, ABBREVIATIONS,
            Set.of("the", "his", "her", "its", "their", "a", "an", "this", "that", "our"));
    for (int k = 0; k < sets.size(); k++) {
      for (String w : sets.get(k)) {
        kinds.merge(w, 1 << k, (a, b) -> a | b);
      }
    }
    String[] single = {"according", "to", "the", "this", "that", "latter", "who", "told", "of", "counterpart"};
    for (int k = 0; k < single.length; k++) {
      kinds.merge(single[k], ACCORDING << k, (a, b) -> a | b);
    }
    int size = Integer.highestOneBit(kinds.size() * 4);
    KEYS = new String[size];
    KINDS = new int[size];
    for (java.util.Map.Entry<String, Integer> e : kinds.entrySet()) {
      String w = e.getKey();
      int slot = hash(w, 0, w.length(), false) & (size - 1);
      while (KEYS[slot] != null) {
        slot = (slot + 1) & (size - 1);
      }
      KEYS[slot] = w;
      KINDS[slot] = e.getValue();
    }
  }

  /** The bits of a word, lower case already; 0 for a word the lexicon lacks. */
  static int kind(String lower) {
    return kind(lower, 0, lower.length(), false);
  }

  /**
   * The bits of the word {@code text[from..to)}, lower-cased first when {@code ascii} (the word is
   * ASCII, which lower-cases a char at a time, as {@link #lower} would); no string is made.
   */
  static int kind(String text, int from, int to, boolean ascii) {
    int mask = KEYS.length - 1;
    for (int slot = hash(text, from, to, ascii) & mask; ; slot = (slot + 1) & mask) {
      String key = KEYS[slot];
      if (key == null) {
        return 0;
      }
      if (key.length() == to - from && same(key, text, from, ascii)) {
        return KINDS[slot];
      }
    }
  }

  private static int hash(String text, int from, int to, boolean ascii) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + (ascii ? asciiLower(text.charAt(i)) : text.charAt(i));
    }
    return h ^ (h >>> 15);
  }

  private static boolean same(String key, String text, int from, boolean ascii) {
    for (int i = 0; i < key.length(); i++) {
      char c = text.charAt(from + i);
      if (key.charAt(i) != (ascii ? asciiLower(c) : c)) {
        return false;
      }
    }
    return true;
  }

  /** An ASCII character lower-cased. */
  static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** A set of the words, duplicates allowed (a word may be listed under two headings). */
  private static Set<String> words(String... words) {
    return Set.copyOf(List.of(words));
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
