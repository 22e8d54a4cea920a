package org.labellens.io;

import java.util.List;
import org.labellens.core.model.Issue;

/**
 * One issue read from an input file, with where it was read (for messages) and, when the import
 * names a label field, the outside classifier's labels for it ({@code null} when no label field was
 * asked).
 */
public record ImportedIssue(Issue issue, List<String> outsideLabels, String location) {}
