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

  /** A set of the words, duplicates allowed (a word may be listed under two headings). */
  private static Set<String> words(String... words) {
    return Set.copyOf(List.of(words));
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
