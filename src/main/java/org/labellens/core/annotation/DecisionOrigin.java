package org.labellens.core.annotation;

/** Where a decision entered the project (recorded with every event). */
public enum DecisionOrigin {
  /** An annotator in the window. */
  WINDOW("window"),
  /** The simulated annotator. */
  SIMULATE("simulate"),
  /** An exchange file. */
  IMPORT("import");

  private final String key;

  DecisionOrigin(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Live decisions are made now; their time is never earlier than the decision they replace. */
  public boolean isLive() {
    return this != IMPORT;
  }
}
