package org.labellens.service;

import org.labellens.core.model.IssueFormat;

/**
 * What to import and how.
 *
 * @param repo repository for every issue ({@code --repo}), or null
 * @param framework framework for every issue ({@code --framework}), or null to derive it
 * @param format input format, {@link IssueFormat#AUTO} to detect per file
 * @param labelField field holding an outside classifier's labels ({@code --label-field}), or null
 * @param run name of the classifier run the outside labels form ({@code --run}), or null
 */
public record ImportRequest(
    String repo, String framework, IssueFormat format, String labelField, String run) {
  public static final ImportRequest DEFAULT =
      new ImportRequest(null, null, IssueFormat.AUTO, null, null);
}
