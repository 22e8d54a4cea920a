package org.labellens.classify;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labellens.core.model.BodyZone;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.Label;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.PatternSize;
import org.labellens.core.model.Rule;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.model.TextField;
import org.labellens.core.model.TokenKind;

/**
 * A taxonomy's rules compiled for matching: every keyword of every predicted dimension in one
 * {@link AhoCorasick} automaton (each lower-cased keyword once, with the {@link RuleKeyword}s it
 * stands for), the regular-expression rules and exclusion patterns compiled on RE2/J, and the
 * dimensions' label numbering used by scoring. Immutable, shared by every copy of a classifier.
 */
final class CompiledRules {
  static final EvidenceField[] FIELDS = EvidenceField.values();
  static final int NF = FIELDS.length;

  static final int TITLE_BIT = 1;
  static final int BODY_BIT = 2;
  static final int LABELS_BIT = 4;

  /** A word keyword needs a word boundary before it. */
  static final int NEEDS_START = 1;

  /** A word keyword (not a prefix) needs a word boundary after it. */
  static final int NEEDS_END = 2;

  final Taxonomy taxonomy;
  final AhoCorasick automaton;
  final RuleKeyword[] keywords;
  final RuleKeyword[][] patternKeywords;

  /** Per pattern: the word boundaries every one of its keywords needs (NEEDS_START, NEEDS_END). */
  final int[] patternBoundary;

  final List<RuleKeyword> patternRules = new ArrayList<>();
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

  CompiledRules(Taxonomy taxonomy) {
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
    List<List<RuleKeyword>> byPattern = new ArrayList<>();
    List<RuleKeyword> all = new ArrayList<>();
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
            RuleKeyword sink =
                keyword(dim, label, labelBase[d] + l, ruleWeights, fields, exclusions, all);
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
            RuleKeyword sink =
                keyword(dim, label, labelBase[d] + l, ruleWeights, fields, exclusions, all);
            sink.excludeTokens = tokens;
            sink.keyword = "/" + pattern + "/";
            sink.regex = compile(pattern);
            patternRules.add(sink);
          }
        }
      }
    }
    keywords = all.toArray(new RuleKeyword[0]);
    // a keyword listed in two rules of a label gives two evidence rows for one field only when
    // both rules search that field; then the rows are merged
    Map<String, Integer> fieldsSeen = new HashMap<>();
    boolean duplicates = false;
    for (RuleKeyword sink : keywords) {
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
    patternKeywords = new RuleKeyword[byPattern.size()][];
    patternBoundary = new int[byPattern.size()];
    for (int i = 0; i < byPattern.size(); i++) {
      patternKeywords[i] = byPattern.get(i).toArray(new RuleKeyword[0]);
      int boundary = NEEDS_START | NEEDS_END;
      for (RuleKeyword sink : patternKeywords[i]) {
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
    if (zonesUsed && !join && patternRules.isEmpty()) {
      for (BodyZone zone : BodyZone.values()) {
        boolean zero = true;
        for (RuleKeyword sink : keywords) {
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

  private static RuleKeyword keyword(
      Dimension dim,
      Label label,
      int labelIndex,
      double[] weights,
      int fields,
      int[] exclusions,
      List<RuleKeyword> all) {
    RuleKeyword sink = new RuleKeyword();
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
  private static void phrases(RuleKeyword sink, List<String> exclude, String keyword) {
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

  /**
   * Compiles a taxonomy pattern as the classifier runs it (case-insensitive, RE2/J syntax).
   *
   * @throws IllegalArgumentException naming why the pattern is refused
   */
  static Pattern compile(String pattern) {
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
}
