package org.labellens.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of a label: it fires on any of its keywords or patterns in any of its fields, unless the
 * occurrence lies inside one of its exclusions.
 *
 * @param keywords keywords and phrases as written in the taxonomy; matched case-insensitively (the
 *     text and the keyword are both lower-cased as Python's {@code str.lower()} does)
 * @param patterns regular expressions in RE2 syntax, matched case-insensitively on the original
 *     field text
 * @param mode how a keyword must sit in the text (patterns carry their own boundaries)
 * @param fields the fields searched
 * @param exclude phrases that veto a keyword occurrence lying inside them (e.g. {@code change} for
 *     the keyword {@code hang}); each contains at least one of the rule's keywords
 * @param excludePatterns regular expressions that veto any occurrence of this rule lying inside one
 *     of their matches (e.g. URLs)
 * @param weights field weights for this rule, overriding the dimension's (e.g. "core dumped" in a
 *     log is as good as in prose)
 * @param excludeTokens kinds of tokens inside which an occurrence of this rule does not count
 */
public record Rule(
    List<String> keywords,
    List<String> patterns,
    MatchMode mode,
    Set<TextField> fields,
    List<String> exclude,
    List<String> excludePatterns,
    Map<EvidenceField, Double> weights,
    Set<TokenKind> excludeTokens) {

  public Rule {
    keywords = List.copyOf(keywords);
    patterns = List.copyOf(patterns);
    Objects.requireNonNull(mode, "mode");
    fields = Set.copyOf(fields);
    exclude = List.copyOf(exclude);
    excludePatterns = List.copyOf(excludePatterns);
    weights = Map.copyOf(weights);
    excludeTokens = Set.copyOf(excludeTokens);
  }

  /** Searches title and body, the study's fields, with no exclusions. */
  public static Rule keywords(MatchMode mode, List<String> keywords) {
    return new Rule(
        keywords,
        List.of(),
        mode,
        Set.of(TextField.TITLE, TextField.BODY),
        List.of(),
        List.of(),
        Map.of(),
        Set.of());
  }
}
