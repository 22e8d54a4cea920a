package org.labellens.core.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a predicted dimension searches an issue and turns matches into a prediction.
 *
 * <p>Each counted occurrence adds the weight of the field it was found in to its label's score (at
 * most {@code maxHits} occurrences per keyword and field count); a label is predicted when its
 * score reaches {@code minScore}. The study's rules are the case of every weight 1, no cap and a
 * minimum score of 1: one occurrence anywhere suffices.
 *
 * @param joinTitleBody search {@code title + " " + body} as one text, as the study did, so that a
 *     phrase may straddle the join; when false, title and body are searched apart
 * @param zoneBody split the body into zones (prose, code, log, env, template) and record each match
 *     under its zone's field, so zones can be weighed apart
 * @param weights the weight of an occurrence per field (absent fields weigh 1; 0 ignores the field)
 * @param minScore the score a label needs to be predicted
 * @param maxHits how many occurrences of one keyword in one field count towards the score; 0 for
 *     all (with 1, each keyword counts once per field, so a log repeating a word does not outweigh
 *     the title)
 * @param excludePatterns regular expressions vetoing every occurrence inside one of their matches,
 *     for all rules of the dimension
 * @param excludeTokens kinds of tokens (URLs, paths, ...) inside which no occurrence counts, for
 *     all rules of the dimension
 */
public record MatchSettings(
    boolean joinTitleBody,
    boolean zoneBody,
    Map<EvidenceField, Double> weights,
    double minScore,
    int maxHits,
    List<String> excludePatterns,
    Set<TokenKind> excludeTokens) {

  public MatchSettings {
    Map<EvidenceField, Double> copy = new EnumMap<>(EvidenceField.class);
    copy.putAll(weights);
    weights = Map.copyOf(copy);
    excludePatterns = List.copyOf(excludePatterns);
    excludeTokens = Set.copyOf(excludeTokens);
  }

  /** The study's settings: title + " " + body, no zones, any single occurrence counts. */
  public static MatchSettings study() {
    return new MatchSettings(true, false, Map.of(), 1.0, 0, List.of(), Set.of());
  }

  /** The weight of an occurrence in {@code field}; 1 unless set. */
  public double weight(EvidenceField field) {
    Double weight = weights.get(field);
    return weight == null ? 1.0 : weight;
  }
}
