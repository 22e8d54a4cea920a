package org.labellens.ui.review;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labellens.core.review.ChangedIssue;
import org.labellens.ui.common.BackgroundExecutor;
import org.labellens.ui.common.LatestOnly;

/**
 * The review's flag for sampled issues whose text changed after the sample was drawn (a later
 * import or fetch): empty when there are none, else which ones and how many already had decisions.
 */
public final class ChangedIssuesViewModel {
  private static final int NAMED = 5;
  private final Function<String, List<ChangedIssue>> source;
  private final LatestOnly loads;
  private final ReadOnlyStringWrapper flag = new ReadOnlyStringWrapper("");

  public ChangedIssuesViewModel(
      Function<String, List<ChangedIssue>> source, BackgroundExecutor background) {
    this.source = source;
    this.loads = new LatestOnly(background);
  }

  /** The flag's text: empty when no sampled issue changed. */
  public ReadOnlyStringProperty flagProperty() {
    return flag.getReadOnlyProperty();
  }

  public void open(String sample) {
    if (sample == null) {
      loads.cancel();
      flag.set("");
      return;
    }
    loads.run(() -> source.apply(sample), list -> flag.set(describe(list)), e -> flag.set(""));
  }

  /** "2 issues changed after sampling (1 under a decision): o/r#1, o/r#7". */
  static String describe(List<ChangedIssue> changed) {
    if (changed.isEmpty()) {
      return "";
    }
    long underDecision = changed.stream().filter(c -> c.decisionsBefore() > 0).count();
    StringBuilder sb =
        new StringBuilder(changed.size() == 1 ? "1 issue" : changed.size() + " issues");
    sb.append(" changed after sampling");
    if (underDecision > 0) {
      sb.append(" (").append(underDecision).append(" under a decision already made)");
    }
    sb.append(": ");
    for (int i = 0; i < Math.min(NAMED, changed.size()); i++) {
      sb.append(i == 0 ? "" : ", ").append(changed.get(i).key());
    }
    if (changed.size() > NAMED) {
      sb.append(", …");
    }
    return sb.toString();
  }
}
