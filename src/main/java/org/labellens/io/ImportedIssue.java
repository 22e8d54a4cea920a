package org.labellens.io;

import java.util.List;
import org.labellens.core.model.Issue;
import org.labellens.core.model.Utf8Issue;

/**
 * One issue read from an input file, with where it was read (for messages) and, when the import
 * names a label field, the outside classifier's labels for it ({@code null} when no label field was
 * asked). The issue is held as the import stores it: title and body as UTF-8 ({@link #stored}); an
 * {@link Issue} with strings is made on request.
 */
public record ImportedIssue(Utf8Issue stored, List<String> outsideLabels, String location) {
  /** The issue, its title and body decoded (made anew at each call). */
  public Issue issue() {
    return stored.toIssue();
  }
}
