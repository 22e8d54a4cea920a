package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

  @Test
  void findsOverlappingAndNestedOccurrences() {
    AhoCorasick ac = AhoCorasick.build(List.of("he", "she", "his", "hers"));

    List<int[]> found = ac.findAll("ushers");

    assertThat(found)
        .extracting(m -> m[0] + "@" + m[1] + ".." + m[2])
        .containsExactly("1@1..4", "0@2..4", "3@2..6");
  }

  @Test
  void reportsDuplicatePatternsEach() {
    AhoCorasick ac = AhoCorasick.build(List.of("api", "api"));

    assertThat(ac.findAll("rapid api")).hasSize(4);
  }

  @Test
  void charactersInNoPatternLeadBackToTheRoot() {
    AhoCorasick ac = AhoCorasick.build(List.of("ab"));

    assertThat(ac.findAll("a\u00e9ab")).extracting(m -> m[1]).containsExactly(2);
    assertThat(ac.charClass('\u00e9')).isZero();
  }

  @Test
  void refusesAnEmptyPattern() {
    assertThatThrownBy(() -> AhoCorasick.build(List.of("x", "")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The automaton finds exactly what String.indexOf finds, pattern by pattern, at every start. */
  @Property(tries = 400)
  void agreesWithIndexOfOnRandomText(
      @ForAll @Size(min = 1, max = 12)
          List<@NotEmpty @StringLength(max = 5) @Chars({'a', 'b', 'c', ' '}) String> patterns,
      @ForAll @StringLength(max = 300) @Chars({'a', 'b', 'c', ' ', 'd'}) String text) {
    AhoCorasick ac = AhoCorasick.build(patterns);

    List<String> found = new ArrayList<>();
    for (int[] m : ac.findAll(text)) {
      found.add(m[0] + ":" + m[1] + ":" + m[2]);
    }

    assertThat(found).containsExactlyInAnyOrderElementsOf(naive(patterns, text));
  }

  @Property(tries = 200)
  void agreesWithIndexOfOnUnicodeText(
      @ForAll @Size(min = 1, max = 6)
          List<@NotEmpty @StringLength(max = 4) @CharRange(from = '\u03b1', to = '\u03b4') String>
              patterns,
      @ForAll @StringLength(max = 200) @CharRange(from = '\u03b0', to = '\u03b6') String text) {
    AhoCorasick ac = AhoCorasick.build(patterns);

    List<String> found = new ArrayList<>();
    for (int[] m : ac.findAll(text)) {
      found.add(m[0] + ":" + m[1] + ":" + m[2]);
    }

    assertThat(found).containsExactlyInAnyOrderElementsOf(naive(patterns, text));
  }

  @Property(tries = 200)
  void reportsMatchesInOrderOfTheirEnd(
      @ForAll @Size(min = 1, max = 8)
          List<@NotEmpty @StringLength(max = 4) @Chars({'x', 'y'}) String> patterns,
      @ForAll @StringLength(max = 100) @Chars({'x', 'y', 'z'}) String text) {
    List<int[]> found = AhoCorasick.build(patterns).findAll(text);

    assertThat(found).isSortedAccordingTo(Comparator.comparingInt(m -> m[2]));
  }

  private static List<String> naive(List<String> patterns, String text) {
    List<String> out = new ArrayList<>();
    for (int id = 0; id < patterns.size(); id++) {
      String p = patterns.get(id);
      for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
        out.add(id + ":" + at + ":" + (at + p.length()));
      }
    }
    return out;
  }
}
