package org.labellens.core.review;

import java.util.List;
import java.util.Locale;
import org.labellens.core.sampling.AllocationMethod;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;

/** How a sample was drawn, in one sentence a methods section can cite. */
public final class SampleDescription {
  private SampleDescription() {}

  /**
   * E.g. "Sample 'main': a stratified random sample of 373 of the 12,349 issues of the frame 'all'
   * (classifier run 'study-v1'), stratified by framework and predicted primary category (27
   * strata), allocated proportionally, drawn in SHA-256 hash order with seed 1; 75 items (20%)
   * labelled by each of 3 annotators (a, b, c), the others by one; each item has the design weight
   * N_h/n_h."
   */
  public static String sentence(
      SampleInfo s, List<SampleDraw.Stratum> strata, int overlapItems, List<String> annotators) {
    long population = strata.stream().mapToLong(SampleDraw.Stratum::population).sum();
    StringBuilder sb = new StringBuilder();
    sb.append("Sample '").append(s.name()).append("': a ");
    sb.append(s.strataBy().isEmpty() ? "simple" : "stratified").append(" random sample of ");
    sb.append(count(s.size())).append(" of the ").append(count(population));
    sb.append(" issues of the frame '").append(s.frame().key()).append('\'');
    if (s.run() != null) {
      sb.append(" (classifier run '").append(s.run()).append("')");
    }
    if (!s.strataBy().isEmpty()) {
      sb.append(", stratified by ");
      sb.append(
          String.join(
              " and ",
              s.strataBy().stream()
                  .map(v -> v.equals("predicted") ? "predicted primary category" : v)
                  .toList()));
      sb.append(" (").append(strata.size()).append(strata.size() == 1 ? " stratum)" : " strata)");
      sb.append(", allocated ").append(allocation(s.allocation()));
    }
    sb.append(", drawn in SHA-256 hash order with seed ").append(s.seed());
    if (annotators.size() > 1 && overlapItems > 0) {
      sb.append("; ")
          .append(count(overlapItems))
          .append(" items (")
          .append(percent((double) overlapItems / Math.max(1, s.size())))
          .append(") labelled by each of ")
          .append(annotators.size())
          .append(" annotators (")
          .append(String.join(", ", annotators))
          .append("), the others by one");
    } else if (!annotators.isEmpty()) {
      sb.append("; labelled by ")
          .append(annotators.size() == 1 ? "one annotator (" : annotators.size() + " annotators (")
          .append(String.join(", ", annotators))
          .append(annotators.size() == 1 ? ")" : "), each item by one");
    }
    if (s.blindFirst()) {
      sb.append(", each deciding before and after seeing the classifier's labels");
    }
    sb.append(
        "; each item has the design weight N_h/n_h, the population of its stratum over the"
            + " stratum's sample (validation adjusts it per label for the items without gold:"
            + " N_h/m_h).");
    return sb.toString();
  }

  private static String allocation(AllocationMethod m) {
    return switch (m) {
      case PROPORTIONAL -> "proportionally to stratum size";
      case EQUAL -> "equally across strata";
      case MARGIN -> "by Cochran's size for a proportion in every stratum";
    };
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }
}
