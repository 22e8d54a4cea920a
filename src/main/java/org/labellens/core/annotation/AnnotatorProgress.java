package org.labellens.core.annotation;

/** How far one annotator is in one sample. */
public record AnnotatorProgress(String annotator, int assigned, int decided, int skipped) {
  public int pending() {
    return assigned - decided - skipped;
  }
}
