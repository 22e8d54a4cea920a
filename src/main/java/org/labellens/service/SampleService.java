package org.labellens.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.labellens.core.BadInputException;
import org.labellens.core.Counts;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.model.RunInfo;
import org.labellens.core.sampling.AllocationMethod;
import org.labellens.core.sampling.Candidate;
import org.labellens.core.sampling.Frame;
import org.labellens.core.sampling.SampleDesign;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.sampling.SampleSize;
import org.labellens.core.sampling.Stratification;
import org.labellens.core.sampling.StratumKey;
import org.labellens.io.JsonOutput;
import org.labellens.store.Repositories;
import org.labellens.store.SampleStore;
import org.labellens.store.Tx;

/**
 * Draws, stores and describes samples: the frame, the strata, the allocation, the hash-order draw
 * and the assignment to annotators (see {@code docs/sampling.md}). A draw runs in one write
 * transaction: it reads the frame and stores the whole sample, or nothing.
 */
public final class SampleService {
  /** The seed when none is given: fixed, so a command line alone reproduces a sample. */
  public static final long DEFAULT_SEED = 1L;

  public static final double DEFAULT_CONFIDENCE = 0.95;

  /**
   * The minimum per stratum when none is given: two, because a stratum with one sampled item adds
   * no variance to a stratified bootstrap (see {@code docs/decisions/0010-collapsed-strata.md}).
   * Asking for 0 or 1 explicitly is allowed.
   */
  public static final int DEFAULT_MIN_PER_STRATUM = 2;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Repositories repos;

  public SampleService(Repositories repos) {
    this.repos = repos;
  }

  /** Draws and stores a sample; on any error nothing is written. */
  public SampleReport draw(SampleRequest request) {
    Design d = design(request);
    RunInfo run = d.runName == null ? null : run(d.runName);
    String now = Instant.now().toString();
    return repos.write(
        tx -> {
          if (repos.samples().exists(tx, request.name())) {
            throw new BadInputException(
                "a sample named '"
                    + request.name()
                    + "' exists already (sample names are unique; see: labellens samples)");
          }
          SampleDraw.Result draw =
              SampleDraw.draw(candidates(tx, run, d.frame, d.strataBy, "sample"), d.design);
          repos
              .samples()
              .insert(
                  tx,
                  new SampleStore.NewSample(
                      request.name(),
                      run == null ? null : run.id(),
                      d.frame,
                      d.strataBy,
                      d.design.allocation(),
                      d.design.seed(),
                      d.design.overlap().doubleValue(),
                      request.blindFirst(),
                      parameters(request, d),
                      now,
                      draw));
          return report(tx, request.name());
        });
  }

  /** A stored sample with its strata, items and progress. */
  public SampleReport get(String name) {
    return repos.read(tx -> report(tx, name));
  }

  public SampleInfo info(String name) {
    return repos.read(tx -> repos.samples().byName(tx, name)).orElseThrow(() -> noSample(name));
  }

  /** Every sample, oldest first, with strata and each annotator's progress (no item lists). */
  public List<SampleReport> list() {
    return repos.read(
        tx -> {
          List<SampleReport> out = new ArrayList<>();
          for (SampleInfo s : repos.samples().list(tx)) {
            List<SampleDraw.Stratum> strata = repos.samples().strata(tx, s.id());
            out.add(
                new SampleReport(
                    s,
                    strata,
                    List.of(),
                    repos.samples().overlapCount(tx, s.id()),
                    repos.samples().progress(tx, s.id()),
                    warnings(strata)));
          }
          return out;
        });
  }

  /** Each annotator's progress in a sample. */
  public List<AnnotatorProgress> progress(String sample) {
    return repos.read(
        tx -> {
          SampleInfo s = repos.samples().byName(tx, sample).orElseThrow(() -> noSample(sample));
          return repos.samples().progress(tx, s.id());
        });
  }

  /**
   * Plans sizes without drawing: for a margin, Cochran's size in every stratum of the frame and in
   * total; for a κ interval, the overlap needed (see {@link SamplePlan}).
   */
  public SamplePlan plan(PlanRequest request) {
    List<String> strataBy = Stratification.parse(request.strata());
    Frame frame = frame(request.frame());
    String runName = checkRunNeeds(request.run(), frame, strataBy);
    RunInfo run = runName == null ? null : run(runName);
    Map<StratumKey, Long> populations =
        repos.read(
            tx -> {
              Map<StratumKey, Long> counts = new TreeMap<>();
              candidates(tx, run, frame, strataBy, "plan for")
                  .forEach(cand -> counts.merge(cand.stratum(), 1L, Long::sum));
              return counts;
            });
    if (populations.isEmpty()) {
      throw SampleSize.emptyFrame(frame.key(), runName, "plan for");
    }
    return SamplePlan.compute(populations, request);
  }

  private static Frame frame(String frame) {
    if (frame == null) {
      return Frame.ALL;
    }
    return Frame.fromKey(frame.strip())
        .orElseThrow(
            () ->
                new BadInputException(
                    "unknown frame '" + frame + "' (use all, production or bug-perf)"));
  }

  private static String checkRunNeeds(String run, Frame frame, List<String> strataBy) {
    if (run == null && strataBy.contains(Stratification.PREDICTED)) {
      throw new BadInputException(
          "stratifying by predicted category needs a classifier run: give --run NAME"
              + " (see: labellens runs)");
    }
    if (run == null && frame == Frame.PRODUCTION) {
      throw new BadInputException(
          "the production frame needs a classifier run with production flags: give --run NAME");
    }
    return run;
  }

  private RunInfo run(String name) {
    return repos
        .read(tx -> repos.runQueries().byName(tx, name))
        .orElseThrow(
            () ->
                new BadInputException(
                    "no classifier run named '" + name + "' (see: labellens runs)"));
  }

  /**
   * The frame's candidates, read from the store each time they are needed (nothing is held per
   * issue); reading them fails with a precise message when the frame is empty or needs production
   * flags the run does not have.
   */
  private SampleDraw.CandidateSource candidates(
      Tx tx, RunInfo run, Frame frame, List<String> strataBy, String purpose) {
    Long runId = run == null ? null : run.id();
    return action -> {
      long[] inFrame = {0};
      boolean[] flagged = {false};
      repos
          .samples()
          .forEachFrameRow(
              tx,
              runId,
              r -> {
                flagged[0] |= r.production() != null;
                boolean in =
                    switch (frame) {
                      case ALL -> true;
                      case PRODUCTION -> r.production() != null && r.production() == 1;
                      case BUG_PERF -> Frame.hasBugPerfLabel(r.labels());
                    };
                if (in) {
                  inFrame[0]++;
                  action.accept(
                      new Candidate(
                          r.issueId(),
                          r.issue(),
                          Stratification.key(strataBy, r.framework(), r.primaryLabel())));
                }
              });
      if (frame == Frame.PRODUCTION && !flagged[0]) {
        throw new BadInputException(
            "run '"
                + run.name()
                + "' has no production flags (it is a run of outside labels, or its taxonomy"
                + " defines no production rules): the production frame needs a keyword classifier"
                + " run with production rules; use --frame all or bug-perf");
      }
      if (inFrame[0] == 0) {
        throw SampleSize.emptyFrame(frame.key(), run == null ? null : run.name(), purpose);
      }
    };
  }

  private SampleReport report(Tx tx, String name) {
    SampleInfo s = repos.samples().byName(tx, name).orElseThrow(() -> noSample(name));
    List<SampleDraw.Stratum> strata = repos.samples().strata(tx, s.id());
    List<SampleDraw.Item> items = repos.samples().items(tx, s.id());
    return new SampleReport(
        s,
        strata,
        items,
        repos.samples().overlapCount(tx, s.id()),
        repos.samples().progress(tx, s.id()),
        warnings(strata));
  }

  private static List<String> warnings(List<SampleDraw.Stratum> strata) {
    List<String> warnings = new ArrayList<>();
    List<String> census = new ArrayList<>();
    List<String> single = new ArrayList<>();
    for (SampleDraw.Stratum st : strata) {
      if (st.size() == 0) {
        warnings.add(
            "stratum "
                + st.key().label()
                + " ("
                + Counts.of(st.population(), "issue")
                + ") got no items: weighted estimates cannot cover it"
                + " (use --min-per-stratum)");
      } else if (st.size() == 1 && st.population() == 1) {
        census.add(st.key().label());
      } else if (st.size() == 1) {
        single.add(st.key().label() + " (1 of " + st.population() + ")");
      }
    }
    if (!census.isEmpty()) {
      warnings.add(
          census.size()
              + (census.size() == 1 ? " stratum has" : " strata have")
              + " a single issue in the frame, fewer than the minimum of "
              + DEFAULT_MIN_PER_STRATUM
              + " per stratum: "
              + String.join(", ", census)
              + "; taken whole (a census stratum adds no sampling variance)");
    }
    if (!single.isEmpty()) {
      warnings.add(
          single.size()
              + (single.size() == 1 ? " stratum got" : " strata got")
              + " a single item: "
              + String.join(", ", single)
              + "; one item gives no variance estimate, so validate collapses such a stratum"
              + " with a neighbour (use --min-per-stratum 2)");
    }
    return warnings;
  }

  static BadInputException noSample(String name) {
    return new BadInputException("no sample named '" + name + "' (see: labellens samples)");
  }

  /** The validated design. */
  private record Design(String runName, Frame frame, List<String> strataBy, SampleDesign design) {}

  private static Design design(SampleRequest r) {
    if (r.name() == null || !NAME.matcher(r.name()).matches()) {
      throw new BadInputException(
          "sample name '"
              + r.name()
              + "' is not valid: use 1 to 100 letters, digits, '.', '_' or '-'");
    }
    if ((r.size() == null) == (r.margin() == null)) {
      throw new BadInputException("give either --size N or --margin E (not both)");
    }
    if (r.size() != null) {
      SampleSize.checkSize("--size", r.size());
    }
    Frame frame = frame(r.frame());
    List<String> strataBy = Stratification.parse(r.strata());
    String runName = checkRunNeeds(r.run(), frame, strataBy);
    AllocationMethod allocation;
    if (r.margin() != null) {
      if (r.allocation() != null) {
        throw new BadInputException(
            "--allocation applies to --size; with --margin every stratum gets its own Cochran"
                + " size");
      }
      allocation = AllocationMethod.MARGIN;
      checkShare("--margin", r.margin());
    } else {
      allocation =
          r.allocation() == null
              ? AllocationMethod.PROPORTIONAL
              : AllocationMethod.fromKey(r.allocation().strip())
                  .filter(a -> a != AllocationMethod.MARGIN)
                  .orElseThrow(
                      () ->
                          new BadInputException(
                              "unknown allocation '"
                                  + r.allocation()
                                  + "' (use proportional or equal)"));
      if (r.confidence() != null) {
        throw new BadInputException("--confidence applies to --margin, not to --size");
      }
    }
    double confidence = r.confidence() == null ? DEFAULT_CONFIDENCE : r.confidence();
    checkShare("--confidence", confidence);
    int min = r.minPerStratum() == null ? DEFAULT_MIN_PER_STRATUM : r.minPerStratum();
    if (min < 0) {
      throw new BadInputException("--min-per-stratum cannot be negative, got " + min);
    }
    BigDecimal overlap = overlap(r.overlap());
    List<String> annotators = r.annotators().stream().map(String::strip).toList();
    SampleDesign design =
        new SampleDesign(
            r.seed() == null ? DEFAULT_SEED : r.seed(),
            r.size(),
            r.margin(),
            confidence,
            allocation,
            min,
            annotators,
            overlap);
    return new Design(runName, frame, strataBy, design);
  }

  private static BigDecimal overlap(String text) {
    if (text == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal f;
    try {
      f = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new BadInputException("--overlap '" + text + "' is not a number (e.g. 0.2)");
    }
    if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0) {
      throw new BadInputException(
          "--overlap " + text + " is outside [0, 1]: give the share of the sample, e.g. 0.2");
    }
    return f;
  }

  private static void checkShare(String option, double value) {
    if (!(value > 0 && value < 1)) {
      throw new BadInputException(
          option + " " + value + " must be between 0 and 1 (exclusive), e.g. 0.05 or 0.95");
    }
  }

  private static String parameters(SampleRequest r, Design d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", r.name());
    p.put("size", r.size());
    p.put("margin", r.margin());
    p.put("confidence", r.margin() == null ? null : d.design.confidence());
    p.put("run", r.run());
    p.put("frame", d.frame.key());
    p.put("strata", d.strataBy);
    p.put("allocation", d.design.allocation().key());
    p.put("min_per_stratum", d.design.minPerStratum());
    p.put("seed", d.design.seed());
    p.put("annotators", d.design.annotators());
    p.put("overlap", d.design.overlap());
    p.put("blind", r.blindFirst());
    p.put("hash", "sha256(\"<seed>:<repo>#<number>\")");
    return JsonOutput.line(p);
  }
}
