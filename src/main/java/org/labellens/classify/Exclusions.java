package org.labellens.classify;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.CharBuffer;
import java.util.List;

/**
 * Whether an occurrence is excluded by its rule's exclusion phrases ({@code exclude}: the keyword
 * inside a longer phrase) or exclusion patterns ({@code exclude_patterns}: the occurrence inside a
 * match, looked for near it). Reuses one matcher per exclusion pattern: confined to one
 * classifier's thread.
 */
final class Exclusions {
  private final List<Pattern> patterns;
  private final Matcher[] matchers;
  private final PatternWork work;

  Exclusions(List<Pattern> patterns, PatternWork work) {
    this.patterns = patterns;
    this.matchers = new Matcher[patterns.size()];
    this.work = work;
  }

  /**
   * Whether the keyword occurrence starting at {@code start} lies inside one of the rule keyword's
   * exclusion phrases: the phrase's lower-cased text must appear in the text with the keyword at
   * the phrase's offset.
   */
  static boolean insidePhrase(RuleKeyword sink, CharSequence text, int from, int to, int start) {
    for (int k = 0; k < sink.exclusionPhrases.length; k++) {
      String phrase = sink.exclusionPhrases[k];
      int offset = sink.exclusionOffsets[k];
      // walk back `offset` lower-cased chars; only 'İ' lower-cases to two chars
      int s = start;
      int folded = 0;
      while (folded < offset && s > from) {
        s--;
        if (Character.isLowSurrogate(text.charAt(s))
            && s > from
            && Character.isHighSurrogate(text.charAt(s - 1))) {
          s--;
          folded += 2;
        } else {
          folded += text.charAt(s) == '\u0130' ? 2 : 1;
        }
      }
      if (folded != offset) {
        continue;
      }
      if (lowerStartsWith(text, from, to, s, phrase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean lowerStartsWith(
      CharSequence text, int from, int to, int at, String lowerPrefix) {
    int i = at;
    int k = 0;
    int n = lowerPrefix.length();
    while (k < n) {
      if (i >= to) {
        return false;
      }
      long lower = LowerCase.at(text, from, to, i);
      if (LowerCase.first(lower) != lowerPrefix.charAt(k++)) {
        return false;
      }
      if (LowerCase.count(lower) == 2) {
        if (k >= n) {
          return true;
        }
        if (LowerCase.second(lower) != lowerPrefix.charAt(k++)) {
          return false;
        }
      }
      i += LowerCase.consumed(lower);
    }
    return true;
  }

  /** How far around an occurrence an exclusion pattern is looked for, on either side. */
  static final int PATTERN_REACH = 64;

  /**
   * Whether [start, end) (field offsets; joined offsets for the join) lies inside a match of one of
   * the rule keyword's exclusion patterns, looked for within {@link #PATTERN_REACH} characters
   * around it (word boundaries at the window's edges see one character beyond it).
   */
  boolean insidePattern(RuleKeyword sink, CharSequence text, int start, int end) {
    int lo = Math.max(0, start - PATTERN_REACH);
    int hi = Math.min(text.length(), end + PATTERN_REACH);
    // one character of context on either side, so that \b at the window's edges sees the text
    int from = Math.max(0, lo - 1);
    int to = Math.min(text.length(), hi + 1);
    CharBuffer window = CharBuffer.wrap(text, from, to);
    for (int p : sink.exclusionPatterns) {
      Pattern pattern = patterns.get(p);
      work.charge(sink, pattern, to - from);
      Matcher m = matchers[p];
      if (m == null) {
        m = pattern.matcher(window);
        matchers[p] = m;
      } else {
        m.reset(window);
      }
      int at = lo - from;
      while (at <= to - from && m.find(at)) {
        int s = m.start() + from;
        int e = m.end() + from;
        if (s > start) {
          break;
        }
        if (e >= end && e > s && e <= hi) {
          return true;
        }
        at = e > s ? m.end() : m.end() + 1;
      }
    }
    return false;
  }
}
