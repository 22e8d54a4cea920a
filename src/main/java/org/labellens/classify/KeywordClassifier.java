package org.labellens.classify;

import static org.labellens.classify.CompiledRules.BODY_BIT;
import static org.labellens.classify.CompiledRules.LABELS_BIT;
import static org.labellens.classify.CompiledRules.NEEDS_END;
import static org.labellens.classify.CompiledRules.TITLE_BIT;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.labellens.core.model.Classification;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.Occurrence;
import org.labellens.core.model.Taxonomy;

/**
 * The keyword classifier: applies a taxonomy's rules to issues. This class does the matching;
 * {@link CompiledRules} compiles the rules, {@link TokenKinds} and {@link Exclusions} decide which
 * occurrences are excluded, and {@link Scoring} turns the counted occurrences into predictions and
 * evidence.
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
 * <p>An instance keeps scratch buffers between issues to stay allocation-light, so it is confined
 * to one thread: use {@link #copy()} for another thread (the compiled tables are shared).
 */
public final class KeywordClassifier {

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

  private final CompiledRules c;
  private final PatternWork work;
  private final TokenKinds tokens = new TokenKinds();
  private final Exclusions exclusions;
  private final Scoring scoring;

  // scratch, reused between issues
  private final int[] table;
  private final byte[] asciiClass;
  private int[] expansions = new int[4];
  private int feedBase;
  private int feedLength;
  private char[] chars = new char[8192];
  private CharSequence loadedText;
  private int expansionCount;

  // the issue being read
  private String title;
  private String body;
  private String labelsText;
  private int titleLength;
  private JoinedText joined;
  private BodyZones zones;
  private List<Occurrence> collector;

  private KeywordClassifier(CompiledRules compiled, long patternWorkLimit) {
    this.c = compiled;
    this.work = new PatternWork(patternWorkLimit);
    this.exclusions = new Exclusions(compiled.exclusionPatterns, work);
    this.scoring = new Scoring(compiled);
    this.table = compiled.automaton.table();
    this.asciiClass = compiled.asciiClass;
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
    return new KeywordClassifier(new CompiledRules(taxonomy), patternWorkLimit);
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
    return new KeywordClassifier(c, work.limit());
  }

  /**
   * Compiles a taxonomy pattern as the classifier runs it (case-insensitive, RE2/J syntax).
   *
   * @throws IllegalArgumentException naming why the pattern is refused
   */
  public static Pattern compile(String pattern) {
    return CompiledRules.compile(pattern);
  }

  public Taxonomy taxonomy() {
    return c.taxonomy;
  }

  /** Classifies one issue. */
  public Classification classify(IssueText issue) {
    scan(issue, null);
    Classification result = scoring.result(issue);
    forget();
    return result;
  }

  /**
   * Every occurrence of every rule in the issue, counted or not, ordered by field and offset, for
   * the window to colour. (The classification keeps only the first occurrence per keyword and
   * field, with a hit count.)
   */
  public List<Occurrence> highlight(IssueText issue) {
    List<Occurrence> all = new ArrayList<>();
    scan(issue, all);
    scoring.predict();
    List<Occurrence> out = new ArrayList<>(all.size());
    for (Occurrence o : all) {
      if (o.status() == Occurrence.Status.COUNTED) {
        int dim = c.dimensionIndex.get(o.dimension());
        int label = c.labelBase[dim] + c.taxonomy.dimensions().get(dim).indexOf(o.label());
        if (!scoring.isPredicted(label)) {
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
    scoring.reset();
    forget();
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
    tokens.reset();
    work.reset();
    scoring.reset();
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
    if (!c.patternRules.isEmpty()) {
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
    tokens.reset();
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
      for (RuleKeyword sink : c.patternKeywords[id]) {
        match(sink, start, end, where, bounded);
      }
    }
  }

  /**
   * One occurrence of a sink's keyword at [start, end).
   *
   * @param bounded the word boundaries were already checked (they hold for every word sink)
   */
  private void match(RuleKeyword sink, int start, int end, int region, boolean bounded) {
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
          (sink.exclusionPhrases.length > 0
                  && Exclusions.insidePhrase(sink, text, 0, to, fieldStart))
              || (sink.excludeTokens != 0
                  && (tokens.of(text, 0, to, fieldStart, fieldEnd, loadedText, chars)
                          & sink.excludeTokens)
                      != 0)
              || (sink.exclusionPatterns.length > 0
                  && exclusions.insidePattern(sink, text, fieldStart, fieldEnd));
    }
    record(sink, field, fieldStart, fieldEnd, excluded);
  }

  private void record(RuleKeyword sink, EvidenceField field, int start, int end, boolean excluded) {
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
    scoring.count(sink, field, start, end);
  }

  /** Lets go of the issue just read. */
  private void forget() {
    collector = null;
    labelsText = null;
  }

  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char ch = 0; ch < 128; ch++) {
      ASCII_WORD[ch] = ch == '_' || Character.isLetterOrDigit(ch);
    }
  }

  private static boolean isWordChar(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  private void scanPatterns(IssueText issue) {
    if (c.anyZones && zones == null) {
      zones = BodyZoner.zone(body);
    }
    for (RuleKeyword sink : c.patternRules) {
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

  private void scanPattern(RuleKeyword sink, String text, int region) {
    work.charge(sink, sink.regex, text.length());
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
                  && (tokens.of(text, 0, text.length(), start, end, loadedText, chars)
                          & sink.excludeTokens)
                      != 0)
              || (sink.exclusionPatterns.length > 0
                  && exclusions.insidePattern(sink, text, start, end));
      record(sink, field, start, end, excluded);
    }
  }

  // ---------------------------------------------------------------- results

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
