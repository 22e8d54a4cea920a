package org.labellens.core.model;

/**
 * What a stretch of an issue body is: the reporter's own words, or pasted material that mentions
 * keywords without being about them (code, logs, environment dumps, the issue template's own text).
 */
public enum BodyZone {
  /** The reporter's own words. */
  PROSE(EvidenceField.BODY),
  /** Source code or commands, in a fenced block. */
  CODE(EvidenceField.BODY_CODE),
  /** Log output and tracebacks, fenced or not. */
  LOG(EvidenceField.BODY_LOG),
  /** Environment dumps: {@code collect_env.py} output, versions, hardware, operating system. */
  ENV(EvidenceField.BODY_ENV),
  /** Text of the issue template: its headings, checklists, instructions, "_No response_". */
  TEMPLATE(EvidenceField.BODY_TEMPLATE);

  private final EvidenceField field;

  BodyZone(EvidenceField field) {
    this.field = field;
  }

  /** The evidence field a match in this zone is recorded under. */
  public EvidenceField field() {
    return field;
  }
}
