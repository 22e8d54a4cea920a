package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Agreement on a set-valued dimension: the whole-set coefficients ({@link SetMetric}) with
 * bootstrap intervals, and for every label the full single-label report of the binary study "label
 * in the set or not".
 *
 * @param size the study's items, raters and set ratings (an empty set is a rating)
 * @param labels the labels, in study order
 * @param metrics the whole-set coefficients
 * @param perLabel for each label (in order), the report of its binary study
 * @param options what was computed
 */
public record SetAgreementReport(
    StudySize size,
    List<String> labels,
    Map<SetMetric, MetricResult> metrics,
    Map<String, AgreementReport> perLabel,
    AgreementOptions options)
    implements StudyReport {

  public SetAgreementReport {
    Objects.requireNonNull(size, "size");
    labels = List.copyOf(labels);
    metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    perLabel = Collections.unmodifiableMap(new LinkedHashMap<>(perLabel));
    Objects.requireNonNull(options, "options");
  }

  /**
   * Computes the whole-set coefficients with their intervals (same bootstrap procedure as {@link
   * PercentileBootstrap}) and the per-label reports. {@code options.ordinal()} is ignored for the
   * per-label reports: a binary study has no scale beyond its two values.
   *
   * @throws InsufficientDataException if the study has no rating or fewer than 2 raters
   */
  public static SetAgreementReport compute(SetAgreementStudy<?> study, AgreementOptions options) {
    study.requireAtLeastTwoRaters("Agreement");
    SetPatterns patterns = study.patterns();
    SetTally tally = SetTally.of(study);
    List<Function<SetTally, Coefficient>> statistics = new ArrayList<>();
    for (SetMetric metric : SetMetric.values()) {
      statistics.add(metric::evaluate);
    }
    List<BootstrapInterval> intervals =
        options.bootstrapReplicates() == 0
            ? null
            : PercentileBootstrap.run(
                patterns.rows.itemPattern,
                patterns.count,
                options.bootstrapReplicates(),
                options.seed(),
                weights -> new SetTally(patterns, weights),
                statistics);
    Map<SetMetric, MetricResult> metrics = new EnumMap<>(SetMetric.class);
    for (SetMetric metric : SetMetric.values()) {
      Coefficient estimate = metric.evaluate(tally);
      Optional<BootstrapInterval> bootstrap = Optional.empty();
      if (intervals != null) {
        bootstrap = Optional.of(intervals.get(metric.ordinal()).around(estimate));
      }
      metrics.put(metric, new MetricResult(estimate, bootstrap, Optional.empty()));
    }
    Map<String, AgreementReport> perLabel = perLabel(study, options);
    return new SetAgreementReport(
        StudySize.of(study), List.copyOf(perLabel.keySet()), metrics, perLabel, options);
  }

  private static <C> Map<String, AgreementReport> perLabel(
      SetAgreementStudy<C> study, AgreementOptions options) {
    AgreementOptions binary =
        new AgreementOptions(options.bootstrapReplicates(), options.seed(), false);
    Map<String, AgreementReport> reports = new LinkedHashMap<>();
    for (C label : study.labels()) {
      reports.put(String.valueOf(label), AgreementReport.compute(study.perLabel(label), binary));
    }
    return reports;
  }
}
