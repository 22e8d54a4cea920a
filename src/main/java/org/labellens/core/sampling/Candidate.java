package org.labellens.core.sampling;

import org.labellens.core.model.IssueKey;

/** An issue of the frame, with the stratum it falls in. */
public record Candidate(long issueId, IssueKey issue, StratumKey stratum) {}
