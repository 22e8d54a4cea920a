package org.labellens.classify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.DimensionKind;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.Label;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.MatchSettings;
import org.labellens.core.model.Rule;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.model.TaxonomyFrames;
import org.labellens.core.model.TextField;

/** Small taxonomies built in code, for testing the matcher's mechanics. */
final class TestTaxonomies {
  private TestTaxonomies() {}

  /** A category set dimension (+ derived primary) with one rule per label. */
  static Taxonomy categories(MatchSettings settings, Map<String, Rule> rules) {
    List<Label> labels = new ArrayList<>();
    rules.forEach((id, rule) -> labels.add(new Label(id, id, "", List.of(rule))));
    List<Label> primary = new ArrayList<>();
    rules.keySet().forEach(id -> primary.add(Label.of(id, "")));
    primary.add(Label.of("other", ""));
    return new Taxonomy(
        "test",
        "1",
        "",
        List.of(
            new Dimension("category", DimensionKind.SET, "", labels, settings, null, null),
            new Dimension("primary", DimensionKind.SINGLE, "", primary, null, "category", "other")),
        TaxonomyFrames.none());
  }

  /** Keywords per label, all with the same mode, over title and body. */
  static Taxonomy keywords(
      MatchSettings settings, MatchMode mode, Map<String, List<String>> keywords) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    keywords.forEach((id, list) -> rules.put(id, Rule.keywords(mode, list)));
    return categories(settings, rules);
  }

  static Rule rule(
      MatchMode mode, List<String> keywords, List<String> exclude, List<String> excludePatterns) {
    return new Rule(
        keywords,
        List.of(),
        mode,
        EnumSet.of(TextField.TITLE, TextField.BODY),
        exclude,
        excludePatterns,
        Map.of(),
        Set.of());
  }

  static MatchSettings separateFields() {
    return new MatchSettings(false, false, Map.of(), 1.0, 0, List.of(), Set.of());
  }

  static MatchSettings zoned(Map<EvidenceField, Double> weights, int maxHits) {
    return new MatchSettings(false, true, weights, 1.0, maxHits, List.of(), Set.of());
  }
}
