package org.labellens.core.stats;

import java.util.List;

/** Small hand-made studies: each row is an item, each string a rater's label ("-" = missing). */
final class Studies {
  private Studies() {}

  /** Raters are named A, B, C, …; categories are those seen, in order of appearance. */
  static AgreementStudy<String> of(String... rows) {
    return build(AgreementStudy.builder(), rows);
  }

  /** As {@link #of}, with the categories declared. */
  static AgreementStudy<String> declared(List<String> categories, String... rows) {
    return build(AgreementStudy.<String>builder().categories(categories), rows);
  }

  private static AgreementStudy<String> build(
      AgreementStudy.Builder<String> builder, String[] rows) {
    for (int i = 0; i < rows.length; i++) {
      String[] labels = rows[i].trim().split("\\s+");
      for (int r = 0; r < labels.length; r++) {
        String rater = String.valueOf((char) ('A' + r));
        builder.rate("item" + (i + 1), rater, labels[r].equals("-") ? null : labels[r]);
      }
    }
    return builder.build();
  }
}
