package org.labellens.core.annotation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.labellens.core.BadInputException;

/**
 * What annotators may decide in a sample: the dimensions, their labels, and the reason codes for a
 * classifier error. Every decision is validated against its sample's scheme.
 *
 * <p>{@link #STUDY_DEFAULT} is the study's taxonomy (docs/taxonomy-format.md, "The study's
 * taxonomy"), kept here in one place. A scheme built from a taxonomy file (name, version,
 * dimensions and labels) replaces it for samples of runs with a taxonomy; see {@code
 * AnnotationService.SchemeSource}.
 *
 * @param name the taxonomy's name, e.g. {@code study-v1}
 * @param version the taxonomy's version, e.g. {@code 1.0}
 * @param dimensions in taxonomy order
 * @param reasonCodes the reason codes a decision may carry
 */
public record AnnotationScheme(
    String name, String version, List<SchemeDimension> dimensions, List<String> reasonCodes) {

  /** The eight categories of the study's classifier, in taxonomy order. */
  public static final List<String> STUDY_CATEGORIES =
      List.of("memory", "performance", "concurrency", "gpu", "api", "crash", "model", "scaling");

  /** Reason codes for a false positive or negative (docs/taxonomy-format.md). */
  public static final List<String> DEFAULT_REASON_CODES =
      List.of(
          "keyword_in_logs",
          "keyword_in_other_word",
          "template_text",
          "negation",
          "not_the_cause",
          "not_a_bug",
          "other");

  /** The default taxonomy's annotation dimensions (docs/taxonomy-format.md). */
  public static final AnnotationScheme STUDY_DEFAULT =
      new AnnotationScheme(
          "study-v1",
          "1.0",
          List.of(
              new SchemeDimension("category", ValueKind.SET, STUDY_CATEGORIES),
              new SchemeDimension("primary", ValueKind.SINGLE, withOther(STUDY_CATEGORIES)),
              new SchemeDimension("production", ValueKind.BINARY, List.of("yes", "no")),
              new SchemeDimension(
                  "root_cause",
                  ValueKind.SINGLE,
                  List.of(
                      "state_management",
                      "resource_constraints",
                      "concurrency_complexity",
                      "integration",
                      "edge_case",
                      "unknown")),
              new SchemeDimension("severity", ValueKind.ORDINAL, List.of("P0", "P1", "P2", "P3"))),
          DEFAULT_REASON_CODES);

  /** The longest free-text value a decision holds, in characters (UTF-16 code units). */
  public static final int MAX_TEXT = 2000;

  public AnnotationScheme {
    dimensions = List.copyOf(dimensions);
    reasonCodes = List.copyOf(reasonCodes);
  }

  /** {@code name@version}, as recorded with every decision. */
  public String reference() {
    return name + "@" + version;
  }

  public Optional<SchemeDimension> dimension(String id) {
    return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The dimension, or a {@link BadInputException} naming the dimensions there are. */
  public SchemeDimension require(String id) {
    return dimension(id)
        .orElseThrow(
            () ->
                new BadInputException(
                    "unknown dimension '"
                        + id
                        + "' (the taxonomy "
                        + reference()
                        + " has "
                        + String.join(", ", dimensionIds())
                        + ")"));
  }

  /**
   * The dimension, which must take labels: a free-text dimension has no agreement, gold or
   * adjudication.
   *
   * @throws BadInputException for an unknown or a free-text dimension
   */
  public SchemeDimension requireCategorical(String id) {
    SchemeDimension d = require(id);
    if (!d.isCategorical()) {
      throw new BadInputException(
          "dimension '"
              + id
              + "' is free text: it has no labels to agree on, adjudicate or validate");
    }
    return d;
  }

  public List<String> dimensionIds() {
    return dimensions.stream().map(SchemeDimension::id).toList();
  }

  /**
   * The dimensions whose decisions take labels, in taxonomy order: every dimension but free text.
   * Agreement, gold, adjudication and validation are defined on these only.
   */
  public List<SchemeDimension> categorical() {
    return dimensions.stream().filter(SchemeDimension::isCategorical).toList();
  }

  /**
   * Checks a value against a dimension and returns it in canonical form: a set's labels in the
   * dimension's label order, each once.
   *
   * @throws BadInputException naming the dimension and the label at fault
   */
  public DecisionValue canonical(String dimensionId, DecisionValue value) {
    SchemeDimension d = require(dimensionId);
    if (!d.isCategorical()) {
      return checkText(d, value);
    }
    if (d.kind().isSet() != value.set()) {
      throw new BadInputException(
          d.kind().isSet()
              ? "dimension '" + d.id() + "' takes a set of labels (a JSON array), not one label"
              : "dimension '" + d.id() + "' takes one label (a string), not a set");
    }
    Set<String> chosen = new HashSet<>();
    for (String label : value.labels()) {
      if (!d.labels().contains(label)) {
        throw new BadInputException(
            "'"
                + label
                + "' is not a label of dimension '"
                + d.id()
                + "' (labels: "
                + String.join(", ", d.labels())
                + ")");
      }
      chosen.add(label);
    }
    if (!value.set()) {
      return value;
    }
    List<String> ordered = new ArrayList<>();
    for (String label : d.labels()) {
      if (chosen.contains(label)) {
        ordered.add(label);
      }
    }
    return DecisionValue.set(ordered);
  }

  /** A free-text value: one string, at most {@link #MAX_TEXT} characters, kept as written. */
  private static DecisionValue checkText(SchemeDimension d, DecisionValue value) {
    if (value.set()) {
      throw new BadInputException(
          "dimension '" + d.id() + "' takes free text (a string), not a set of labels");
    }
    int length = value.label().length();
    if (length > MAX_TEXT) {
      throw new BadInputException(
          "the text of dimension '"
              + d.id()
              + "' has "
              + length
              + " characters; at most "
              + MAX_TEXT
              + " are allowed");
    }
    return value;
  }

  /** Checks a reason code: null, or one of the scheme's codes. */
  public void checkReason(String reason) {
    if (reason != null && !reasonCodes.contains(reason)) {
      throw new BadInputException(
          "unknown reason code '" + reason + "' (codes: " + String.join(", ", reasonCodes) + ")");
    }
  }

  private static List<String> withOther(List<String> labels) {
    List<String> all = new ArrayList<>(labels);
    all.add("other");
    return all;
  }
}
