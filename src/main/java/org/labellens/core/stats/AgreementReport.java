package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every agreement coefficient of one single-label study, with intervals, the pairwise table and the
 * counts a reader needs to judge them (items, raters, ratings, missing ratings).
 *
 * <p>A report exists for any study with ratings by at least two raters; inside it every coefficient
 * is a value or undefined with a reason (a two-rater coefficient of a study with more raters is
 * undefined and says so). A study with no rating or a single rater has no agreement to report, and
 * {@link #compute} throws {@link InsufficientDataException}.
 *
 * @param size the study's items, raters and ratings
 * @param labels the categories, in study order (q = their number)
 * @param metrics the coefficients, in {@link Metric} order
 * @param pairs every pair of raters
 * @param options what was computed (bootstrap replicates, seed, ordinal scale)
 */
public record AgreementReport(
    StudySize size,
    List<String> labels,
    Map<Metric, MetricResult> metrics,
    List<PairResult> pairs,
    AgreementOptions options)
    implements StudyReport {

  /** How every coefficient treats missing ratings; each output format states it. */
  public static final String MISSING_RATINGS_POLICY =
      "Missing ratings are left out, never imputed: agreement is measured on items with at least"
          + " two ratings, each pair of raters on the items both rated, and category shares"
          + " (Fleiss, AC1) on every rated item.";

  public AgreementReport {
    Objects.requireNonNull(size, "size");
    labels = List.copyOf(labels);
    metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    pairs = List.copyOf(pairs);
    Objects.requireNonNull(options, "options");
  }

  /** The result of one metric; empty if the report does not include it. */
  public Optional<MetricResult> metric(Metric metric) {
    return Optional.ofNullable(metrics.get(metric));
  }

  /**
   * Computes every metric of {@link Metric#forReport} on the study, the pairwise table, and, when
   * {@code options} asks for replicates, percentile bootstrap intervals (see {@link
   * PercentileBootstrap}) for every coefficient and pair.
   *
   * @throws InsufficientDataException if the study has no rating or fewer than 2 raters
   */
  public static AgreementReport compute(AgreementStudy<?> study, AgreementOptions options) {
    study.requireAtLeastTwoRaters("Agreement");
    List<Metric> metrics = Metric.forReport(options.ordinal());
    boolean coincidence = options.ordinal();
    CategoryPatterns patterns = study.patterns();
    Tally tally = Tally.of(study, coincidence);

    // a two-rater metric of a study with more raters is undefined by its shape: not resampled
    List<Metric> resampled = new ArrayList<>();
    for (Metric metric : metrics) {
      if (!metric.twoRatersOnly() || study.raterCount() == 2) {
        resampled.add(metric);
      }
    }
    List<Function<Tally, Coefficient>> statistics = new ArrayList<>();
    for (Metric metric : resampled) {
      statistics.add(metric::evaluate);
    }
    int pairCount = tally.pairCount();
    for (int pair = 0; pair < pairCount; pair++) {
      int index = pair;
      statistics.add(t -> t.pair(index).percentAgreement());
      statistics.add(t -> CohenKappa.of(t.pair(index)));
    }
    List<Coefficient> estimates = new ArrayList<>(statistics.size());
    for (Function<Tally, Coefficient> statistic : statistics) {
      estimates.add(statistic.apply(tally));
    }
    int metricCount = resampled.size();
    List<BootstrapInterval> intervals =
        options.bootstrapReplicates() == 0
            ? null
            : PercentileBootstrap.run(
                patterns.itemPattern,
                patterns.count,
                options.bootstrapReplicates(),
                options.seed(),
                weights -> Tally.of(patterns, weights, coincidence),
                statistics);

    Map<Metric, MetricResult> results = new EnumMap<>(Metric.class);
    for (Metric metric : metrics) {
      int m = resampled.indexOf(metric);
      if (m < 0) {
        results.put(
            metric, new MetricResult(metric.evaluate(tally), Optional.empty(), Optional.empty()));
        continue;
      }
      Coefficient estimate = estimates.get(m);
      Optional<AsymptoticInterval> asymptotic = Optional.empty();
      if (metric == Metric.COHEN_KAPPA && estimate.isDefined()) {
        double se = CohenKappa.standardError(tally.pair(0)).value();
        asymptotic =
            Optional.of(
                new AsymptoticInterval(se, CohenKappa.asymptoticInterval(estimate.value(), se)));
      }
      results.put(
          metric, new MetricResult(estimate, bootstrap(intervals, m, estimate), asymptotic));
    }
    List<RaterPairAgreement> agreements = PairwiseAgreement.of(tally);
    List<PairResult> pairs = new ArrayList<>(pairCount);
    for (int pair = 0; pair < pairCount; pair++) {
      int base = metricCount + 2 * pair;
      RaterPairAgreement agreement = agreements.get(pair);
      pairs.add(
          new PairResult(
              agreement,
              bootstrap(intervals, base, agreement.percentAgreement()),
              bootstrap(intervals, base + 1, agreement.cohenKappa())));
    }
    List<String> labels = new ArrayList<>();
    for (Object category : study.categories()) {
      labels.add(String.valueOf(category));
    }
    return new AgreementReport(StudySize.of(study), labels, results, pairs, options);
  }

  private static Optional<BootstrapInterval> bootstrap(
      List<BootstrapInterval> intervals, int index, Coefficient estimate) {
    if (intervals == null) {
      return Optional.empty();
    }
    return Optional.of(intervals.get(index).around(estimate));
  }
}
