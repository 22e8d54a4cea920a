package org.labellens.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.InvalidDecisionException;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.io.ExchangeFileReader;
import org.labellens.io.ExchangeFileWriter;
import org.labellens.store.Repositories;

/**
 * Annotation exchange files ({@code annotations/<annotator>.jsonl}; format in
 * annotations/README.md): export an annotator's decisions, and import files from annotators who
 * worked in their own copy of the project.
 *
 * <p>Import reads and checks every line of every file first, then records all decisions through
 * {@link AnnotationService} in one transaction: all or nothing. It is idempotent (a decision
 * already in the log is recognised by its event key and adds nothing), keeps the full history, and
 * the current decision is the latest by time, so files merged in any order give the same project.
 */
public final class ExchangeService {
  private final Repositories repos;
  private final AnnotationService annotations;

  public ExchangeService(Repositories repos, AnnotationService annotations) {
    this.repos = repos;
    this.annotations = annotations;
  }

  /**
   * What an import did.
   *
   * @param lines decisions read
   * @param added decisions new to the log
   * @param repeated decisions the log had already (skipped)
   * @param current new decisions that became the current decision
   * @param byAnnotator decisions read per annotator
   */
  public record ImportSummary(
      int files,
      int lines,
      int added,
      int repeated,
      int current,
      Map<String, Integer> byAnnotator) {}

  /** What an export wrote. */
  public record ExportSummary(Path file, String annotator, String sample, int decisions) {}

  /** Imports exchange files, all in one transaction; on any error nothing is written. */
  public ImportSummary importFiles(List<Path> files) {
    if (files.isEmpty()) {
      throw new BadInputException("annotations import: no files given");
    }
    List<ExchangeFileReader.Line> lines = new ArrayList<>();
    for (Path f : files) {
      lines.addAll(ExchangeFileReader.read(f));
    }
    List<Decision> decisions = lines.stream().map(ExchangeFileReader.Line::decision).toList();
    List<AnnotationService.Recorded> recorded;
    try {
      recorded =
          annotations.decideAll(
              decisions,
              DecisionOrigin.IMPORT,
              lines.stream().map(ExchangeFileReader.Line::madeBy).toList());
    } catch (InvalidDecisionException e) {
      throw new BadInputException(
          lines.get(e.index()).location() + ": field '" + e.field() + "': " + e.reason(), e);
    }
    int added = 0;
    int current = 0;
    Map<String, Integer> byAnnotator = new TreeMap<>();
    for (AnnotationService.Recorded r : recorded) {
      if (r.newEvent()) {
        added++;
        if (r.current()) {
          current++;
        }
      }
      byAnnotator.merge(r.decision().annotator(), 1, Integer::sum);
    }
    return new ImportSummary(
        files.size(), lines.size(), added, lines.size() - added, current, byAnnotator);
  }

  /**
   * Exports an annotator's decisions (of one sample, or of all) to {@code out}: the whole history
   * by default, or with {@code currentOnly} the current decision of each (item, dimension, phase).
   * Lines are ordered by sample, time and event key.
   */
  public ExportSummary export(String annotator, String sample, Path out, boolean currentOnly) {
    return export(annotator, sample, out, currentOnly, false);
  }

  /**
   * Like {@link #export(String, String, Path, boolean)}; {@code noClobber} keeps existing files.
   */
  public ExportSummary export(
      String annotator, String sample, Path out, boolean currentOnly, boolean noClobber) {
    return repos.read(
        tx -> {
          long annotatorId =
              repos
                  .samples()
                  .annotatorId(tx, annotator)
                  .orElseThrow(
                      () ->
                          new BadInputException(
                              "no annotator named '"
                                  + annotator
                                  + "' in this project (see: labellens samples)"));
          Long sampleId = null;
          if (sample != null) {
            SampleInfo s =
                repos
                    .samples()
                    .byName(tx, sample)
                    .orElseThrow(() -> SampleService.noSample(sample));
            sampleId = s.id();
          }
          try (ExchangeFileWriter w = ExchangeFileWriter.open(out, noClobber)) {
            repos.annotations().forEachDecision(tx, annotatorId, sampleId, currentOnly, w::write);
            w.commit();
            return new ExportSummary(out, annotator, sample, w.count());
          }
        });
  }
}
