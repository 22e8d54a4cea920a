package org.labellens.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.MadeBy;
import org.labellens.core.annotation.Phase;
import org.labellens.core.report.CsvCells;
import org.labellens.core.review.ExportDocument;
import org.labellens.core.validation.Adjudication;
import org.labellens.core.validation.Gold;

/**
 * Writes a sample's validated labels (docs/validation.md, "Exports"): CSV (UTF-8, a header, one row
 * per issue, every cell neutralised against spreadsheet formulas), JSONL (one issue per line), JSON
 * (the sample and its issues), and Label Studio task JSON. Output depends only on the document: no
 * clock, stable order, so the same inputs give the same bytes.
 */
public final class ExportWriter {
  /** The export formats. */
  public enum Format {
    CSV,
    JSONL,
    JSON,
    LABELSTUDIO;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The Label Studio object tag the choices refer to ({@code <Text name="text" value="$text"/>}).
   */
  public static final String LABEL_STUDIO_TEXT = "text";

  /** In CSV, the empty set (an empty cell means no value). */
  public static final String EMPTY_SET = "(none)";

  private ExportWriter() {}

  /** Where a Label Studio task's text comes from: the row's body, or one looked up per issue. */
  @FunctionalInterface
  public interface Bodies {
    /** The body of the row's issue (null for none). */
    String body(ExportDocument.Row row);
  }

  public static void write(ExportDocument doc, Format format, Writer out) throws IOException {
    write(doc, format, out, ExportDocument.Row::body);
  }

  /** Writes a whole document; see {@link #open}. */
  public static void write(ExportDocument doc, Format format, Writer out, Bodies bodies)
      throws IOException {
    Stream stream = open(doc.head(), format, out, bodies);
    for (ExportDocument.Row row : doc.rows()) {
      stream.row(row);
    }
    stream.finish();
  }

  /**
   * Starts an export that is written issue by issue: every format is streamed, so no more than one
   * issue's output (and, with {@code bodies} looking each body up, one body) is held at a time, and
   * the caller need hold no more than the row it hands over.
   */
  public static Stream open(ExportDocument.Head head, Format format, Writer out, Bodies bodies)
      throws IOException {
    return new Stream(head, format, out, bodies);
  }

  /** An export being written: {@link #row} for each issue in order, then {@link #finish}. */
  public static final class Stream {
    private final ExportDocument.Head doc;
    private final Format format;
    private final Writer out;
    private final Bodies bodies;
    private final JsonOutput.PrettyStream json;

    private Stream(ExportDocument.Head doc, Format format, Writer out, Bodies bodies)
        throws IOException {
      this.doc = doc;
      this.format = format;
      this.out = out;
      this.bodies = bodies;
      switch (format) {
        case CSV -> {
          csvHeader(doc, out);
          json = null;
        }
        case JSONL -> json = null;
        case JSON -> {
          json = JsonOutput.prettyStream(out);
          json.startObject();
          for (Map.Entry<String, Object> field : jsonHead(doc).entrySet()) {
            json.field(field.getKey(), field.getValue());
          }
          json.startArrayField("issues");
        }
        case LABELSTUDIO -> {
          json = JsonOutput.prettyStream(out);
          json.startArray();
        }
        default -> throw new AssertionError(format);
      }
    }

    /** Writes one issue. */
    public void row(ExportDocument.Row row) throws IOException {
      switch (format) {
        case CSV -> csvRow(doc, row, out);
        case JSONL -> {
          Map<String, Object> line = issue(doc, row);
          line.put("provenance", doc.provenance().json());
          out.write(JsonOutput.line(line));
          out.write('\n');
        }
        case JSON -> json.value(issue(doc, row));
        case LABELSTUDIO -> json.value(labelStudioTask(doc, row, bodies.body(row)));
        default -> throw new AssertionError(format);
      }
    }

    /** Ends the export (the writer stays open). */
    public void finish() throws IOException {
      switch (format) {
        case CSV, JSONL -> {}
        case JSON -> {
          json.endArray();
          json.endObject();
          json.close();
          out.write("\n");
        }
        case LABELSTUDIO -> {
          json.endArray();
          json.close();
          out.write("\n");
        }
        default -> throw new AssertionError(format);
      }
    }
  }

  // ------------------------------------------------------------------ CSV

  private static void csvHeader(ExportDocument.Head doc, Writer out) throws IOException {
    List<String> header =
        new ArrayList<>(
            List.of(
                "repo",
                "number",
                "framework",
                "url",
                "title",
                "stratum",
                "design_weight",
                "overlap"));
    Map<String, List<String>> goldLabels = doc.goldLabels();
    Map<String, List<String>> weightLabels = doc.weightLabels();
    for (String d : doc.dimensions()) {
      if (doc.isText(d)) {
        continue; // free text: only the annotators' columns
      }
      if (!doc.goldOnly()) {
        header.add("predicted_" + d);
      }
      header.add("gold_" + d);
      header.add("gold_" + d + "_source");
      for (String label : goldLabels.getOrDefault(d, List.of())) {
        header.add("gold_" + d + "_" + label);
      }
      if (weightLabels.containsKey(d)) {
        if (goldLabels.containsKey(d)) {
          for (String label : weightLabels.get(d)) {
            header.add("weight_" + d + "_" + label);
          }
        } else {
          header.add("weight_" + d);
        }
      }
    }
    if (!doc.goldOnly()) {
      for (String a : doc.annotators()) {
        for (String d : doc.dimensions()) {
          header.add(a + "_" + d);
        }
      }
    }
    header.add("provenance");
    line(out, header);
  }

  private static void csvRow(ExportDocument.Head doc, ExportDocument.Row row, Writer out)
      throws IOException {
    Map<String, List<String>> goldLabels = doc.goldLabels();
    Map<String, List<String>> weightLabels = doc.weightLabels();
    List<String> cells = new ArrayList<>();
    cells.add(row.issue().repo());
    cells.add(Integer.toString(row.issue().number()));
    cells.add(row.framework());
    cells.add(row.url());
    cells.add(row.title());
    cells.add(row.stratum());
    cells.add(Double.toString(row.weight()));
    cells.add(row.overlap() ? "1" : "0");
    for (String d : doc.dimensions()) {
      if (doc.isText(d)) {
        continue;
      }
      if (!doc.goldOnly()) {
        cells.add(csvValue(row.predicted().get(d)));
      }
      Gold g = row.gold().get(d);
      cells.add(g != null && g.isResolved() ? csvValue(g.value()) : "");
      cells.add(g == null ? "" : source(g));
      for (String label : goldLabels.getOrDefault(d, List.of())) {
        Boolean on = row.labelGold().getOrDefault(d, Map.of()).get(label);
        cells.add(on == null ? "" : on ? "1" : "0");
      }
      if (weightLabels.containsKey(d)) {
        Map<String, Double> w = row.labelWeights().getOrDefault(d, Map.of());
        List<String> labels =
            goldLabels.containsKey(d) ? weightLabels.get(d) : weightLabels.get(d).subList(0, 1);
        for (String label : labels) {
          Double v = w.get(label);
          cells.add(v == null ? "" : Double.toString(v));
        }
      }
    }
    if (!doc.goldOnly()) {
      for (String a : doc.annotators()) {
        for (String d : doc.dimensions()) {
          cells.add(csvValue(finalValue(row, a, d)));
        }
      }
    }
    cells.add(provenanceCell(doc));
    line(out, cells);
  }

  /**
   * Who made the sample's decisions, on every row: {@code person}, or the banner saying how many
   * were made by {@code simulate}.
   */
  static String provenanceCell(ExportDocument.Head doc) {
    String banner = doc.provenance().banner();
    return banner == null ? MadeBy.PERSON.key() : banner;
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(CsvCells.field(cells.get(i)));
    }
    out.write("\r\n");
  }

  private static String csvValue(DecisionValue v) {
    if (v == null) {
      return "";
    }
    if (v.set()) {
      return v.labels().isEmpty() ? EMPTY_SET : String.join(";", v.labels());
    }
    return v.label();
  }

  private static String source(Gold g) {
    return switch (g.status()) {
      case RESOLVED -> g.source().key();
      case UNRESOLVED -> "unresolved";
      case NONE -> "";
    };
  }

  /** The annotator's final value: revealed over blind. */
  private static DecisionValue finalValue(ExportDocument.Row row, String annotator, String dim) {
    DecisionValue out = null;
    for (Decision d : row.decisions()) {
      if (d.annotator().equals(annotator) && d.dimension().equals(dim)) {
        if (out == null || d.phase() == Phase.REVEALED) {
          out = d.value();
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ JSON

  /** The JSON export's fields before its issues. */
  private static Map<String, Object> jsonHead(ExportDocument.Head doc) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("sample", doc.sample().name());
    root.put("provenance", doc.provenance().json());
    root.put("description", doc.description());
    root.put("run", doc.run());
    root.put("taxonomy", doc.scheme().reference());
    root.put("dimensions", doc.dimensions());
    root.put("annotators", doc.annotators());
    root.put("gold_only", doc.goldOnly());
    root.put(
        "gold_rule",
        "adjudicated value, else the annotators' unanimous value, else the strict majority (each"
            + " annotator's latest phase); for a set-valued dimension gold is decided per (issue,"
            + " label) and a tie on one label leaves only that label unresolved (gold_labels:"
            + " null); the empty-set label is in when every label is out, out when one is in");
    root.put("design_weight", "N_h/n_h: the design weight of the issue's stratum");
    root.put(
        "weights",
        "per validated dimension and label, the weight validate gives the issue in that label's"
            + " figures: N_h/m_h, m_h the stratum's issues whose gold on the label is resolved and"
            + " that the sample's run covers; null where the issue does not count for the label");
    return root;
  }

  private static Map<String, Object> issue(ExportDocument.Head doc, ExportDocument.Row row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repo", row.issue().repo());
    m.put("number", row.issue().number());
    m.put("framework", row.framework());
    m.put("url", row.url());
    m.put("title", row.title());
    m.put("sample", doc.sample().name());
    m.put("stratum", row.stratum());
    m.put("design_weight", row.weight());
    m.put("weights", row.labelWeights());
    m.put("overlap", row.overlap());
    Map<String, Object> gold = new LinkedHashMap<>();
    for (String d : doc.dimensions()) {
      if (doc.isText(d)) {
        continue; // free text has no gold; its values are in "annotations"
      }
      Gold g = row.gold().get(d);
      Map<String, Object> gm = new LinkedHashMap<>();
      gm.put("value", g != null && g.isResolved() ? g.value().plain() : null);
      gm.put("source", g == null ? null : source(g).isEmpty() ? null : source(g));
      if (g != null && g.isUnresolved()) {
        gm.put("reason", g.explanation());
      }
      if (row.labelGold().containsKey(d)) {
        gm.put("labels", row.labelGold().get(d));
      }
      gold.put(d, gm);
    }
    m.put("gold", gold);
    if (!doc.goldOnly()) {
      Map<String, Object> predicted = new LinkedHashMap<>();
      row.predicted().forEach((k, v) -> predicted.put(k, v.plain()));
      m.put("predicted", predicted);
      List<Object> decisions = new ArrayList<>();
      for (Decision d : row.decisions()) {
        decisions.add(d.reviewFields());
      }
      m.put("annotations", decisions);
      List<Object> adjudications = new ArrayList<>();
      for (Adjudication a : row.adjudications().values()) {
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("dimension", a.dimension());
        am.put("value", a.value().plain());
        am.put("note", a.note());
        am.put("adjudicator", a.adjudicator());
        am.put("at", a.adjudicatedAt());
        adjudications.add(am);
      }
      m.put("adjudications", adjudications);
    }
    return m;
  }

  // ------------------------------------------------------------------ Label Studio

  /**
   * Label Studio's task import format: a list of tasks, each with the issue as {@code data} ({@code
   * text} is the title and body, for {@code <Text name="text" value="$text"/>}), each annotator's
   * final decisions as one annotation (results of type {@code choices}, one per dimension, {@code
   * from_name} the dimension), the gold as an annotation marked {@code ground_truth}, and the
   * classifier's labels as a prediction whose {@code model_version} is the run. {@code
   * data.annotators} names the author of each annotation, in order. An empty set has no result
   * (nothing chosen).
   */
  private static Map<String, Object> labelStudioTask(
      ExportDocument.Head doc, ExportDocument.Row row, String body) {
    {
      Map<String, Object> task = new LinkedHashMap<>();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put(LABEL_STUDIO_TEXT, row.title() + "\n\n" + (body == null ? "" : body));
      data.put("title", row.title());
      data.put("repo", row.issue().repo());
      data.put("number", row.issue().number());
      data.put("url", row.url());
      data.put("framework", row.framework());
      data.put("sample", doc.sample().name());
      data.put("stratum", row.stratum());
      data.put("design_weight", row.weight());
      List<String> authors = new ArrayList<>();
      List<Object> annotations = new ArrayList<>();
      if (!doc.goldOnly()) {
        for (String a : doc.annotators()) {
          List<Object> result = new ArrayList<>();
          double seconds = 0;
          for (String d : doc.dimensions()) {
            DecisionValue v = finalValue(row, a, d);
            if (doc.isText(d)) {
              text(result, a + ":" + d, d, v);
            } else {
              choice(result, a + ":" + d, d, v);
            }
          }
          for (Decision d : row.decisions()) {
            if (d.annotator().equals(a) && d.seconds() != null) {
              seconds += d.seconds();
            }
          }
          if (result.isEmpty()
              && row.decisions().stream().noneMatch(x -> x.annotator().equals(a))) {
            continue;
          }
          Map<String, Object> annotation = new LinkedHashMap<>();
          annotation.put("result", result);
          annotation.put("was_cancelled", false);
          annotation.put("ground_truth", false);
          annotation.put("lead_time", Math.round(seconds * 10) / 10.0);
          annotations.add(annotation);
          authors.add(a);
        }
      }
      List<Object> gold = new ArrayList<>();
      boolean anyGold = false;
      for (String d : doc.dimensions()) {
        Gold g = row.gold().get(d);
        if (g != null && g.isResolved()) {
          anyGold = true;
          choice(gold, "gold:" + d, d, g.value());
        }
      }
      if (anyGold) {
        Map<String, Object> annotation = new LinkedHashMap<>();
        annotation.put("result", gold);
        annotation.put("was_cancelled", false);
        annotation.put("ground_truth", true);
        annotations.add(annotation);
        authors.add("gold");
      }
      data.put("annotators", authors);
      data.put("provenance", provenanceCell(doc));
      task.put("data", data);
      task.put("annotations", annotations);
      List<Object> predictions = new ArrayList<>();
      if (!doc.goldOnly() && !row.predicted().isEmpty() && doc.run() != null) {
        List<Object> result = new ArrayList<>();
        for (String d : doc.dimensions()) {
          choice(result, "classifier:" + d, d, row.predicted().get(d));
        }
        Map<String, Object> prediction = new LinkedHashMap<>();
        prediction.put("model_version", doc.run());
        prediction.put("result", result);
        predictions.add(prediction);
      }
      task.put("predictions", predictions);
      return task;
    }
  }

  /** A free-text decision, as Label Studio's {@code <TextArea>} result. */
  private static void text(List<Object> result, String id, String dimension, DecisionValue v) {
    if (v == null || v.set()) {
      return;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("from_name", dimension);
    r.put("to_name", LABEL_STUDIO_TEXT);
    r.put("type", "textarea");
    r.put("value", Map.of("text", List.of(v.label())));
    result.add(r);
  }

  private static void choice(List<Object> result, String id, String dimension, DecisionValue v) {
    if (v == null || v.labels().isEmpty()) {
      return;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("from_name", dimension);
    r.put("to_name", LABEL_STUDIO_TEXT);
    r.put("type", "choices");
    r.put("value", Map.of("choices", v.labels()));
    result.add(r);
  }
}
