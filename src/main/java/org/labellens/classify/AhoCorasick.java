package org.labellens.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton: finds every occurrence of every pattern in one left-to-right pass, in
 * time linear in the text plus the number of occurrences.
 *
 * <p>The automaton is a complete transition table (a DFA) over character classes: every character
 * that occurs in some pattern has its own class, all others share class 0, which always leads back
 * to the root. Stepping is therefore one table load per character. Patterns are matched exactly;
 * callers lower-case text and patterns first (see {@link LowerCase}).
 *
 * <p>Immutable and thread-safe once built.
 *
 * <p>References: A. V. Aho and M. J. Corasick, "Efficient string matching: an aid to bibliographic
 * search", Communications of the ACM 18(6), 1975.
 */
public final class AhoCorasick {

  private final short[] charClass;
  private final int classes;
  private final int[] delta;
  private final int[] outStart;
  private final int[] outPatterns;
  private final int[] patternLength;
  private final int maxLength;

  private AhoCorasick(
      short[] charClass,
      int classes,
      int[] delta,
      int[] outStart,
      int[] outPatterns,
      int[] patternLength) {
    this.charClass = charClass;
    this.classes = classes;
    this.delta = delta;
    this.outStart = outStart;
    this.outPatterns = outPatterns;
    this.patternLength = patternLength;
    this.maxLength = Arrays.stream(patternLength).max().orElse(0);
  }

  /**
   * Builds the automaton. Pattern {@code i} of the list is reported as id {@code i}; duplicates are
   * allowed and each is reported.
   *
   * @throws IllegalArgumentException if a pattern is empty
   */
  public static AhoCorasick build(List<String> patterns) {
    short[] charClass = new short[Character.MAX_VALUE + 1];
    int classes = 1;
    for (String p : patterns) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException("empty pattern");
      }
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (charClass[c] == 0) {
          if (classes == Short.MAX_VALUE) {
            throw new IllegalArgumentException("too many distinct characters in patterns");
          }
          charClass[c] = (short) classes++;
        }
      }
    }
    // the trie
    List<Map<Integer, Integer>> children = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    children.add(new HashMap<>());
    own.add(new ArrayList<>());
    int[] lengths = new int[patterns.size()];
    for (int id = 0; id < patterns.size(); id++) {
      String p = patterns.get(id);
      lengths[id] = p.length();
      int state = 0;
      for (int i = 0; i < p.length(); i++) {
        int cls = charClass[p.charAt(i)];
        Integer next = children.get(state).get(cls);
        if (next == null) {
          next = children.size();
          children.add(new HashMap<>());
          own.add(new ArrayList<>());
          children.get(state).put(cls, next);
        }
        state = next;
      }
      own.get(state).add(id);
    }
    // number the states breadth-first, so the shallow states, where the automaton spends most of
    // its time, sit together at the start of the transition table (fewer cache misses)
    int states = children.size();
    int[] order = new int[states];
    int head = 0;
    int tail = 1;
    while (head < tail) {
      int s = order[head++];
      List<Integer> classesOut = new ArrayList<>(children.get(s).keySet());
      classesOut.sort(Integer::compare);
      for (int cls : classesOut) {
        order[tail++] = children.get(s).get(cls);
      }
    }
    int[] renumber = new int[states];
    for (int i = 0; i < states; i++) {
      renumber[order[i]] = i;
    }
    List<Map<Integer, Integer>> bfsChildren = new ArrayList<>(states);
    List<List<Integer>> bfsOwn = new ArrayList<>(states);
    for (int i = 0; i < states; i++) {
      Map<Integer, Integer> kids = new HashMap<>();
      children.get(order[i]).forEach((cls, child) -> kids.put(cls, renumber[child]));
      bfsChildren.add(kids);
      bfsOwn.add(own.get(order[i]));
    }
    children = bfsChildren;
    own = bfsOwn;
    int[] delta = new int[states * classes];
    int[] fail = new int[states];
    List<List<Integer>> outputs = new ArrayList<>(states);
    for (int s = 0; s < states; s++) {
      outputs.add(null);
    }
    // breadth-first: a state's failure target is shallower, so it is complete when used
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    outputs.set(0, own.get(0));
    for (Map.Entry<Integer, Integer> e : children.get(0).entrySet()) {
      delta[e.getKey()] = e.getValue();
      fail[e.getValue()] = 0;
      queue.add(e.getValue());
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      List<Integer> out = new ArrayList<>(own.get(s));
      out.addAll(outputs.get(fail[s]));
      outputs.set(s, out);
      int base = s * classes;
      int failBase = fail[s] * classes;
      for (int cls = 0; cls < classes; cls++) {
        Integer child = children.get(s).get(cls);
        if (child == null) {
          delta[base + cls] = delta[failBase + cls];
        } else {
          delta[base + cls] = child;
          fail[child] = delta[failBase + cls];
          queue.add(child);
        }
      }
    }
    int[] outStart = new int[states + 1];
    int total = 0;
    for (int s = 0; s < states; s++) {
      outStart[s] = total;
      total += outputs.get(s).size();
    }
    outStart[states] = total;
    int[] outPatterns = new int[total];
    for (int s = 0; s < states; s++) {
      // longest first, so callers see the longest match ending here first
      List<Integer> out = new ArrayList<>(outputs.get(s));
      out.sort((a, b) -> lengths[b] != lengths[a] ? lengths[b] - lengths[a] : a - b);
      for (int k = 0; k < out.size(); k++) {
        outPatterns[outStart[s] + k] = out.get(k);
      }
    }
    int[] table = new int[delta.length];
    for (int k = 0; k < delta.length; k++) {
      int next = delta[k];
      table[k] = next * classes | (outStart[next] != outStart[next + 1] ? OUTPUT_FLAG : 0);
    }
    return new AhoCorasick(charClass, classes, table, outStart, outPatterns, lengths);
  }

  /** Set in a {@link #table()} entry when some pattern ends in the target state. */
  public static final int OUTPUT_FLAG = 0x80000000;

  /**
   * The transition table for tight loops: entry {@code state + charClass(c)} holds the next state
   * (states are premultiplied by {@link #classCount()}; the root is 0), with {@link #OUTPUT_FLAG}
   * set when a pattern ends there. The array is shared: do not modify it.
   */
  public int[] table() {
    return delta;
  }

  public int classCount() {
    return classes;
  }

  /** The character class of {@code c}: 0 when no pattern contains it. */
  public int charClass(char c) {
    return charClass[c];
  }

  /** The start state. */
  public static int root() {
    return 0;
  }

  /** The state after reading {@code c} in {@code state} (states as in {@link #table()}). */
  public int next(int state, char c) {
    return delta[state + charClass[c]] & ~OUTPUT_FLAG;
  }

  /** Whether some pattern ends in {@code state}. */
  public boolean hasOutput(int state) {
    int s = state / classes;
    return outStart[s] != outStart[s + 1];
  }

  /** The index into {@link #outputPattern} of the first pattern ending in {@code state}. */
  public int outputStart(int state) {
    return outStart[state / classes];
  }

  /** The index just after the last pattern ending in {@code state}. */
  public int outputEnd(int state) {
    return outStart[state / classes + 1];
  }

  /** The pattern id at index {@code k} of the output lists. */
  public int outputPattern(int k) {
    return outPatterns[k];
  }

  public int patternLength(int id) {
    return patternLength[id];
  }

  public int patternCount() {
    return patternLength.length;
  }

  public int maxLength() {
    return maxLength;
  }

  public int stateCount() {
    return outStart.length - 1;
  }

  /**
   * Every occurrence in {@code text}, as {@code {patternId, start, end}} triples in order of end
   * offset (and, at one end offset, longest first). For tests and tools; the classifier drives the
   * automaton itself to lower-case on the fly.
   */
  public List<int[]> findAll(CharSequence text) {
    List<int[]> found = new ArrayList<>();
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      state = next(state, text.charAt(i));
      int s = state / classes;
      for (int k = outStart[s]; k < outStart[s + 1]; k++) {
        int id = outPatterns[k];
        found.add(new int[] {id, i + 1 - patternLength[id], i + 1});
      }
    }
    return found;
  }
}
