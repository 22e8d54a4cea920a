package org.labellens.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Issue;
import org.labellens.core.review.ExportDocument;
import org.labellens.core.review.SampleDescription;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.core.validation.Gold;
import org.labellens.io.AtomicFile;
import org.labellens.io.ExportWriter;
import org.labellens.store.Database;
import org.labellens.store.IssueStore;
import org.labellens.store.ReviewStore;

/**
 * Exports a sample's validated labels (docs/formats.md) to a file, written to a temporary sibling
 * and moved into place: a failed export never leaves a partial file, and the same project gives the
 * same bytes. The file is streamed issue by issue, bodies read one at a time.
 */
public final class ExportService {
  private final Database db;
  private final AnnotationService.SchemeSource schemes;

  public ExportService(Database db, AnnotationService.SchemeSource schemes) {
    this.db = db;
    this.schemes = schemes;
  }

  /** What an export wrote. */
  public record Summary(Path file, String format, int issues, boolean goldOnly) {}

  /**
   * The document an export writes (for the window's preview and for tests).
   *
   * @param goldOnly only issues with gold on every decided dimension, without the decisions
   */
  public ExportDocument document(String sample, boolean goldOnly, boolean withBodies) {
    return db.read(
        tx -> {
          SampleSnapshot s = SampleSnapshot.read(tx, sample, null, withBodies, schemes);
          return document(s, goldOnly, ValidationService.assigned(tx, s.info.id(), s.annotators));
        });
  }

  /**
   * Writes the export.
   *
   * @param format csv, jsonl, json or labelstudio
   * @throws BadInputException for an unknown format, or when the file cannot be written (nothing is
   *     left behind then)
   */
  public Summary export(String sample, String format, Path out, boolean goldOnly) {
    return export(sample, format, out, goldOnly, false);
  }

  /** Writes the export; with {@code noClobber}, refuses an existing file. */
  public Summary export(
      String sample, String format, Path out, boolean goldOnly, boolean noClobber) {
    ExportWriter.Format f = format(format);
    // bodies (only Label Studio has them) are read one issue at a time as the file is written, in
    // the same read transaction as the rest, so the export holds one body at a time
    return db.read(
        tx -> {
          SampleSnapshot s = SampleSnapshot.read(tx, sample, null, false, schemes);
          ExportDocument doc =
              document(s, goldOnly, ValidationService.assigned(tx, s.info.id(), s.annotators));
          ExportWriter.Bodies bodies =
              row -> IssueStore.find(tx, row.issue()).map(Issue::body).orElse(null);
          AtomicFile.write(out, noClobber, w -> ExportWriter.write(doc, f, w, bodies));
          return new Summary(out, f.key(), doc.rows().size(), goldOnly);
        });
  }

  /** The format named {@code csv}, {@code jsonl}, {@code json} or {@code labelstudio}. */
  static ExportWriter.Format format(String name) {
    for (ExportWriter.Format f : ExportWriter.Format.values()) {
      if (f.key().equals(name.toLowerCase(java.util.Locale.ROOT))) {
        return f;
      }
    }
    throw new BadInputException(
        "unknown export format '" + name + "' (use csv, jsonl, json or labelstudio)");
  }

  static ExportDocument document(SampleSnapshot s, boolean goldOnly, List<String> assigned) {
    List<String> dimensions = new ArrayList<>();
    for (SchemeDimension d : s.scheme.dimensions()) {
      boolean used = false;
      for (ReviewStore.ItemRow row : s.items) {
        if (!s.finalDecisions(row.issue(), d.id()).isEmpty()
            || s.adjudication(row.issue(), d.id()) != null
            || s.predicted(row).containsKey(d.id())) {
          used = true;
          break;
        }
      }
      if (used) {
        dimensions.add(d.id());
      }
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    for (SampleDraw.Stratum st : s.strata) {
      weights.put(st.key().label(), st.size() == 0 ? 0.0 : (double) st.population() / st.size());
    }
    // per validated dimension and label, per stratum: m_h, the stratum's items whose gold on the
    // label is resolved and that the run covers (as validate counts them)
    Map<String, List<String>> weightLabels = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Integer>>> judged = new LinkedHashMap<>();
    for (String id : dimensions) {
      if (!ValidationService.DIMENSIONS.contains(id)) {
        continue;
      }
      SchemeDimension d = s.scheme.require(id);
      List<String> labels = new ArrayList<>(d.labels());
      if (d.kind().isSet()) {
        labels.add(ValidationReport.NONE_LABEL);
      }
      weightLabels.put(id, labels);
      Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
      for (String label : labels) {
        m.put(label, new HashMap<>());
      }
      for (ReviewStore.ItemRow row : s.items) {
        if (!s.predicted(row).containsKey(id)) {
          continue;
        }
        Gold g = s.gold(row.issue(), d);
        for (String label : labels) {
          if (DimensionValidation.goldOn(g, label, ValidationReport.NONE_LABEL) != null) {
            m.get(label).merge(row.stratum().label(), 1, Integer::sum);
          }
        }
      }
      judged.put(id, m);
    }
    Map<String, Long> population = new HashMap<>();
    for (SampleDraw.Stratum st : s.strata) {
      population.put(st.key().label(), st.population());
    }
    List<ExportDocument.Row> rows = new ArrayList<>();
    for (ReviewStore.ItemRow row : s.items) {
      Map<String, Gold> gold = new LinkedHashMap<>();
      boolean complete = true;
      boolean any = false;
      for (String id : dimensions) {
        SchemeDimension d = s.scheme.require(id);
        Gold g = s.gold(row.issue(), d);
        gold.put(id, g);
        if (g.isResolved()) {
          any = true;
        } else if (g.isUnresolved()) {
          complete = false;
        }
      }
      if (goldOnly && !(any && complete)) {
        continue;
      }
      List<Decision> decisions = new ArrayList<>(s.decisions(row.issue()));
      decisions.sort(
          (a, b) -> {
            int c = a.annotator().compareTo(b.annotator());
            if (c == 0) {
              c = a.dimension().compareTo(b.dimension());
            }
            return c != 0 ? c : a.phase().compareTo(b.phase());
          });
      var runItem = s.runItem(row);
      Map<String, Map<String, Boolean>> labelGold = new LinkedHashMap<>();
      Map<String, Map<String, Double>> labelWeights = new LinkedHashMap<>();
      for (String id : dimensions) {
        SchemeDimension d = s.scheme.require(id);
        List<String> labels = weightLabels.get(id);
        if (d.kind().isSet()) {
          List<String> all = new ArrayList<>(d.labels());
          all.add(ValidationReport.NONE_LABEL);
          Map<String, Boolean> lg = new LinkedHashMap<>();
          for (String label : all) {
            lg.put(
                label,
                DimensionValidation.goldOn(gold.get(id), label, ValidationReport.NONE_LABEL));
          }
          labelGold.put(id, lg);
        }
        if (labels == null) {
          continue;
        }
        Map<String, Double> lw = new LinkedHashMap<>();
        boolean covered = s.predicted(row).containsKey(id);
        for (String label : labels) {
          Boolean on = DimensionValidation.goldOn(gold.get(id), label, ValidationReport.NONE_LABEL);
          int m = judged.get(id).get(label).getOrDefault(row.stratum().label(), 0);
          lw.put(
              label,
              covered && on != null && m > 0
                  ? (double) population.getOrDefault(row.stratum().label(), 0L) / m
                  : null);
        }
        labelWeights.put(id, lw);
      }
      rows.add(
          new ExportDocument.Row(
              row.issue(),
              row.framework(),
              row.title(),
              row.body(),
              row.url(),
              row.state(),
              row.labels(),
              row.stratum().label(),
              weights.getOrDefault(row.stratum().label(), 0.0),
              row.overlap(),
              s.predicted(row),
              gold,
              decisions,
              s.adjudications(row.issue()),
              runItem == null ? List.of() : runItem.evidence(),
              labelGold,
              labelWeights));
    }
    return new ExportDocument(
        s.info,
        SampleDescription.sentence(s.info, s.strata, s.overlapItems, assigned),
        s.run == null ? null : s.run.name(),
        s.scheme,
        dimensions,
        s.annotators,
        goldOnly,
        rows,
        s.provenance);
  }
}
