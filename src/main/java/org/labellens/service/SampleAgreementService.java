package org.labellens.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.report.ReportSection;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.AgreementStudy;
import org.labellens.core.stats.InsufficientDataException;
import org.labellens.core.stats.PairResult;
import org.labellens.core.stats.SetAgreementReport;
import org.labellens.core.stats.SetAgreementStudy;
import org.labellens.io.SampleAgreementWriter;
import org.labellens.store.Repositories;
import org.labellens.store.ReviewStore;

/**
 * Agreement within a sample (docs/agreement.md; JSON: docs/output.md, {@code agreement --sample}):
 * annotators with each other per dimension on the items two or more decided (each annotator's
 * latest phase, revealed over blind), each annotator with the classifier (per label for sets), and
 * blind against revealed. The coefficients are those of {@code core.stats}, unchanged. Reads in one
 * transaction.
 */
public final class SampleAgreementService {
  /** The classifier's name as a rater (not a valid annotator name, so it never collides). */
  public static final String CLASSIFIER = "(classifier)";

  private final Repositories repos;
  private final AnnotationService.SchemeSource schemes;

  public SampleAgreementService(Repositories repos, AnnotationService.SchemeSource schemes) {
    this.repos = repos;
    this.schemes = schemes;
  }

  /**
   * The agreement of a sample.
   *
   * @param dimension one dimension, or null for every dimension with decisions
   */
  public SampleAgreement agreement(String sample, String dimension, int bootstrap, long seed) {
    ValidationService.checkBootstrap(bootstrap);
    SampleSnapshot s =
        repos.read(tx -> SampleSnapshot.read(repos, tx, sample, null, false, schemes));
    return compute(s, dimension, bootstrap, seed);
  }

  static SampleAgreement compute(SampleSnapshot s, String only, int bootstrap, long seed) {
    if (only != null) {
      s.scheme.requireCategorical(only);
    }
    AgreementOptions options = new AgreementOptions(bootstrap, seed, false);
    Map<String, SampleAgreement.Dimension> dimensions = new LinkedHashMap<>();
    List<SampleAgreement.ClassifierRow> classifier = new ArrayList<>();
    List<SampleAgreement.PhaseRow> phases = new ArrayList<>();
    boolean anyDecision = false;
    for (SchemeDimension d : s.scheme.categorical()) {
      if (only != null && !only.equals(d.id())) {
        continue;
      }
      boolean decided = false;
      for (ReviewStore.ItemRow row : s.items) {
        if (!s.finalDecisions(row.issue(), d.id()).isEmpty()) {
          decided = true;
          break;
        }
      }
      if (!decided) {
        continue;
      }
      anyDecision = true;
      dimensions.put(d.id(), annotators(s, d, bootstrap, seed));
      classifierRows(s, d, options, classifier);
      phaseRows(s, d, options, phases);
    }
    if (only != null && !anyDecision) {
      throw new BadInputException(
          "no annotator has decided dimension '" + only + "' in sample '" + s.info.name() + "'");
    }
    return new SampleAgreement(
        s.info.name(),
        s.run == null ? null : s.run.name(),
        s.annotators,
        s.info.blindFirst(),
        dimensions,
        classifier,
        phases,
        options,
        s.provenance);
  }

  private static SampleAgreement.Dimension annotators(
      SampleSnapshot s, SchemeDimension d, int bootstrap, long seed) {
    List<String> raters = s.annotators;
    int items = 0;
    try {
      if (d.kind().isSet()) {
        SetAgreementStudy.Builder<String> b =
            SetAgreementStudy.<String>builder().labels(d.labels());
        raters.forEach(b::rater);
        items =
            rateDecided(
                s,
                d,
                (item, fin) -> fin.forEach((a, dec) -> b.rate(item, a, dec.value().labels())));
        if (items == 0) {
          return noPairs(d);
        }
        return new SampleAgreement.Dimension(
            d.id(),
            d.kind().key(),
            items,
            null,
            SetAgreementReport.compute(b.build(), new AgreementOptions(bootstrap, seed, false)),
            null);
      }
      AgreementStudy.Builder<String> b = AgreementStudy.<String>builder().categories(d.labels());
      raters.forEach(b::rater);
      items =
          rateDecided(
              s, d, (item, fin) -> fin.forEach((a, dec) -> b.rate(item, a, dec.value().label())));
      if (items == 0) {
        return noPairs(d);
      }
      boolean ordinal = d.kind() == ValueKind.ORDINAL;
      return new SampleAgreement.Dimension(
          d.id(),
          d.kind().key(),
          items,
          AgreementReport.compute(b.build(), new AgreementOptions(bootstrap, seed, ordinal)),
          null,
          null);
    } catch (InsufficientDataException e) {
      return new SampleAgreement.Dimension(
          d.id(), d.kind().key(), items, null, null, e.getMessage());
    }
  }

  /**
   * Hands {@code rate} each item that two or more annotators decided on {@code d}, with their final
   * decisions by annotator; returns how many items that was.
   */
  private static int rateDecided(
      SampleSnapshot s, SchemeDimension d, BiConsumer<String, Map<String, Decision>> rate) {
    int items = 0;
    for (ReviewStore.ItemRow row : s.items) {
      Map<String, Decision> fin = s.finalDecisions(row.issue(), d.id());
      if (fin.size() >= 2) {
        items++;
        rate.accept(row.issue().toString(), fin);
      }
    }
    return items;
  }

  private static SampleAgreement.Dimension noPairs(SchemeDimension d) {
    return new SampleAgreement.Dimension(
        d.id(),
        d.kind().key(),
        0,
        null,
        null,
        "no item was decided by two or more annotators (give the sample an --overlap)");
  }

  /** The labels compared for a dimension: each label of a set, else the dimension as a whole. */
  private static List<String> compared(SchemeDimension d) {
    List<String> labels = new ArrayList<>();
    if (d.kind().isSet()) {
      labels.addAll(d.labels());
    } else {
      labels.add(null);
    }
    return labels;
  }

  private static void classifierRows(
      SampleSnapshot s,
      SchemeDimension d,
      AgreementOptions options,
      List<SampleAgreement.ClassifierRow> out) {
    if (s.run == null || !predicts(s, d)) {
      return;
    }
    for (String annotator : s.annotators) {
      for (String label : compared(d)) {
        List<String[]> pairs = new ArrayList<>();
        for (ReviewStore.ItemRow row : s.items) {
          DecisionValue predicted = s.predicted(row).get(d.id());
          Decision fin = s.finalDecisions(row.issue(), d.id()).get(annotator);
          if (predicted == null || fin == null) {
            continue;
          }
          pairs.add(
              new String[] {
                row.issue().toString(), code(fin.value(), label), code(predicted, label)
              });
        }
        out.add(row(annotator, d, label, pairs, options));
      }
    }
  }

  private static boolean predicts(SampleSnapshot s, SchemeDimension d) {
    for (ReviewStore.ItemRow row : s.items) {
      if (s.predicted(row).containsKey(d.id())) {
        return true;
      }
    }
    return false;
  }

  /** A label's membership (1/0) for sets, the value itself otherwise. */
  private static String code(DecisionValue v, String label) {
    return label == null ? v.label() : (v.labels().contains(label) ? "1" : "0");
  }

  private static SampleAgreement.ClassifierRow row(
      String annotator,
      SchemeDimension d,
      String label,
      List<String[]> pairs,
      AgreementOptions options) {
    PairResult pair = pair(annotator, d, label, pairs, options);
    return new SampleAgreement.ClassifierRow(
        annotator,
        d.id(),
        label,
        pair,
        pair == null ? "no item decided by '" + annotator + "' has the classifier's value" : null);
  }

  private static PairResult pair(
      String annotator,
      SchemeDimension d,
      String label,
      List<String[]> pairs,
      AgreementOptions options) {
    if (pairs.isEmpty()) {
      return null;
    }
    AgreementStudy.Builder<String> b =
        AgreementStudy.<String>builder().categories(label == null ? d.labels() : List.of("0", "1"));
    b.rater(annotator).rater(CLASSIFIER);
    for (String[] p : pairs) {
      b.rate(p[0], annotator, p[1]);
      b.rate(p[0], CLASSIFIER, p[2]);
    }
    return AgreementReport.compute(b.build(), options).pairs().get(0);
  }

  private static void phaseRows(
      SampleSnapshot s,
      SchemeDimension d,
      AgreementOptions options,
      List<SampleAgreement.PhaseRow> out) {
    if (s.run == null || !predicts(s, d)) {
      return;
    }
    for (String annotator : s.annotators) {
      List<String> labels = compared(d);
      if (d.kind().isSet()) {
        labels.add(0, null);
      }
      for (String label : labels) {
        List<String[]> blind = new ArrayList<>();
        List<String[]> revealed = new ArrayList<>();
        int changed = 0;
        int toward = 0;
        int away = 0;
        for (ReviewStore.ItemRow row : s.items) {
          DecisionValue predicted = s.predicted(row).get(d.id());
          if (predicted == null) {
            continue;
          }
          Decision blindDecision = s.blindDecisions(row.issue(), d.id()).get(annotator);
          Decision finalDecision = s.finalDecisions(row.issue(), d.id()).get(annotator);
          if (blindDecision == null
              || finalDecision == null
              || finalDecision.phase() != Phase.REVEALED) {
            continue;
          }
          DecisionValue b = blindDecision.value();
          DecisionValue r = finalDecision.value();
          String key = row.issue().toString();
          boolean wholeSet = label == null && d.kind().isSet();
          String bc = wholeSet ? setCode(b) : code(b, label);
          String rc = wholeSet ? setCode(r) : code(r, label);
          String pc = wholeSet ? setCode(predicted) : code(predicted, label);
          blind.add(new String[] {key, bc, pc});
          revealed.add(new String[] {key, rc, pc});
          if (!bc.equals(rc)) {
            changed++;
            if (rc.equals(pc)) {
              toward++;
            } else if (bc.equals(pc)) {
              away++;
            }
          }
        }
        if (blind.isEmpty()) {
          continue;
        }
        boolean wholeSet = label == null && d.kind().isSet();
        out.add(
            new SampleAgreement.PhaseRow(
                annotator,
                d.id(),
                label,
                blind.size(),
                changed,
                toward,
                away,
                wholeSet ? null : pair(annotator, d, label, blind, options),
                wholeSet ? null : pair(annotator, d, label, revealed, options)));
      }
    }
  }

  private static String setCode(DecisionValue v) {
    Set<String> sorted = new java.util.TreeSet<>(new HashSet<>(v.labels()));
    return String.join(",", sorted);
  }

  /** The agreement as the command line prints it: a table, Markdown, LaTeX or JSON. */
  public static String render(SampleAgreement agreement, ReportFormat format) {
    return SampleAgreementWriter.write(agreement, format);
  }

  /** The agreement's tables as sections the window lays out. */
  public List<ReportSection> sections(SampleAgreement agreement) {
    return SampleAgreementWriter.sections(agreement);
  }
}
