package org.labellens.io;

/**
 * How to read issue files.
 *
 * @param repo the repository for every issue ({@code --repo}), or null to take it from each issue
 * @param framework the framework for every issue ({@code --framework}), or null to derive it
 * @param labelField the field holding an outside classifier's labels, or null
 */
public record ReadOptions(String repo, String framework, String labelField) {
  public static final ReadOptions DEFAULT = new ReadOptions(null, null, null);
}
