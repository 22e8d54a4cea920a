package org.labellens.core.review;

import org.labellens.core.model.IssueKey;
import org.labellens.core.validation.Gold;

/** A sampled item whose annotators tie on a dimension: it has no gold until the lead decides. */
public record UnresolvedItem(IssueKey issue, String title, String dimension, Gold gold) {}
