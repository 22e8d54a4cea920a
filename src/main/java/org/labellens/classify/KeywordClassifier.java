package org.labellens.classify;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labellens.core.model.BodyZone;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.DimensionKind;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.Label;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.Occurrence;
import org.labellens.core.model.PatternSize;
import org.labellens.core.model.Rule;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.model.TextField;
import org.labellens.core.model.TokenKind;

/**
 * The keyword classifier: applies a taxonomy's rules to issues.
 *
 * <p>All keywords of all predicted dimensions are compiled into one {@link AhoCorasick} automaton,
 * so an issue is read once whatever the number of keywords. The text is lower-cased on the fly
 * exactly as Python's {@code str.lower()} (see {@link LowerCase}), title and body are streamed as
 * the study's {@code title + " " + body} (a phrase may straddle the join, which only dimensions
 * with {@code join} accept), and every match is mapped back to offsets in the original field text.
 * Regular-expression rules run on the original text, case-insensitively, on RE2/J: a linear-time
 * engine, so no pattern can backtrack for ever on a text an issue's author wrote. Besides, the
 * matching work an issue may cost (characters searched times the pattern's compiled size) is
 * bounded before it is done: an issue over the bound stops the run with a {@link
 * PatternWorkException} naming the rule (docs/decisions/0012).
 *
 * <p>Scoring: each counted occurrence adds its field's weight to its label's score. A set dimension
 * predicts each label whose score reaches the minimum score; a single or binary one the label with
 * the highest such score (ties by taxonomy order), else its fallback; a derived dimension (the
 * primary category) the label of its set dimension with the highest score among those predicted
 * (ties by taxonomy order), else its fallback.
 *
 * <p>An instance keeps scratch buffers between issues to stay allocation-light, so it is confined
 * to one thread: use {@link #copy()} for another thread (the compiled tables are shared).
 */
public final class KeywordClassifier {

  private static final EvidenceField[] FIELDS = EvidenceField.values();
  private static final int NF = FIELDS.length;
  private static final int REGION_TITLE = 0;
  private static final int REGION_BODY = 1;
  private static final int REGION_JOIN = 2;
  private static final int REGION_LABELS = 3;

  /** The system property raising or lowering {@link #DEFAULT_PATTERN_WORK}. */
  public static final String PATTERN_WORK_PROPERTY = "labellens.limit.patternWork";

  /**
   * Default bound on one issue's pattern-matching work, in character-instruction steps: a body of a
   * megabyte searched by a thousand-instruction pattern, several times over.
   */
  public static final long DEFAULT_PATTERN_WORK = 4_000_000_000L;

  private final Compiled c;
  private final long patternWorkLimit;
  private long patternWork;

  // scratch, reused between issues
  private final int[] slotHits;
  private final int[] slotStart;
  private final int[] slotEnd;
  private int[] touched = new int[64];
  private int touchedCount;
  private final int[] table;
  private final byte[] asciiClass;
  private int[] expansions = new int[4];
  private int feedBase;
  private int feedLength;
  private char[] chars = new char[8192];
  private int expansionCount;
  private final double[] scores;
  private final boolean[] predictedLabel;
  private final Matcher[] exclusionMatchers;

  // the issue being read
  private String title;
  private String body;
  private String labelsText;
  private int titleLength;
  private JoinedText joined;
  private BodyZones zones;
  private List<Occurrence> collector;

  private KeywordClassifier(Compiled compiled, long patternWorkLimit) {
    this.c = compiled;
    this.patternWorkLimit = patternWorkLimit;
    int slots = compiled.sinks.length * NF;
    this.slotHits = new int[slots];
    this.slotStart = new int[slots];
    this.slotEnd = new int[slots];
    this.table = compiled.automaton.table();
    this.asciiClass = compiled.asciiClass;
    this.scores = new double[compiled.labelCount];
    this.predictedLabel = new boolean[compiled.labelCount];
    this.exclusionMatchers = new Matcher[compiled.exclusionPatterns.size()];
  }

  /**
   * Compiles a taxonomy's rules, with the per-issue pattern work bound of the {@value
   * #PATTERN_WORK_PROPERTY} system property, else {@link #DEFAULT_PATTERN_WORK}.
   */
  public static KeywordClassifier forTaxonomy(Taxonomy taxonomy) {
    return forTaxonomy(taxonomy, patternWorkLimit());
  }

  /** Compiles a taxonomy's rules, with the given per-issue pattern work bound. */
  public static KeywordClassifier forTaxonomy(Taxonomy taxonomy, long patternWorkLimit) {
    return new KeywordClassifier(new Compiled(taxonomy), patternWorkLimit);
  }

  /** The per-issue pattern work bound set by the system property, else the default. */
  public static long patternWorkLimit() {
    String v = System.getProperty(PATTERN_WORK_PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_PATTERN_WORK;
    }
    try {
      long limit = Long.parseLong(v.strip().replace("_", ""));
      if (limit > 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new org.labellens.core.BadInputException(
        "-D" + PATTERN_WORK_PROPERTY + "=" + v + " is not a positive whole number");
  }

  /** A classifier for another thread, sharing the compiled rules. */
  public KeywordClassifier copy() {
    return new KeywordClassifier(c, patternWorkLimit);
  }

  /**
   * Compiles a taxonomy pattern as the classifier runs it (case-insensitive, RE2/J syntax).
   *
   * @throws IllegalArgumentException naming why the pattern is refused
   */
  public static Pattern compile(String pattern) {
    PatternSize.problem(pattern)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("pattern /" + pattern + "/ is too large: " + why);
            });
    try {
      return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression /" + pattern + "/: " + e.getDescription(), e);
    }
  }

  public Taxonomy taxonomy() {
    return c.taxonomy;
  }

  /** Classifies one issue. */
  public Classification classify(IssueText issue) {
    scan(issue, null);
    return result(issue);
  }

  /**
   * Every occurrence of every rule in the issue, counted or not, ordered by field and offset, for
   * the window to colour. (The classification keeps only the first occurrence per keyword and
   * field, with a hit count.)
   */
  public List<Occurrence> highlight(IssueText issue) {
    List<Occurrence> all = new ArrayList<>();
    scan(issue, all);
    computePredictions();
    List<Occurrence> out = new ArrayList<>(all.size());
    for (Occurrence o : all) {
      if (o.status() == Occurrence.Status.COUNTED) {
        int dim = c.dimensionIndex.get(o.dimension());
        int label = c.labelBase[dim] + c.taxonomy.dimensions().get(dim).indexOf(o.label());
        if (!predictedLabel[label]) {
          o =
              new Occurrence(
                  o.dimension(),
                  o.label(),
                  o.keyword(),
                  o.field(),
                  o.start(),
                  o.end(),
                  Occurrence.Status.BELOW_MIN_SCORE);
        }
      }
      out.add(o);
    }
    out.sort(
        Comparator.comparingInt((Occurrence o) -> fieldOrder(o.field()))
            .thenComparingInt(Occurrence::start)
            .thenComparingInt(Occurrence::end));
    resetSlots();
    return out;
  }

  private static int fieldOrder(EvidenceField field) {
    return switch (field) {
      case TITLE -> 0;
      case TITLE_BODY -> 1;
      case LABELS -> 3;
      default -> 2;
    };
  }

  /** The zones the classifier sees in a body (one prose zone when the taxonomy does not zone). */
  public BodyZones zones(String body) {
    return c.anyZones ? BodyZoner.zone(body) : BodyZones.prose(body.length());
  }

  // ---------------------------------------------------------------- scanning

  private void scan(IssueText issue, List<Occurrence> collector) {
    this.collector = collector;
    this.title = issue.title();
    this.body = issue.body();
    this.titleLength = title.length();
    this.joined = new JoinedText(title, body);
    this.zones = null;
    tokenText = null;
    patternWork = 0;
    touchedCount = 0;
    if (c.automaton.patternCount() > 0) {
      expansionCount = 0;
      load(title, 0);
      int state = feed(title, 0, AhoCorasick.root(), REGION_TITLE, 0, titleLength);
      int v = table[state + asciiClass[' ']];
      state = v & ~AhoCorasick.OUTPUT_FLAG;
      if (v < 0) {
        emit(state, titleLength + expansionCount, titleLength + 1, REGION_JOIN);
      }
      load(body, titleLength + 1);
      if (c.anyZones) {
        zones = BodyZoner.zone(body, chars);
      }
      if (zones != null && c.skippableZones != 0 && collector == null) {
        feedCountedZones();
      } else {
        feed(body, titleLength + 1, state, REGION_BODY, 0, body.length());
      }
      if (c.searchesLabels && !issue.labels().isEmpty()) {
        labelsText = issue.labelsText();
        expansionCount = 0;
        load(labelsText, 0);
        feed(labelsText, 0, AhoCorasick.root(), REGION_LABELS, 0, labelsText.length());
      }
    }
    if (!c.regexSinks.isEmpty()) {
      scanPatterns(issue);
    }
  }

  /**
   * Runs the automaton over {@code text}, whose first char has coordinate {@code base}: title chars
   * are at 0..T-1, the joining space at T, body chars at T+1.., so one coordinate space serves the
   * study's joined text. Labels have their own space.
   *
   * <p>Lower-casing maps one char to one char except 'İ', which becomes two; the positions of those
   * extra chars are kept in {@code expansions} (rare) to map a match's start back to the original
   * text.
   */
  private int feed(String text, int base, int state, int region, int from, int to) {
    final int[] table = this.table;
    final byte[] ascii = this.asciiClass;
    final char[] buffer = chars;
    final int n = text.length();
    int i = from;
    while (i < to) {
      char ch = buffer[i];
      if (ch < 128) {
        int v = table[state + ascii[ch]];
        state = v & ~AhoCorasick.OUTPUT_FLAG;
        if (v < 0) {
          emit(state, base + i + expansionCount, base + i + 1, region);
        }
        i++;
      } else {
        long lower = LowerCase.at(text, 0, n, i);
        int consumed = LowerCase.consumed(lower);
        int coord = base + i;
        int v = table[state + c.automaton.charClass(LowerCase.first(lower))];
        state = v & ~AhoCorasick.OUTPUT_FLAG;
        if (v < 0) {
          emit(state, coord + expansionCount, coord + consumed, region);
        }
        if (LowerCase.count(lower) == 2) {
          if (expansionCount == expansions.length) {
            expansions = Arrays.copyOf(expansions, expansionCount * 2);
          }
          // the extra char's lower-cased index: its coordinate plus all expansions so far
          expansions[expansionCount] = coord + expansionCount + 1;
          expansionCount++;
          v = table[state + c.automaton.charClass(LowerCase.second(lower))];
          state = v & ~AhoCorasick.OUTPUT_FLAG;
          if (v < 0) {
            emit(state, coord + expansionCount, coord + consumed, region);
          }
        }
        i += consumed;
      }
    }
    return state;
  }

  /** Copies a field into the scan buffer, so word boundaries can be checked on it. */
  private void load(String text, int base) {
    int n = text.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    text.getChars(0, n, chars, 0);
    loadedText = text;
    tokenText = null;
    feedBase = base;
    feedLength = n;
  }

  /**
   * Runs the automaton over the body zones that can count, skipping those every rule weighs 0 (for
   * llm-serving-v2: environment dumps and template text, about 40% of body text). A zone boundary
   * is a line start, so no keyword match is lost except ones starting in a skipped zone, which
   * would not count. (The title/body join is never used with skipping.)
   */
  private void feedCountedZones() {
    int base = titleLength + 1;
    int k = 0;
    int size = zones.size();
    while (k < size) {
      if ((c.skippableZones & (1 << zones.kind(k).ordinal())) != 0) {
        k++;
        continue;
      }
      int from = zones.start(k);
      while (k < size && (c.skippableZones & (1 << zones.kind(k).ordinal())) == 0) {
        k++;
      }
      feed(body, base, AhoCorasick.root(), REGION_BODY, from, zones.end(k - 1));
    }
  }

  /** The original coordinate of the lower-cased char at {@code folded}. */
  private int coordinate(int folded) {
    int k = Arrays.binarySearch(expansions, 0, expansionCount, folded);
    int before = k >= 0 ? k + 1 : -k - 1;
    return folded - before;
  }

  /**
   * Every pattern ending in {@code state}, whose last lower-cased char has index {@code folded};
   * the match ends at coordinate {@code end} (exclusive).
   */
  private void emit(int state, int folded, int end, int region) {
    AhoCorasick ac = c.automaton;
    for (int k = ac.outputStart(state), e = ac.outputEnd(state); k < e; k++) {
      int id = ac.outputPattern(k);
      int first = folded + 1 - ac.patternLength(id);
      int start = expansionCount == 0 ? first : coordinate(first);
      int boundary = c.patternBoundary[id];
      boolean bounded = false;
      if (boundary != 0 && region != REGION_JOIN) {
        // most raw hits of a word keyword sit inside a longer word: decide here, once per
        // pattern, from the neighbouring characters when they are ASCII or field edges
        int before = start - feedBase - 1;
        int after = end - feedBase;
        if (before >= -1 && after <= feedLength) {
          char b = before < 0 ? ' ' : chars[before];
          char a = after == feedLength ? ' ' : chars[after];
          if (b < 128 && ASCII_WORD[b]) {
            continue;
          }
          if ((boundary & NEEDS_END) != 0 && a < 128 && ASCII_WORD[a]) {
            continue;
          }
          bounded = b < 128 && a < 128;
        }
      }
      int where = region;
      if (region != REGION_LABELS) {
        if (end <= titleLength) {
          where = REGION_TITLE;
        } else if (start > titleLength) {
          where = REGION_BODY;
        } else {
          where = REGION_JOIN;
        }
      }
      for (Sink sink : c.patternSinks[id]) {
        match(sink, start, end, where, bounded);
      }
    }
  }

  /**
   * One occurrence of a sink's keyword at [start, end).
   *
   * @param bounded the word boundaries were already checked (they hold for every word sink)
   */
  private void match(Sink sink, int start, int end, int region, boolean bounded) {
    // the field's own text and offsets (the joined text only for a phrase across the join)
    CharSequence text;
    int fieldStart = start;
    int fieldEnd = end;
    EvidenceField field;
    switch (region) {
      case REGION_TITLE -> {
        if ((sink.fields & TITLE_BIT) == 0) {
          return;
        }
        text = title;
        field = EvidenceField.TITLE;
      }
      case REGION_BODY -> {
        if ((sink.fields & BODY_BIT) == 0) {
          return;
        }
        text = body;
        fieldStart = start - titleLength - 1;
        fieldEnd = end - titleLength - 1;
        field = null;
      }
      case REGION_JOIN -> {
        if (!sink.join || (sink.fields & (TITLE_BIT | BODY_BIT)) != (TITLE_BIT | BODY_BIT)) {
          return;
        }
        text = joined;
        field = EvidenceField.TITLE_BODY;
      }
      default -> {
        if ((sink.fields & LABELS_BIT) == 0) {
          return;
        }
        text = labelsText;
        field = EvidenceField.LABELS;
      }
    }
    int to = text.length();
    if (sink.word && !bounded) {
      if (fieldStart > 0 && isWordChar(Character.codePointBefore(text, fieldStart))) {
        return;
      }
      if (!sink.prefix && fieldEnd < to && isWordChar(Character.codePointAt(text, fieldEnd))) {
        return;
      }
    }
    if (field == null) {
      field = sink.zones ? zones.zoneAt(fieldStart).field() : EvidenceField.BODY;
    }
    // exclusions only matter for occurrences that would count (or are being highlighted)
    boolean excluded = false;
    if (sink.weights[field.ordinal()] != 0 || collector != null) {
      excluded =
          (sink.exclusionPhrases.length > 0 && insidePhrase(sink, text, 0, to, fieldStart))
              || (sink.excludeTokens != 0
                  && (tokenKinds(text, 0, to, fieldStart, fieldEnd) & sink.excludeTokens) != 0)
              || (sink.exclusionPatterns.length > 0
                  && insidePattern(sink, region, fieldStart, fieldEnd));
    }
    record(sink, field, fieldStart, fieldEnd, excluded);
  }

  // ---------------------------------------------------------------- token exclusions

  /** How far a token is followed from an occurrence on either side. */
  static final int TOKEN_REACH = 512;

  private static final int URL_BIT = 1 << TokenKind.URL.ordinal();
  private static final int PATH_BIT = 1 << TokenKind.PATH.ordinal();
  private static final int MODULE_BIT = 1 << TokenKind.MODULE.ordinal();
  private static final int FILE_BIT = 1 << TokenKind.FILE.ordinal();

  private static final List<String> FILE_EXTENSIONS =
      List.of(
          "gguf",
          "bin",
          "safetensors",
          "pt",
          "pth",
          "onnx",
          "ggml",
          "py",
          "cpp",
          "cc",
          "c",
          "h",
          "hpp",
          "cu",
          "cuh",
          "metal",
          "json",
          "jsonl",
          "yaml",
          "yml",
          "toml",
          "txt",
          "sh",
          "md",
          "log",
          "so",
          "dll",
          "dylib",
          "whl",
          "ipynb",
          "csv",
          "cmake");

  // the token around the last occurrence checked, reused by the next occurrences in it
  private CharSequence tokenText;
  private CharSequence loadedText;
  private char[] scratch = new char[64];
  private int tokenStart;
  private int tokenEnd;
  private int tokenKinds;

  /**
   * The kinds ({@link TokenKind} bits) of the token around [start, end): the run of characters
   * without whitespace or {@code ( ) [ ] { } < > " ' ` , ; |}, followed at most {@link
   * #TOKEN_REACH} characters either way.
   */
  private int tokenKinds(CharSequence text, int from, int to, int start, int end) {
    if (text == tokenText && start >= tokenStart && end <= tokenEnd) {
      return tokenKinds;
    }
    char[] a;
    int shift;
    if (text == loadedText) {
      // the field being read is in the scan buffer
      a = chars;
      shift = 0;
    } else {
      // a phrase across the join, or a pattern rule: copy the neighbourhood
      int lo = Math.max(from, start - TOKEN_REACH);
      int hi = Math.min(to, end + TOKEN_REACH);
      if (scratch.length < hi - lo) {
        scratch = new char[hi - lo];
      }
      for (int i = lo; i < hi; i++) {
        scratch[i - lo] = text.charAt(i);
      }
      a = scratch;
      shift = lo;
      from = lo;
      to = hi;
    }
    int s = start - shift;
    int limit = Math.max(from - shift, s - TOKEN_REACH);
    while (s > limit && !isTokenDelimiter(a[s - 1])) {
      s--;
    }
    int e = end - shift;
    int endLimit = Math.min(to - shift, e + TOKEN_REACH);
    while (e < endLimit && !isTokenDelimiter(a[e])) {
      e++;
    }
    tokenText = text;
    tokenStart = s + shift;
    tokenEnd = e + shift;
    tokenKinds = classifyToken(a, s, e);
    return tokenKinds;
  }

  private static boolean isTokenDelimiter(char c) {
    switch (c) {
      case ' ',
          '\t',
          '\n',
          '\r',
          '\f',
          '(',
          ')',
          '[',
          ']',
          '{',
          '}',
          '<',
          '>',
          '"',
          '\'',
          '`',
          ',',
          ';',
          '|' -> {
        return true;
      }
      default -> {
        return Character.isWhitespace(c);
      }
    }
  }

  /** The {@link TokenKind} bits of the token text[s, e). */
  static int classifyToken(CharSequence text, int s, int e) {
    char[] a = new char[e - s];
    for (int i = s; i < e; i++) {
      a[i - s] = text.charAt(i);
    }
    return classifyToken(a, 0, a.length);
  }

  /** The {@link TokenKind} bits of the token a[s, e). */
  private static int classifyToken(char[] text, int s, int e) {
    int kinds = 0;
    int slashes = 0;
    int backslashes = 0;
    for (int i = s; i < e; i++) {
      char c = text[i];
      if (c == '/') {
        slashes++;
        if (i + 2 < e && i > s && text[i - 1] == ':' && text[i + 1] == '/') {
          kinds |= URL_BIT;
        }
      } else if (c == '\\') {
        backslashes++;
      }
    }
    if (e - s > 4 && regionMatchesIgnoreCase(text, s, "www.")) {
      kinds |= URL_BIT;
    }
    if (slashes >= 2 || backslashes >= 2) {
      kinds |= PATH_BIT;
    }
    // trailing punctuation is not part of a module or file name
    int t = e;
    while (t > s && ".:!?".indexOf(text[t - 1]) >= 0) {
      t--;
    }
    if (isModulePath(text, s, t)) {
      kinds |= MODULE_BIT;
    }
    int dot = -1;
    for (int i = t - 1; i > s; i--) {
      char c = text[i];
      if (c == '.') {
        dot = i;
        break;
      }
      if (!Character.isLetterOrDigit(c)) {
        break;
      }
    }
    if (dot > s && isFileExtension(text, dot + 1, t)) {
      kinds |= FILE_BIT;
    }
    return kinds;
  }

  private static boolean isFileExtension(char[] text, int s, int e) {
    int length = e - s;
    for (String ext : FILE_EXTENSIONS) {
      if (ext.length() == length && regionMatchesIgnoreCase(text, s, ext)) {
        return true;
      }
    }
    return false;
  }

  /** Three or more identifiers joined by dots, e.g. {@code torch.distributed.elastic}. */
  private static boolean isModulePath(char[] text, int s, int e) {
    int parts = 0;
    int i = s;
    while (i < e) {
      char c = text[i];
      if (!(Character.isLetter(c) || c == '_')) {
        return false;
      }
      i++;
      while (i < e && (Character.isLetterOrDigit(text[i]) || text[i] == '_')) {
        i++;
      }
      parts++;
      if (i < e) {
        if (text[i] != '.') {
          return false;
        }
        i++;
        if (i == e) {
          return false;
        }
      }
    }
    return parts >= 3;
  }

  private static boolean regionMatchesIgnoreCase(char[] text, int at, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      if (Character.toLowerCase(text[at + k]) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void record(Sink sink, EvidenceField field, int start, int end, boolean excluded) {
    double weight = sink.weights[field.ordinal()];
    if (collector != null) {
      Occurrence.Status status =
          excluded
              ? Occurrence.Status.EXCLUDED
              : weight == 0 ? Occurrence.Status.IGNORED_FIELD : Occurrence.Status.COUNTED;
      collector.add(
          new Occurrence(sink.dimension, sink.labelId, sink.keyword, field, start, end, status));
    }
    if (excluded || weight == 0) {
      return;
    }
    int slot = sink.id * NF + field.ordinal();
    if (slotHits[slot]++ == 0) {
      slotStart[slot] = start;
      slotEnd[slot] = end;
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touchedCount * 2);
      }
      touched[touchedCount++] = slot;
    }
  }

  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char ch = 0; ch < 128; ch++) {
      ASCII_WORD[ch] = ch == '_' || Character.isLetterOrDigit(ch);
    }
  }

  private static final int NEEDS_START = 1;
  private static final int NEEDS_END = 2;

  private static boolean isWordChar(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  /**
   * Whether the keyword occurrence starting at {@code start} lies inside one of the sink's
   * exclusion phrases: the phrase's lower-cased text must appear in the text with the keyword at
   * the phrase's offset.
   */
  private static boolean insidePhrase(Sink sink, CharSequence text, int from, int to, int start) {
    for (int k = 0; k < sink.exclusionPhrases.length; k++) {
      String phrase = sink.exclusionPhrases[k];
      int offset = sink.exclusionOffsets[k];
      // walk back `offset` lower-cased chars; only 'İ' lower-cases to two chars
      int s = start;
      int folded = 0;
      while (folded < offset && s > from) {
        s--;
        if (Character.isLowSurrogate(text.charAt(s))
            && s > from
            && Character.isHighSurrogate(text.charAt(s - 1))) {
          s--;
          folded += 2;
        } else {
          folded += text.charAt(s) == '\u0130' ? 2 : 1;
        }
      }
      if (folded != offset) {
        continue;
      }
      if (lowerStartsWith(text, from, to, s, phrase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean lowerStartsWith(
      CharSequence text, int from, int to, int at, String lowerPrefix) {
    int i = at;
    int k = 0;
    int n = lowerPrefix.length();
    while (k < n) {
      if (i >= to) {
        return false;
      }
      long lower = LowerCase.at(text, from, to, i);
      if (LowerCase.first(lower) != lowerPrefix.charAt(k++)) {
        return false;
      }
      if (LowerCase.count(lower) == 2) {
        if (k >= n) {
          return true;
        }
        if (LowerCase.second(lower) != lowerPrefix.charAt(k++)) {
          return false;
        }
      }
      i += LowerCase.consumed(lower);
    }
    return true;
  }

  /** How far around an occurrence an exclusion pattern is looked for, on either side. */
  static final int PATTERN_REACH = 64;

  /**
   * Whether [start, end) (field offsets; joined offsets for the join) lies inside a match of one of
   * the sink's exclusion patterns, looked for within {@link #PATTERN_REACH} characters around it
   * (word boundaries at the window's edges see one character beyond it).
   */
  private boolean insidePattern(Sink sink, int region, int start, int end) {
    CharSequence text =
        switch (region) {
          case REGION_TITLE -> title;
          case REGION_BODY -> body;
          case REGION_JOIN -> joined;
          default -> labelsText;
        };
    int lo = Math.max(0, start - PATTERN_REACH);
    int hi = Math.min(text.length(), end + PATTERN_REACH);
    // one character of context on either side, so that \b at the window's edges sees the text
    int from = Math.max(0, lo - 1);
    int to = Math.min(text.length(), hi + 1);
    CharBuffer window = CharBuffer.wrap(text, from, to);
    for (int p : sink.exclusionPatterns) {
      Pattern pattern = c.exclusionPatterns.get(p);
      charge(sink, pattern, to - from);
      Matcher m = exclusionMatchers[p];
      if (m == null) {
        m = pattern.matcher(window);
        exclusionMatchers[p] = m;
      } else {
        m.reset(window);
      }
      int at = lo - from;
      while (at <= to - from && m.find(at)) {
        int s = m.start() + from;
        int e = m.end() + from;
        if (s > start) {
          break;
        }
        if (e >= end && e > s && e <= hi) {
          return true;
        }
        at = e > s ? m.end() : m.end() + 1;
      }
    }
    return false;
  }

  /**
   * Adds a search of {@code chars} characters by {@code pattern} to this issue's pattern work, and
   * refuses it, before it is done, when that would exceed the bound.
   */
  private void charge(Sink sink, Pattern pattern, int chars) {
    long cost = (long) chars * Math.max(1, pattern.programSize());
    patternWork += cost;
    if (patternWork > patternWorkLimit || patternWork < 0) {
      throw new PatternWorkException(
          sink.dimension, sink.labelId, pattern.pattern(), chars, patternWorkLimit);
    }
  }

  private void scanPatterns(IssueText issue) {
    if (c.anyZones && zones == null) {
      zones = BodyZoner.zone(body);
    }
    for (Sink sink : c.regexSinks) {
      if ((sink.fields & TITLE_BIT) != 0) {
        scanPattern(sink, title, REGION_TITLE);
      }
      if ((sink.fields & BODY_BIT) != 0) {
        scanPattern(sink, body, REGION_BODY);
      }
      if ((sink.fields & LABELS_BIT) != 0 && !issue.labels().isEmpty()) {
        if (labelsText == null) {
          labelsText = issue.labelsText();
        }
        scanPattern(sink, labelsText, REGION_LABELS);
      }
    }
  }

  private void scanPattern(Sink sink, String text, int region) {
    charge(sink, sink.regex, text.length());
    Matcher m = sink.regex.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      if (end == start) {
        continue;
      }
      EvidenceField field =
          switch (region) {
            case REGION_TITLE -> EvidenceField.TITLE;
            case REGION_BODY -> sink.zones ? zones.zoneAt(start).field() : EvidenceField.BODY;
            default -> EvidenceField.LABELS;
          };
      boolean excluded =
          (sink.excludeTokens != 0
                  && (tokenKinds(text, 0, text.length(), start, end) & sink.excludeTokens) != 0)
              || (sink.exclusionPatterns.length > 0 && insidePattern(sink, region, start, end));
      record(sink, field, start, end, excluded);
    }
  }

  // ---------------------------------------------------------------- results

  private void computePredictions() {
    Arrays.fill(scores, 0);
    Arrays.fill(predictedLabel, false);
    for (int t = 0; t < touchedCount; t++) {
      int slot = touched[t];
      Sink sink = c.sinks[slot / NF];
      int hits = slotHits[slot];
      if (sink.maxHits > 0 && hits > sink.maxHits) {
        hits = sink.maxHits;
      }
      scores[sink.label] += sink.weights[slot % NF] * hits;
    }
    for (int d : c.predictedDimensions) {
      Dimension dim = c.taxonomy.dimensions().get(d);
      int base = c.labelBase[d];
      int n = dim.labels().size();
      double min = dim.matching().minScore();
      if (dim.kind() == DimensionKind.SET) {
        for (int l = 0; l < n; l++) {
          predictedLabel[base + l] = scores[base + l] >= min;
        }
      } else {
        int best = -1;
        for (int l = 0; l < n; l++) {
          if (scores[base + l] >= min && (best < 0 || scores[base + l] > scores[base + best])) {
            best = l;
          }
        }
        predictedLabel[base + (best >= 0 ? best : dim.indexOf(dim.fallback()))] = true;
      }
    }
  }

  private Classification result(IssueText issue) {
    computePredictions();
    Map<String, List<String>> predicted = new LinkedHashMap<>();
    for (int d = 0; d < c.taxonomy.dimensions().size(); d++) {
      Dimension dim = c.taxonomy.dimensions().get(d);
      if (dim.isPredicted()) {
        List<String> labels = new ArrayList<>(2);
        for (int l = 0; l < dim.labels().size(); l++) {
          if (predictedLabel[c.labelBase[d] + l]) {
            labels.add(dim.labels().get(l).id());
          }
        }
        predicted.put(dim.id(), List.copyOf(labels));
      } else if (dim.isDerived()) {
        predicted.put(dim.id(), List.of(derived(dim)));
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    if (touchedCount > 0) {
      Arrays.sort(touched, 0, touchedCount);
      for (int t = 0; t < touchedCount; t++) {
        int slot = touched[t];
        Sink sink = c.sinks[slot / NF];
        if (predictedLabel[sink.label]) {
          evidence.add(
              new Evidence(
                  sink.dimension,
                  sink.labelId,
                  sink.keyword,
                  FIELDS[slot % NF].key(),
                  slotStart[slot],
                  slotEnd[slot],
                  slotHits[slot]));
        }
      }
    }
    if (c.duplicateKeywords && evidence.size() > 1) {
      evidence = merge(evidence);
    }
    String primary = c.primaryDimension == null ? null : primaryValue(predicted);
    Boolean production = null;
    if (c.taxonomy.frames().hasProduction()) {
      production =
          predicted
              .getOrDefault(c.taxonomy.frames().productionDimension(), List.of())
              .contains(c.taxonomy.frames().productionLabel());
    }
    Boolean bugPerf = null;
    if (c.bugPerfLabels != null) {
      bugPerf = false;
      for (String label : issue.labels()) {
        if (c.bugPerfLabels.contains(LowerCase.of(label))) {
          bugPerf = true;
          break;
        }
      }
    }
    resetSlots();
    return new Classification(predicted, primary, production, bugPerf, evidence);
  }

  /**
   * One evidence row per (dimension, label, keyword, field) even when a keyword is listed in two
   * rules of a label: hits are added, the first occurrence is kept.
   */
  private static List<Evidence> merge(List<Evidence> evidence) {
    Map<String, Evidence> merged = new LinkedHashMap<>();
    for (Evidence e : evidence) {
      String key =
          e.dimension() + '\u0000' + e.label() + '\u0000' + e.keyword() + '\u0000' + e.field();
      Evidence previous = merged.get(key);
      if (previous == null) {
        merged.put(key, e);
      } else {
        Evidence first = previous.start() <= e.start() ? previous : e;
        merged.put(
            key,
            new Evidence(
                e.dimension(),
                e.label(),
                e.keyword(),
                e.field(),
                first.start(),
                first.end(),
                previous.hits() + e.hits()));
      }
    }
    return new ArrayList<>(merged.values());
  }

  private String primaryValue(Map<String, List<String>> predicted) {
    Dimension dim = c.primaryDimension;
    if (dim.isDerived()) {
      return predicted.get(dim.id()).get(0);
    }
    // no derived dimension: the best label of the category dimension, or "other"
    int d = c.dimensionIndex.get(dim.id());
    return best(d, dim).orElse("other");
  }

  private String derived(Dimension dim) {
    int d = c.dimensionIndex.get(dim.derivedFrom());
    Dimension source = c.taxonomy.dimensions().get(d);
    return best(d, source).orElse(dim.fallback());
  }

  private java.util.Optional<String> best(int d, Dimension source) {
    int base = c.labelBase[d];
    int best = -1;
    for (int l = 0; l < source.labels().size(); l++) {
      if (predictedLabel[base + l] && (best < 0 || scores[base + l] > scores[base + best])) {
        best = l;
      }
    }
    return best < 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(source.labels().get(best).id());
  }

  private void resetSlots() {
    for (int t = 0; t < touchedCount; t++) {
      slotHits[touched[t]] = 0;
    }
    touchedCount = 0;
    collector = null;
    labelsText = null;
  }

  // ---------------------------------------------------------------- compiled rules

  private static final int TITLE_BIT = 1;
  private static final int BODY_BIT = 2;
  private static final int LABELS_BIT = 4;

  /** One keyword or pattern of one rule of one label: the unit evidence is kept for. */
  private static final class Sink {
    int id;
    String dimension;
    String labelId;
    int label;
    String keyword;
    boolean word;
    boolean prefix;
    boolean join;
    boolean zones;
    int fields;
    int maxHits;
    double[] weights;
    String[] exclusionPhrases = new String[0];
    int[] exclusionOffsets = new int[0];
    int[] exclusionPatterns = new int[0];
    int excludeTokens;
    Pattern regex;
  }

  /** A taxonomy's rules compiled for matching. Immutable, shared between copies. */
  private static final class Compiled {
    final Taxonomy taxonomy;
    final AhoCorasick automaton;
    final Sink[] sinks;
    final Sink[][] patternSinks;

    /** Per pattern: the word boundaries every one of its sinks needs (NEEDS_START, NEEDS_END). */
    final int[] patternBoundary;

    final List<Sink> regexSinks = new ArrayList<>();
    final List<Pattern> exclusionPatterns = new ArrayList<>();
    final byte[] asciiClass = new byte[128];
    final int[] labelBase;
    final int labelCount;
    final int[] predictedDimensions;
    final Map<String, Integer> dimensionIndex = new HashMap<>();
    final Dimension primaryDimension;
    final Set<String> bugPerfLabels;
    final boolean anyZones;

    /** Body zones every rule weighs 0 (bits by ordinal), skipped by classify() when zoning. */
    final int skippableZones;

    final boolean duplicateKeywords;
    final boolean searchesLabels;

    Compiled(Taxonomy taxonomy) {
      this.taxonomy = taxonomy;
      List<Dimension> dims = taxonomy.dimensions();
      labelBase = new int[dims.size()];
      int labels = 0;
      List<Integer> predicted = new ArrayList<>();
      for (int d = 0; d < dims.size(); d++) {
        dimensionIndex.put(dims.get(d).id(), d);
        labelBase[d] = labels;
        labels += dims.get(d).labels().size();
        if (dims.get(d).isPredicted()) {
          predicted.add(d);
        }
      }
      labelCount = labels;
      predictedDimensions = predicted.stream().mapToInt(Integer::intValue).toArray();
      Map<String, Integer> exclusionIds = new HashMap<>();
      Map<String, Integer> patternIds = new LinkedHashMap<>();
      List<List<Sink>> byPattern = new ArrayList<>();
      List<Sink> all = new ArrayList<>();
      boolean zonesUsed = false;
      boolean labelsUsed = false;
      for (int d : predictedDimensions) {
        Dimension dim = dims.get(d);
        double[] weights = new double[NF];
        for (EvidenceField f : FIELDS) {
          weights[f.ordinal()] = dim.matching().weight(f);
        }
        zonesUsed |= dim.matching().zoneBody();
        int[] dimExclusions = exclusionIds(dim.matching().excludePatterns(), exclusionIds);
        for (int l = 0; l < dim.labels().size(); l++) {
          Label label = dim.labels().get(l);
          for (Rule rule : label.rules()) {
            int fields = 0;
            for (TextField f : rule.fields()) {
              fields |=
                  f == TextField.TITLE ? TITLE_BIT : f == TextField.BODY ? BODY_BIT : LABELS_BIT;
            }
            labelsUsed |= (fields & LABELS_BIT) != 0;
            int[] exclusions =
                concat(dimExclusions, exclusionIds(rule.excludePatterns(), exclusionIds));
            double[] ruleWeights = weights;
            if (!rule.weights().isEmpty()) {
              ruleWeights = weights.clone();
              for (Map.Entry<EvidenceField, Double> w : rule.weights().entrySet()) {
                ruleWeights[w.getKey().ordinal()] = w.getValue();
              }
            }
            int tokens = 0;
            for (TokenKind kind : dim.matching().excludeTokens()) {
              tokens |= 1 << kind.ordinal();
            }
            for (TokenKind kind : rule.excludeTokens()) {
              tokens |= 1 << kind.ordinal();
            }
            for (String keyword : rule.keywords()) {
              Sink sink = sink(dim, label, labelBase[d] + l, ruleWeights, fields, exclusions, all);
              sink.excludeTokens = tokens;
              sink.keyword = keyword;
              sink.word = rule.mode() == MatchMode.WORD;
              sink.prefix = sink.word && keyword.endsWith("*");
              String text = sink.prefix ? keyword.substring(0, keyword.length() - 1) : keyword;
              String lower = LowerCase.of(text);
              phrases(sink, rule.exclude(), lower);
              Integer id = patternIds.get(lower);
              if (id == null) {
                id = patternIds.size();
                patternIds.put(lower, id);
                byPattern.add(new ArrayList<>());
              }
              byPattern.get(id).add(sink);
            }
            for (String pattern : rule.patterns()) {
              Sink sink = sink(dim, label, labelBase[d] + l, ruleWeights, fields, exclusions, all);
              sink.excludeTokens = tokens;
              sink.keyword = "/" + pattern + "/";
              sink.regex = compile(pattern);
              regexSinks.add(sink);
            }
          }
        }
      }
      sinks = all.toArray(new Sink[0]);
      // a keyword listed in two rules of a label gives two evidence rows for one field only when
      // both rules search that field; then the rows are merged
      Map<String, Integer> fieldsSeen = new HashMap<>();
      boolean duplicates = false;
      for (Sink sink : sinks) {
        String key = sink.dimension + '\u0000' + sink.labelId + '\u0000' + sink.keyword;
        int before = fieldsSeen.getOrDefault(key, 0);
        duplicates |= (before & sink.fields) != 0;
        fieldsSeen.put(key, before | sink.fields);
      }
      duplicateKeywords = duplicates;
      automaton = AhoCorasick.build(new ArrayList<>(patternIds.keySet()));
      if (automaton.classCount() > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("keywords use too many distinct characters");
      }
      for (char ch = 0; ch < 128; ch++) {
        asciiClass[ch] = (byte) automaton.charClass(LowerCase.ascii(ch));
      }
      patternSinks = new Sink[byPattern.size()][];
      patternBoundary = new int[byPattern.size()];
      for (int i = 0; i < byPattern.size(); i++) {
        patternSinks[i] = byPattern.get(i).toArray(new Sink[0]);
        int boundary = NEEDS_START | NEEDS_END;
        for (Sink sink : patternSinks[i]) {
          if (!sink.word) {
            boundary = 0;
          } else if (sink.prefix) {
            boundary &= ~NEEDS_END;
          }
        }
        patternBoundary[i] = boundary;
      }
      Pattern[] ordered = new Pattern[exclusionIds.size()];
      exclusionIds.forEach((p, id) -> ordered[id] = compile(p));
      exclusionPatterns.addAll(Arrays.asList(ordered));
      anyZones = zonesUsed;
      int skippable = 0;
      boolean join = false;
      for (int d : predictedDimensions) {
        join |= dims.get(d).matching().joinTitleBody();
      }
      if (zonesUsed && !join && regexSinks.isEmpty()) {
        for (BodyZone zone : BodyZone.values()) {
          boolean zero = true;
          for (Sink sink : sinks) {
            zero &= sink.weights[zone.field().ordinal()] == 0;
          }
          if (zero) {
            skippable |= 1 << zone.ordinal();
          }
        }
      }
      skippableZones = skippable;
      searchesLabels = labelsUsed;
      primaryDimension = taxonomy.primaryDimension().orElse(null);
      if (taxonomy.frames().hasBugPerf()) {
        Set<String> lower = new HashSet<>();
        for (String label : taxonomy.frames().bugPerfLabels()) {
          lower.add(LowerCase.of(label));
        }
        bugPerfLabels = Set.copyOf(lower);
      } else {
        bugPerfLabels = null;
      }
    }

    private static Sink sink(
        Dimension dim,
        Label label,
        int labelIndex,
        double[] weights,
        int fields,
        int[] exclusions,
        List<Sink> all) {
      Sink sink = new Sink();
      sink.id = all.size();
      sink.dimension = dim.id();
      sink.labelId = label.id();
      sink.label = labelIndex;
      sink.join = dim.matching().joinTitleBody();
      sink.zones = dim.matching().zoneBody();
      sink.fields = fields;
      sink.maxHits = dim.matching().maxHits();
      sink.weights = weights;
      sink.exclusionPatterns = exclusions;
      all.add(sink);
      return sink;
    }

    /** Each exclusion phrase containing the keyword, once per position of the keyword in it. */
    private static void phrases(Sink sink, List<String> exclude, String keyword) {
      List<String> phrases = new ArrayList<>();
      List<Integer> offsets = new ArrayList<>();
      for (String e : exclude) {
        String lower = LowerCase.of(e);
        for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
          phrases.add(lower);
          offsets.add(at);
        }
      }
      sink.exclusionPhrases = phrases.toArray(new String[0]);
      sink.exclusionOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] exclusionIds(List<String> patterns, Map<String, Integer> ids) {
      int[] out = new int[patterns.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ids.computeIfAbsent(patterns.get(i), p -> ids.size());
      }
      return out;
    }

    private static int[] concat(int[] a, int[] b) {
      if (b.length == 0) {
        return a;
      }
      int[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return Arrays.stream(out).distinct().toArray();
    }
  }

  /** {@code title + " " + body} without copying. */
  private static final class JoinedText implements CharSequence {
    private final String title;
    private final String body;
    private final int t;

    JoinedText(String title, String body) {
      this.title = title;
      this.body = body;
      this.t = title.length();
    }

    @Override
    public int length() {
      return t + 1 + body.length();
    }

    @Override
    public char charAt(int index) {
      if (index < t) {
        return title.charAt(index);
      }
      return index == t ? ' ' : body.charAt(index - t - 1);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().substring(start, end);
    }

    @Override
    public String toString() {
      return title + " " + body;
    }
  }
}
