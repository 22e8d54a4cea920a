package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.BadInputException;
import org.labellens.core.Counts;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.IssueKey;
import org.labellens.core.report.TextTable;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.core.validation.Adjudication;
import org.labellens.io.JsonOutput;
import org.labellens.service.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code adjudicate}: the lead's queue (items where annotators disagree or someone was unsure), one
 * item in full, or setting an item's gold value on one dimension.
 */
@Command(
    name = "adjudicate",
    mixinStandardHelpOptions = true,
    description = {
      "Without --issue: lists the items to adjudicate (annotators disagree on a dimension, or"
          + " someone was unsure). With --issue: shows the item's decisions side by side, the"
          + " classifier's prediction and evidence. With --issue, --dimension and --value: sets"
          + " the item's gold value on that dimension (checked against the taxonomy).",
      "Values: one label, or for a set-valued dimension labels separated by commas (an empty"
          + " value or [] is the empty set)."
    })
final class AdjudicateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--sample", required = true, paramLabel = "S", description = "The sample.")
  String sample;

  @Option(
      names = "--issue",
      paramLabel = "REPO#N",
      description = "An item, e.g. vllm-project/vllm#123.")
  String issue;

  @Option(names = "--dimension", paramLabel = "D", description = "The dimension to adjudicate.")
  String dimension;

  @Option(names = "--value", paramLabel = "V", description = "The gold value.")
  String value;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept with the value).")
  String note;

  @Option(
      names = "--lead",
      paramLabel = "NAME",
      defaultValue = "lead",
      description = "Who adjudicates (default: ${DEFAULT-VALUE}).")
  String lead;

  @Option(names = "--all", description = "List adjudicated items too.")
  boolean all;

  @Mixin JsonFormatOption format;

  @Override
  public Integer call() {
    boolean json = format.json();
    PrintWriter out = spec.commandLine().getOut();
    try (Project p = Project.open(project.db())) {
      if (issue == null) {
        if (dimension != null || value != null) {
          throw new ParameterException(spec.commandLine(), "--dimension and --value need --issue");
        }
        List<AdjudicationCase> queue = p.adjudication().queue(sample, all);
        if (json) {
          List<Object> items = new ArrayList<>();
          queue.forEach(c -> items.add(json(c)));
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("sample", sample);
          doc.put("items", items);
          out.println(JsonOutput.pretty(doc));
        } else {
          TextTable t = new TextTable("issue", "dimensions", "status", "title");
          for (AdjudicationCase c : queue) {
            List<String> dims = new ArrayList<>();
            for (AdjudicationCase.DimensionState d : c.dimensions()) {
              if (d.flagged()) {
                dims.add(d.dimension() + (d.disagreement() ? " (disagree)" : " (unsure)"));
              }
            }
            t.row(
                c.issue().toString(),
                String.join(", ", dims),
                c.open() ? "open" : "adjudicated",
                c.title());
          }
          out.printf("%s to adjudicate in sample %s%n", Counts.of(queue.size(), "item"), sample);
          out.print(t.plain());
        }
        return 0;
      }
      IssueKey key = parseIssue(issue);
      if (dimension == null && value == null) {
        AdjudicationCase c = p.adjudication().item(sample, key);
        if (json) {
          out.println(JsonOutput.pretty(json(c)));
        } else {
          show(out, c);
        }
        return 0;
      }
      if (dimension == null || value == null) {
        throw new ParameterException(
            spec.commandLine(), "to adjudicate, give --issue, --dimension and --value");
      }
      SchemeDimension d = p.annotations().scheme(sample).require(dimension);
      Adjudication a =
          p.adjudication().adjudicate(sample, key, dimension, parseValue(d, value), note, lead);
      if (json) {
        out.println(JsonOutput.pretty(json(a)));
      } else {
        out.printf(
            "%s %s: %s (adjudicated by %s at %s)%n",
            a.issue(), a.dimension(), a.value().toJson(), a.adjudicator(), a.adjudicatedAt());
      }
    }
    return 0;
  }

  static IssueKey parseIssue(String text) {
    int hash = text.lastIndexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      throw new BadInputException("--issue '" + text + "' is not REPO#NUMBER, e.g. owner/repo#12");
    }
    try {
      return new IssueKey(text.substring(0, hash), Integer.parseInt(text.substring(hash + 1)));
    } catch (NumberFormatException e) {
      throw new BadInputException("--issue '" + text + "': the number is not a number");
    }
  }

  static DecisionValue parseValue(SchemeDimension d, String text) {
    String t = text.strip();
    if (t.startsWith("[") || t.startsWith("\"")) {
      try {
        return DecisionValue.fromJson(t);
      } catch (RuntimeException e) {
        throw new BadInputException("--value " + text + " is not a JSON string or array");
      }
    }
    if (d.kind().isSet()) {
      List<String> labels = new ArrayList<>();
      for (String part : t.split(",")) {
        if (!part.isBlank()) {
          labels.add(part.strip());
        }
      }
      return DecisionValue.set(labels);
    }
    return DecisionValue.single(t);
  }

  private static void show(PrintWriter out, AdjudicationCase c) {
    out.printf("%s  %s%n%s%n", c.issue(), c.title(), c.url() == null ? "" : c.url());
    out.printf(
        "framework %s; stratum %s%s%n", c.framework(), c.stratum(), c.overlap() ? "; overlap" : "");
    out.println("classifier: " + (c.predicted().isEmpty() ? "(no run)" : c.predicted()));
    TextTable t =
        new TextTable("annotator", "dimension", "phase", "value", "unsure", "reason", "note");
    for (Decision d : c.decisions()) {
      t.row(
          d.annotator(),
          d.dimension(),
          d.phase().key(),
          d.value().toJson(),
          d.unsure() ? "unsure" : "",
          d.reason() == null ? "" : d.reason(),
          d.note() == null ? "" : d.note());
    }
    out.print(t.plain());
    TextTable g = new TextTable("dimension", "status", "gold", "source");
    for (AdjudicationCase.DimensionState d : c.dimensions()) {
      g.row(
          d.dimension(),
          (d.disagreement() ? "disagree " : "") + (d.unsure() ? "unsure " : ""),
          d.gold().isResolved() ? d.gold().value().toJson() : d.gold().explanation(),
          d.gold().isResolved() ? d.gold().source().key() : "");
    }
    out.print(g.plain());
    for (Evidence e : c.evidence()) {
      out.printf(
          "evidence: %s %s '%s' in %s [%d, %d) x%d%n",
          e.dimension(), e.label(), e.keyword(), e.field(), e.start(), e.end(), e.hits());
    }
  }

  private static Map<String, Object> json(AdjudicationCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repo", c.issue().repo());
    m.put("number", c.issue().number());
    m.put("title", c.title());
    m.put("framework", c.framework());
    m.put("stratum", c.stratum());
    m.put("open", c.open());
    List<Object> dims = new ArrayList<>();
    for (AdjudicationCase.DimensionState d : c.dimensions()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("dimension", d.dimension());
      dm.put("disagreement", d.disagreement());
      dm.put("unsure", d.unsure());
      dm.put("gold", d.gold().isResolved() ? d.gold().value().plain() : null);
      dm.put("gold_source", d.gold().isResolved() ? d.gold().source().key() : null);
      dm.put("unresolved", d.gold().isUnresolved() ? d.gold().explanation() : null);
      dm.put("adjudication", d.adjudication() == null ? null : json(d.adjudication()));
      dims.add(dm);
    }
    m.put("dimensions", dims);
    List<Object> decisions = new ArrayList<>();
    for (Decision d : c.decisions()) {
      decisions.add(d.reviewFields());
    }
    m.put("decisions", decisions);
    Map<String, Object> predicted = new LinkedHashMap<>();
    c.predicted().forEach((k, v) -> predicted.put(k, v.plain()));
    m.put("predicted", predicted);
    List<Object> evidence = new ArrayList<>();
    for (Evidence e : c.evidence()) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("dimension", e.dimension());
      em.put("label", e.label());
      em.put("keyword", e.keyword());
      em.put("field", e.field());
      em.put("start", e.start());
      em.put("end", e.end());
      evidence.add(em);
    }
    m.put("evidence", evidence);
    return m;
  }

  private static Map<String, Object> json(Adjudication a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repo", a.issue().repo());
    m.put("number", a.issue().number());
    m.put("dimension", a.dimension());
    m.put("value", a.value().plain());
    m.put("note", a.note());
    m.put("adjudicator", a.adjudicator());
    m.put("at", a.adjudicatedAt());
    return m;
  }
}
