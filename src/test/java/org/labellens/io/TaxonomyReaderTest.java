package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.DimensionKind;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.TaxonomyDocument;
import org.labellens.core.model.TextField;

class TaxonomyReaderTest {

  private final TaxonomyReader reader = new TaxonomyReader();

  /** A small valid taxonomy; {@code %s} is replaced by extra keys of the first rule. */
  private static String minimal(String ruleExtra) {
    return """
        {"name": "mini", "version": "1",
         "dimensions": [
           {"id": "category", "kind": "set",
            "match": {"mode": "word", "weights": {"body:env": 0}, "max_hits": 1},
            "labels": [
              {"id": "crash", "description": "dies", "rules": [{"keywords": ["crash*", "hang"]%s}]},
              {"id": "api", "rules": [{"patterns": ["\\\\bhttp\\\\b"], "mode": "substring"}]}]},
           {"id": "primary", "kind": "single", "derived_from": "category", "fallback": "other",
            "labels": [{"id": "crash"}, {"id": "api"}, {"id": "other"}]},
           {"id": "severity", "kind": "ordinal", "labels": [{"id": "P0"}, {"id": "P1"}]}],
         "frames": {"bug_perf": {"labels": ["bug"]}}}
        """
        .formatted(ruleExtra);
  }

  private String error(String json) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> reader.parse(json, "t.json"), BadInputException.class)
        .getMessage();
  }

  @Test
  void readsAValidTaxonomy() {
    TaxonomyDocument doc = reader.parse(minimal(""), "t.json");

    Dimension category = doc.taxonomy().dimensions().get(0);
    assertThat(doc.taxonomy().reference()).isEqualTo("mini@1");
    assertThat(category.kind()).isEqualTo(DimensionKind.SET);
    assertThat(category.matching().weight(EvidenceField.BODY_ENV)).isZero();
    assertThat(category.matching().weight(EvidenceField.TITLE)).isEqualTo(1.0);
    assertThat(category.matching().maxHits()).isEqualTo(1);
    assertThat(category.labels().get(0).rules().get(0).mode()).isEqualTo(MatchMode.WORD);
    assertThat(category.labels().get(0).rules().get(0).fields())
        .containsExactlyInAnyOrder(TextField.TITLE, TextField.BODY);
    assertThat(category.labels().get(1).rules().get(0).mode()).isEqualTo(MatchMode.SUBSTRING);
    assertThat(doc.taxonomy().primaryDimension().orElseThrow().id()).isEqualTo("primary");
    assertThat(doc.taxonomy().frames().bugPerfLabels()).containsExactly("bug");
    assertThat(doc.contentHash()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void anUnknownKeyIsReportedWithItsPath() {
    assertThat(error(minimal(", \"keyword\": [\"x\"]")))
        .startsWith("taxonomy t.json: ")
        .contains("$.dimensions[0].labels[0].rules[0].keyword: unknown key 'keyword'");
  }

  @Test
  void aWrongTypeIsReportedWithItsPath() {
    assertThat(error(minimal(", \"fields\": \"title\"")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].fields: expected an array of strings, found a string");
  }

  @Test
  void anEmptyKeywordIsReported() {
    assertThat(error(minimal(", \"exclude\": []}, {\"keywords\": [\" \"]")))
        .contains("$.dimensions[0].labels[0].rules[1].keywords[0]: empty keyword");
  }

  @Test
  void anInvalidRegularExpressionIsReported() {
    assertThat(error(minimal(", \"patterns\": [\"(unclosed\"]")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].patterns[0]: invalid regular expression /(unclosed/");
  }

  @Test
  void aBackreferenceIsRefusedWithTheReason() {
    assertThat(error(minimal(", \"patterns\": [\"(ab)\\\\1\"]")))
        .startsWith("taxonomy t.json: ")
        .contains(
            "$.dimensions[0].labels[0].rules[0].patterns[0]: pattern /(ab)\\1/ uses a"
                + " backreference (\\1), which the linear-time pattern engine does not support");
  }

  @Test
  void lookaroundIsRefusedWithTheReason() {
    assertThat(error(minimal(", \"patterns\": [\"crash(?!ed)\"]")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].patterns[0]: pattern /crash(?!ed)/ uses"
                + " negative lookahead");
    assertThat(error(minimal(", \"exclude_patterns\": [\"(?<=not )crash\"]")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].exclude_patterns[0]: pattern /(?<=not )crash/"
                + " uses lookbehind");
  }

  @Test
  void aPatternThatWouldCompileTooLargeIsRefused() {
    assertThat(error(minimal(", \"patterns\": [\"((a{100}){100}){100}\"]")))
        .contains(
            "patterns[0]: pattern /((a{100}){100}){100}/ is too large: its nested counted"
                + " repetitions multiply to 1000000 copies (at most 1000)");
  }

  @Test
  void aHostilePatternIsAcceptedSinceItRunsInLinearTime() {
    assertThat(reader.parse(minimal(", \"patterns\": [\"(.*a){20}b\"]"), "t.json")).isNotNull();
  }

  @Test
  void aPatternMatchingTheEmptyStringIsReported() {
    assertThat(error(minimal(", \"patterns\": [\"x*\"]")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].patterns[0]: pattern /x*/ can match the empty string");
  }

  @Test
  void aDuplicateLabelIsReported() {
    String json =
        minimal("").replace("{\"id\": \"api\", \"rules\"", "{\"id\": \"crash\", \"rules\"");

    assertThat(error(json))
        .contains(
            "$.dimensions[0].labels[1].id: duplicate label 'crash' (also $.dimensions[0].labels[0])");
  }

  @Test
  void anUnknownDimensionKindIsReported() {
    String json = minimal("").replace("\"kind\": \"ordinal\"", "\"kind\": \"ordered\"");

    assertThat(error(json))
        .contains(
            "$.dimensions[2].kind: unknown dimension kind 'ordered' (expected set, single, binary, ordinal, text)");
  }

  /** {@link #minimal} with {@code dimension} added as its last dimension. */
  private static String withDimension(String dimension) {
    String m = minimal("");
    int end = m.lastIndexOf(']', m.indexOf("\"frames\""));
    return m.substring(0, end) + ",\n" + dimension + m.substring(end);
  }

  @Test
  void aTextDimensionHasNoLabelsAndIsManual() {
    Dimension text =
        reader
            .parse(
                withDimension(
                    "{\"id\": \"rationale\", \"kind\": \"text\", \"description\": \"why\"}"),
                "t.json")
            .taxonomy()
            .dimension("rationale")
            .orElseThrow();
    assertThat(text.kind()).isEqualTo(DimensionKind.TEXT);
    assertThat(text.labels()).isEmpty();
    assertThat(text.isPredicted()).isFalse();
    assertThat(text.isDerived()).isFalse();
  }

  @Test
  void aTextDimensionWithLabelsRulesOrFallbackIsRefusedWithThePaths() {
    String message =
        error(
            withDimension(
                "{\"id\": \"rationale\", \"kind\": \"text\", \"labels\": [{\"id\": \"a\"}],"
                    + " \"match\": {}, \"fallback\": \"a\"}"));
    assertThat(message)
        .contains("$.dimensions[3].labels: a text dimension has no 'labels'")
        .contains("$.dimensions[3].match: a text dimension has no 'match'")
        .contains("$.dimensions[3].fallback: a text dimension has no 'fallback'");
  }

  @Test
  void onlyATextDimensionMayLeaveOutItsLabels() {
    assertThat(error(withDimension("{\"id\": \"impact\", \"kind\": \"single\"}")))
        .contains("$.dimensions[3]: missing required key 'labels'");
  }

  @Test
  void aDuplicateJsonKeyIsReportedWithItsLine() {
    String json =
        minimal("").replace("\"version\": \"1\",", "\"version\": \"1\",\n \"version\": \"2\",");

    assertThat(error(json))
        .contains("not valid JSON at line 2")
        .contains("Duplicate field 'version'");
  }

  @Test
  void malformedJsonIsReportedWithItsLineAndColumn() {
    assertThat(error("{\n  \"name\": \"x\",,\n}")).contains("not valid JSON at line 2, column");
  }

  @Test
  void aDerivedDimensionMustNameAPredictedSetDimensionAndCoverItsLabels() {
    String json =
        minimal("").replace("{\"id\": \"api\"}, {\"id\": \"other\"}", "{\"id\": \"other\"}");

    assertThat(error(json)).contains("$.dimensions[1].labels: missing label 'api' of 'category'");
    assertThat(
            error(
                minimal("")
                    .replace("\"derived_from\": \"category\"", "\"derived_from\": \"severity\"")))
        .contains("$.dimensions[1].derived_from: 'severity' is not a predicted set dimension");
  }

  @Test
  void anExclusionThatCannotApplyIsReported() {
    assertThat(error(minimal(", \"exclude\": [\"change\", \"pull request\"]")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].exclude[1]: exclusion 'pull request' contains none")
        .doesNotContain("exclude[0]");
  }

  @Test
  void aStarIsOnlyAllowedAtTheEndOfAWordKeyword() {
    assertThat(error(minimal("").replace("\"crash*\"", "\"cr*sh\"")))
        .contains("$.dimensions[0].labels[0].rules[0].keywords[0]: '*' is only allowed at the end");
  }

  @Test
  void unknownFieldsAndWeightsAreReported() {
    assertThat(error(minimal(", \"fields\": [\"comments\"]")))
        .contains("$.dimensions[0].labels[0].rules[0].fields[0]: unknown field 'comments'");
    assertThat(error(minimal("").replace("\"body:env\": 0", "\"body:logs\": 0")))
        .contains("$.dimensions[0].match.weights.body:logs: unknown field 'body:logs'");
  }

  @Test
  void unknownTokenKindsAreReported() {
    assertThat(error(minimal(", \"exclude_tokens\": [\"url\", \"email\"]")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].exclude_tokens[1]: unknown token kind 'email'");
  }

  @Test
  void rulesOnAManualDimensionAreReported() {
    String json =
        minimal("")
            .replace("{\"id\": \"P0\"}", "{\"id\": \"P0\", \"rules\": [{\"keywords\": [\"x\"]}]}");

    assertThat(error(json))
        .contains("$.dimensions[2].labels[0].rules: rules need a predicted dimension");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String json = minimal(", \"keyword\": 1").replace("\"kind\": \"ordinal\"", "\"kind\": \"x\"");

    assertThat(error(json)).contains("2 problems: ").contains(".keyword:").contains(".kind:");
  }

  @Test
  void aMissingFileIsBadInput(@TempDir Path dir) {
    assertThatThrownBy(() -> reader.read(dir.resolve("nope.json")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nope.json: neither a built-in taxonomy nor a file")
        .hasMessageContaining("study-v1, llm-serving-v2");
  }

  @Test
  void theHashIgnoresKeyOrderAndWhitespace(@TempDir Path dir) throws Exception {
    String a =
        "{\"name\":\"mini\",\"version\":\"1\",\"dimensions\":[{\"id\":\"severity\",\"kind\":\"ordinal\",\"labels\":[{\"id\":\"P0\"},{\"id\":\"P1\"}]}]}";
    String b =
        "{\n  \"dimensions\": [ { \"labels\": [ {\"id\": \"P0\"}, {\"id\": \"P1\"} ],\n"
            + "    \"kind\": \"ordinal\", \"id\": \"severity\" } ],\n  \"version\": \"1\",\n  \"name\": \"mini\"\n}\n";
    Files.writeString(dir.resolve("b.json"), b);

    TaxonomyDocument first = reader.parse(a, "a");
    TaxonomyDocument second = reader.read(dir.resolve("b.json"));

    assertThat(second.contentHash()).isEqualTo(first.contentHash());
    assertThat(second.canonicalJson()).isEqualTo(first.canonicalJson());
  }

  @Test
  void theHashChangesWithTheContent() {
    String a = minimal("");
    String b = minimal("").replace("\"dies\"", "\"stops\"");

    assertThat(reader.parse(a, "a").contentHash()).isNotEqualTo(reader.parse(b, "b").contentHash());
  }

  @Test
  void theHashIsThatOfTheCanonicalText() {
    TaxonomyDocument doc = reader.parse(minimal(""), "t");

    assertThat(doc.contentHash()).isEqualTo(CanonicalJson.sha256(doc.canonicalJson()));
    assertThat(reader.parse(doc.canonicalJson(), "again").contentHash())
        .isEqualTo(doc.contentHash());
  }

  @Test
  void theExampleInTheFormatDocumentIsValid() throws Exception {
    String doc = Files.readString(Path.of("docs", "taxonomy-format.md"));
    String example = doc.substring(doc.lastIndexOf("```json\n") + 8, doc.lastIndexOf("```"));

    TaxonomyDocument parsed = reader.parse(example, "docs/taxonomy-format.md");

    assertThat(parsed.taxonomy().reference()).isEqualTo("serving-mini@0.3");
    assertThat(parsed.taxonomy().frames().hasProduction()).isTrue();
  }

  @Test
  void builtInsAreValidAndStable() {
    for (String name : TaxonomyReader.BUILT_IN) {
      TaxonomyDocument doc = reader.builtIn(name);
      assertThat(doc.taxonomy().name()).isEqualTo(name);
      assertThat(doc.source()).isEqualTo("builtin:" + name);
      assertThat(reader.builtIn(name).contentHash()).isEqualTo(doc.contentHash());
      assertThat(doc.taxonomy().dimensions())
          .extracting(Dimension::id)
          .containsExactly("category", "primary", "production", "root_cause", "severity");
    }
    assertThatThrownBy(() -> reader.builtIn("study-v9"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown built-in taxonomy 'study-v9'");
  }

  @Test
  void theBuiltInsFitTheSchema() throws Exception {
    for (String name : TaxonomyReader.BUILT_IN) {
      JsonNode tree =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(reader.builtIn(name).canonicalJson());
      assertThat(TaxonomySchema.get().check(tree)).as(name).isEmpty();
    }
  }

  @Test
  void theSchemaFindingsNameThePathWhatWasExpectedAndWhatWasFound() {
    assertThat(error(minimal("").replace("\"version\": \"1\",", "")))
        .contains("taxonomy t.json: $: missing required key 'version'");
    assertThat(error(minimal("").replace("{\"name\"", "{\"format\": 2, \"name\"")))
        .contains("$.format: unsupported format 2 (this version reads format 1)");
    assertThat(error(minimal(", \"mode\": \"regex\"")))
        .contains(
            "$.dimensions[0].labels[0].rules[0].mode: unknown match mode 'regex' (expected"
                + " substring, word)");
    assertThat(error(minimal(", \"mode\": 3")))
        .contains("rules[0].mode: expected a string, found the number 3")
        .doesNotContain("unknown match mode");
    assertThat(error(minimal(", \"weights\": {\"title\": -1}")))
        .contains("rules[0].weights.title: expected a number >= 0, found the number -1");
  }
}
