package org.labellens.classify;

import com.google.re2j.Pattern;

/** One keyword or pattern of one rule of one label: the unit evidence is kept for. */
final class RuleKeyword {
  int id;
  String dimension;
  String labelId;
  int label;
  String keyword;
  boolean word;
  boolean prefix;
  boolean join;
  boolean zones;
  int fields;
  int maxHits;
  double[] weights;
  String[] exclusionPhrases = new String[0];
  int[] exclusionOffsets = new int[0];
  int[] exclusionPatterns = new int[0];
  int excludeTokens;
  Pattern regex;
}
