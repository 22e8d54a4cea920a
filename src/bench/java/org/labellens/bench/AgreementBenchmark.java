package org.labellens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.AgreementStudy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The agreement engine on 20,000 items × 3 raters × 8 labels: every coefficient (with the pairwise
 * table), and every coefficient with 1,000 bootstrap replicates. Targets: under 5 ms and under 500
 * ms. How to run it: docs/benchmarks.md, section "Agreement".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class AgreementBenchmark {
  static final int ITEMS = 20_000;
  static final int RATERS = 3;
  static final int LABELS = 8;

  /** Share of missing ratings (0: complete data). */
  @Param({"0.0", "0.2"})
  double missing;

  List<String[]> rows;
  AgreementStudy<String> study;

  @Setup
  public void setUp() {
    rows = ratings(ITEMS, RATERS, LABELS, missing, 20_240_601L);
    study = build(rows);
  }

  /** Every coefficient of docs/agreement.md and the pairwise table, no intervals. */
  @Benchmark
  public AgreementReport allCoefficients() {
    return AgreementReport.compute(study, new AgreementOptions(0, 1, false));
  }

  /** As {@link #allCoefficients}, plus the ordinal ones (weighted kappa needs 2 raters). */
  @Benchmark
  public AgreementReport allCoefficientsOrdinal() {
    return AgreementReport.compute(study, new AgreementOptions(0, 1, true));
  }

  /** Every coefficient and every pair with 1,000 percentile-bootstrap replicates. */
  @Benchmark
  public AgreementReport allCoefficientsWithBootstrap() {
    return AgreementReport.compute(study, new AgreementOptions(1000, 1, false));
  }

  /** Building the study (what reading a ratings file costs besides parsing). */
  @Benchmark
  public AgreementStudy<String> buildStudy() {
    return build(rows);
  }

  static AgreementStudy<String> build(List<String[]> rows) {
    AgreementStudy.Builder<String> builder = AgreementStudy.builder();
    for (String[] row : rows) {
      builder.rate(row[0], row[1], row[2]);
    }
    return builder.build();
  }

  /** Plausible ratings: each item has a true label, each rater gives it 75% of the time. */
  static List<String[]> ratings(int items, int raters, int labels, double missing, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> rows = new ArrayList<>(items * raters);
    for (int i = 0; i < items; i++) {
      int truth = random.nextInt(labels);
      for (int r = 0; r < raters; r++) {
        String label =
            random.nextDouble() < missing
                ? null
                : "label" + (random.nextDouble() < 0.75 ? truth : random.nextInt(labels));
        rows.add(new String[] {"item" + i, "rater" + r, label});
      }
    }
    return rows;
  }

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(
        args.length > 0 ? args : new String[] {AgreementBenchmark.class.getSimpleName()});
  }
}
