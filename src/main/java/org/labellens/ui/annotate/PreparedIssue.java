package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.annotation.Decision;
import org.labellens.service.BodyModel;
import org.labellens.service.IssueDisplay;

/**
 * An issue ready to be shown, prepared off the FX thread: what was loaded (the issue, the
 * classifier's output, the annotator's earlier decisions), the body's display model with and
 * without the classifier's highlights, and the evidence lines. Showing it only builds nodes.
 *
 * @param blindBody the body without highlights, for the blind phase (null when the sample is not
 *     blind-first)
 */
public record PreparedIssue(
    IssueDisplay display,
    List<Decision> decisions,
    BodyModel body,
    BodyModel blindBody,
    List<EvidenceLine> evidence) {

  /**
   * One line of "why the classifier said so": a keyword, its label and field, how often it
   * occurred; {@code styleClass} is the swatch ({@code cat-k} for a counted category, else {@code
   * keyword-ignored}); {@code counted} is false when it did not vote.
   */
  public record EvidenceLine(String text, String styleClass, boolean counted) {}

  /**
   * Prepares {@code display}; {@code categoryLabels} (in the scheme's order) pick each category's
   * colour.
   */
  public static PreparedIssue prepare(
      IssueDisplay display,
      List<Decision> decisions,
      List<String> categoryLabels,
      boolean blindFirst) {
    String body = display.issue().body();
    List<BodyModel.Zone> zones = new ArrayList<>();
    for (IssueDisplay.Zone z : display.zones()) {
      zones.add(new BodyModel.Zone(kind(z.kind()), z.start(), z.end()));
    }
    List<BodyModel.Highlight> highlights = new ArrayList<>();
    for (IssueDisplay.Highlight h : display.highlights()) {
      if (h.field().equals("body")) {
        int k = categoryLabels.indexOf(h.label());
        boolean category = h.dimension().equals(AnnotateViewModel.CATEGORY) && k >= 0;
        String style = !h.counted() ? "keyword-ignored" : category ? "cat-" + k : "keyword-other";
        highlights.add(
            new BodyModel.Highlight(
                h.start(),
                h.end(),
                style,
                "\""
                    + h.keyword()
                    + "\" → "
                    + h.label()
                    + (h.counted() ? "" : " (not counted: " + h.why() + ")")));
      }
    }
    BodyModel revealed = BodyModel.build(body, zones, highlights);
    BodyModel blind = blindFirst ? BodyModel.build(body, zones, List.of()) : null;
    return new PreparedIssue(
        display, List.copyOf(decisions), revealed, blind, evidence(display, categoryLabels));
  }

  private static BodyModel.Kind kind(String k) {
    return switch (k) {
      case "code" -> BodyModel.Kind.CODE;
      case "log" -> BodyModel.Kind.LOG;
      case "env" -> BodyModel.Kind.ENV;
      case "template" -> BodyModel.Kind.TEMPLATE;
      default -> BodyModel.Kind.PROSE;
    };
  }

  /**
   * The category evidence, one line per keyword, label, field and status, in order of first use.
   */
  static List<EvidenceLine> evidence(IssueDisplay d, List<String> categoryLabels) {
    Map<String, int[]> counted = new LinkedHashMap<>();
    Map<String, String> labelOf = new LinkedHashMap<>();
    for (IssueDisplay.Highlight h : d.highlights()) {
      if (!h.dimension().equals(AnnotateViewModel.CATEGORY)) {
        continue;
      }
      String key =
          "\""
              + h.keyword()
              + "\" → "
              + h.label()
              + "  ("
              + h.field()
              + ")"
              + (h.counted() ? "" : "  not counted: " + h.why());
      counted.computeIfAbsent(key, x -> new int[1])[0]++;
      labelOf.put(key, h.counted() ? h.label() : null);
    }
    List<EvidenceLine> lines = new ArrayList<>();
    counted.forEach(
        (key, n) -> {
          String label = labelOf.get(key);
          int k = label == null ? -1 : categoryLabels.indexOf(label);
          lines.add(
              new EvidenceLine(
                  key + (n[0] > 1 ? "  ×" + n[0] : ""),
                  k < 0 ? "keyword-ignored" : "cat-" + k,
                  label != null));
        });
    return List.copyOf(lines);
  }
}
