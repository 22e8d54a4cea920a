package org.labellens.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Issue;
import org.labellens.core.review.ExportDocument;
import org.labellens.core.review.SampleDescription;
import org.labellens.core.sampling.SampleDraw;
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
          AtomicFile.write(out, w -> ExportWriter.write(doc, f, w, bodies));
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
              runItem == null ? List.of() : runItem.evidence()));
    }
    return new ExportDocument(
        s.info,
        SampleDescription.sentence(s.info, s.strata, s.overlapItems, assigned),
        s.run == null ? null : s.run.name(),
        s.scheme,
        dimensions,
        s.annotators,
        goldOnly,
        rows);
  }
}
