package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.MatchSettings;
import org.labellens.core.model.Taxonomy;

/** The study's matching: plain substrings of lower-case(title) + " " + lower-case(body). */
class SubstringRulesTest {

  private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

  static {
    KEYWORDS.put("memory", List.of("oom", "memory leak", "out of memory"));
    KEYWORDS.put("crash", List.of("crash", "hang", "core dump"));
    KEYWORDS.put("api", List.of("api", "http", "rest"));
  }

  private final KeywordClassifier classifier =
      KeywordClassifier.forTaxonomy(
          TestTaxonomies.keywords(MatchSettings.study(), MatchMode.SUBSTRING, KEYWORDS));

  private Classification classify(String title, String body) {
    return classifier.classify(new IssueText(title, body, List.of()));
  }

  @Test
  void hangInsideChangeFiresCrash() {
    Classification result = classify("Please change the default", "");

    assertThat(result.labels("category")).containsExactly("crash");
    assertThat(result.evidence())
        .singleElement()
        .isEqualTo(new Evidence("category", "crash", "hang", "title", 8, 12, 1));
  }

  @Test
  void aUrlFiresApiThroughHttp() {
    Classification result = classify("Docs", "see https://example.org/x");

    assertThat(result.labels("category")).containsExactly("api");
    assertThat(result.evidence()).extracting(Evidence::keyword).containsExactly("http");
  }

  @Test
  void restInsideRestartFiresApi() {
    assertThat(classify("Restart fails", "").labels("category")).containsExactly("api");
  }

  @Test
  void aPhraseMayStraddleTheJoinOfTitleAndBody() {
    Classification result = classify("Growing memory", "leak after a day");

    assertThat(result.labels("category")).containsExactly("memory");
    Evidence e = result.evidence().get(0);
    assertThat(e.field()).isEqualTo("title+body");
    assertThat(("Growing memory" + " " + "leak after a day").substring(e.start(), e.end()))
        .isEqualTo("memory leak");
  }

  @Test
  void matchingIgnoresCaseAsPythonLowerDoes() {
    // 'İ' lower-cases to "i" + U+0307, so "APİ" contains "api"
    Classification result = classify("Set <AP\u0130_KEY>", "");

    assertThat(result.labels("category")).containsExactly("api");
    assertThat(result.evidence().get(0).start()).isEqualTo(5);
    assertThat(result.evidence().get(0).end()).isEqualTo(8);
  }

  @Test
  void offsetsAfterAnExpandingCharacterPointIntoTheOriginalText() {
    String body = "\u0130\u0130 then OOM";

    Evidence e = classify("", body).evidence().get(0);

    assertThat(body.substring(e.start(), e.end())).isEqualTo("OOM");
  }

  @Test
  void everyCategoryWithAMatchIsPredictedInTaxonomyOrder() {
    Classification result = classify("Crash in the REST api", "CUDA out of memory");

    assertThat(result.labels("category")).containsExactly("memory", "crash", "api");
  }

  @Test
  void noMatchGivesTheEmptySetAndPrimaryOther() {
    Classification result = classify("Typo in README", "small fix");

    assertThat(result.labels("category")).isEmpty();
    assertThat(result.labels("primary")).containsExactly("other");
    assertThat(result.primary()).isEqualTo("other");
    assertThat(result.evidence()).isEmpty();
  }

  @Test
  void primaryIsTheCategoryWithTheMostEvidenceTiesByTaxonomyOrder() {
    assertThat(classify("api api api", "crash").primary()).isEqualTo("api");
    assertThat(classify("api", "crash").primary()).isEqualTo("crash");
  }

  @Test
  void evidenceKeepsTheFirstOccurrenceAndCountsTheRest() {
    Classification result = classify("", "oom, then oom, then OOM");

    assertThat(result.evidence())
        .containsExactly(new Evidence("category", "memory", "oom", "body", 0, 3, 3));
  }

  @Test
  void aFrameLessTaxonomyHasNoFlags() {
    Classification result = classify("x", "y");

    assertThat(result.production()).isNull();
    assertThat(result.bugPerf()).isNull();
  }

  /** The classifier's category set equals the naive rule: lower-cased join contains a keyword. */
  @Property(tries = 500)
  void agreesWithTheNaiveStudyRule(
      @ForAll
          @StringLength(max = 40)
          @Chars({'o', 'O', 'm', 'a', 'p', 'i', 'h', 't', ' ', 'r', 'e', 's', 'c', 'n', 'g'})
          String title,
      @ForAll
          @StringLength(max = 120)
          @Chars({
            'o', 'O', 'm', 'a', 'p', 'i', 'h', 't', ' ', 'r', 'e', 's', 'c', 'n', 'g', 'A', 'P',
            '\u0130'
          })
          String body) {
    String text = LowerCase.of(title) + " " + LowerCase.of(body);
    List<String> expected = new ArrayList<>();
    KEYWORDS.forEach(
        (label, keywords) -> {
          if (keywords.stream().anyMatch(text::contains)) {
            expected.add(label);
          }
        });

    assertThat(classify(title, body).labels("category")).isEqualTo(expected);
  }

  @Property(tries = 300)
  void evidenceSpansAreTheKeywordInTheOriginalText(
      @ForAll @StringLength(max = 30) @Chars({'O', 'o', 'm', 'A', 'p', 'i', '\u0130', ' '})
          String title,
      @ForAll @StringLength(max = 80) @Chars({'O', 'o', 'm', 'A', 'P', 'i', '\u0130', ' '})
          String body) {
    Taxonomy taxonomy =
        TestTaxonomies.keywords(MatchSettings.study(), MatchMode.SUBSTRING, KEYWORDS);
    Classification result =
        KeywordClassifier.forTaxonomy(taxonomy).classify(new IssueText(title, body, List.of()));
    for (Evidence e : result.evidence()) {
      String field =
          switch (e.field()) {
            case "title" -> title;
            case "body" -> body;
            default -> title + " " + body;
          };
      assertThat(LowerCase.of(field.substring(e.start(), e.end()))).startsWith(e.keyword());
    }
  }
}
