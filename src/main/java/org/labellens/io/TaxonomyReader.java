package org.labellens.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.DimensionKind;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.Label;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.MatchSettings;
import org.labellens.core.model.PatternSize;
import org.labellens.core.model.Rule;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.model.TaxonomyDocument;
import org.labellens.core.model.TaxonomyFrames;
import org.labellens.core.model.TextField;
import org.labellens.core.model.TokenKind;

/**
 * Reads and strictly validates taxonomy files (format: {@code docs/taxonomy-format.md}).
 *
 * <p>Validation is strict because a taxonomy decides published numbers: an unknown key (often a
 * typo such as {@code "keyword"} for {@code "keywords"}) would otherwise be silently ignored. Every
 * problem is reported with the JSON path of the offending value, e.g. {@code
 * $.dimensions[0].labels[2].rules[0].patterns[1]}; all problems found are reported at once.
 *
 * <p>The content hash is SHA-256 of the canonical JSON (see {@link CanonicalJson}), so a file's
 * layout and key order do not change it.
 */
public final class TaxonomyReader {

  /** The built-in taxonomies, by name. */
  public static final List<String> BUILT_IN = List.of("study-v1", "llm-serving-v2");

  private static final String RESOURCE_DIR = "/org/labellens/taxonomy/";
  private static final String BUILT_IN_SOURCE = "builtin:";
  private static final int MAX_PROBLEMS = 20;

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  public static boolean isBuiltIn(String name) {
    return BUILT_IN.contains(name);
  }

  /** A built-in taxonomy by name, or a taxonomy file by path. */
  public TaxonomyDocument resolve(String nameOrPath) {
    return isBuiltIn(nameOrPath) ? builtIn(nameOrPath) : read(Path.of(nameOrPath));
  }

  public TaxonomyDocument builtIn(String name) {
    if (!isBuiltIn(name)) {
      throw new BadInputException(
          "unknown built-in taxonomy '" + name + "' (known: " + String.join(", ", BUILT_IN) + ")");
    }
    try (InputStream in = TaxonomyReader.class.getResourceAsStream(RESOURCE_DIR + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("built-in taxonomy resource missing: " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_SOURCE + name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in taxonomy " + name, e);
    }
  }

  public TaxonomyDocument read(Path file) {
    String text;
    long limit = Limits.TAXONOMY_BYTES.value();
    if (Files.isDirectory(file)) {
      throw new BadInputException(
          "taxonomy "
              + file
              + ": is a directory, not a taxonomy file; give a built-in one ("
              + String.join(", ", BUILT_IN)
              + ") or the path of a taxonomy JSON file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      // read at most one byte past the limit, whatever the file is (a pipe or a device too)
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new BadInputException(
            "taxonomy " + file + ": the file is larger than " + Limits.TAXONOMY_BYTES.describe());
      }
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          "taxonomy "
              + file
              + ": neither a built-in taxonomy nor a file; give a built-in one ("
              + String.join(", ", BUILT_IN)
              + ") or the path of a taxonomy JSON file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadInputException("taxonomy " + file + ": the file is not valid UTF-8", e);
    } catch (IOException e) {
      throw new BadInputException("taxonomy " + file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates a taxonomy document.
   *
   * @param source names the document in error messages (a file path, or {@code builtin:NAME})
   */
  public TaxonomyDocument parse(String json, String source) {
    JsonNode root;
    JsonParser parser = null;
    try (JsonParser p = mapper.createParser(json)) {
      parser = p;
      root = mapper.readTree(p);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      if (at == null && parser != null) {
        // Jackson reports its limits (nesting depth, number length) without a location
        at = parser.currentTokenLocation();
      }
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadInputException(
          "taxonomy "
              + source
              + ": not valid JSON"
              + where
              + ": "
              + jsonProblem(e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new BadInputException("taxonomy " + source + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new BadInputException("taxonomy " + source + ": empty file");
    }
    Problems problems = new Problems(source);
    if (!source.startsWith(BUILT_IN_SOURCE)) {
      // the built-ins are checked against the schema by the tests, not at every start
      TaxonomySchema.get().check(root).forEach(p -> problems.add(p.path(), p.message()));
    }
    Taxonomy taxonomy = problems.any() ? null : new Validator(problems).taxonomy(root);
    problems.throwIfAny();
    String canonical = CanonicalJson.write(root);
    return new TaxonomyDocument(taxonomy, canonical, CanonicalJson.sha256(canonical), source);
  }

  /** Jackson's message without the names of its own classes and settings. */
  private static String jsonProblem(String message) {
    String m = JsonIssueReader.firstLine(message);
    if (m.startsWith("Trailing token")) {
      return "more text after the end of the JSON document";
    }
    return m.replaceAll(", from `[^`]*`", "");
  }

  /** The problems found so far, each with its JSON path. */
  private static final class Problems {
    private final String source;
    private final List<String> messages = new ArrayList<>();
    private int count;

    Problems(String source) {
      this.source = source;
    }

    void add(String path, String message) {
      count++;
      if (messages.size() < MAX_PROBLEMS) {
        messages.add(path + ": " + message);
      }
    }

    boolean any() {
      return count > 0;
    }

    void throwIfAny() {
      if (count == 0) {
        return;
      }
      String more = count > messages.size() ? "; and " + (count - messages.size()) + " more" : "";
      throw new BadInputException(
          "taxonomy "
              + source
              + ": "
              + (count == 1 ? "" : count + " problems: ")
              + String.join("; ", messages)
              + more);
    }
  }

  /**
   * The checks a schema cannot express, on a document whose shape is valid: ids unique in their
   * list, references between fields (fallback, derived_from, frames), which kinds of dimension take
   * rules or a fallback, keywords, exclusions and patterns. It also builds the taxonomy.
   */
  private static final class Validator {
    private final Problems problems;

    Validator(Problems problems) {
      this.problems = problems;
    }

    Taxonomy taxonomy(JsonNode root) {
      List<Dimension> dimensions = new ArrayList<>();
      JsonNode dims = root.get("dimensions");
      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < dims.size(); i++) {
        String path = "$.dimensions[" + i + "]";
        Dimension d = dimension(dims.get(i), path);
        unique(seen, d.id(), path, "dimension");
        dimensions.add(d);
      }
      crossCheckDimensions(dimensions);
      TaxonomyFrames frames = frames(root.get("frames"), dimensions);
      if (problems.any()) {
        return null;
      }
      return new Taxonomy(
          root.get("name").textValue(),
          root.get("version").textValue(),
          text(root, "description"),
          dimensions,
          frames);
    }

    /** Records {@code id} at {@code path}; a second use is reported at the second one. */
    private void unique(Map<String, String> seen, String id, String path, String what) {
      String previous = seen.putIfAbsent(id, path);
      if (previous != null) {
        problems.add(path + ".id", "duplicate " + what + " '" + id + "' (also " + previous + ")");
      }
    }

    private Dimension dimension(JsonNode node, String path) {
      String id = node.get("id").textValue();
      DimensionKind kind = DimensionKind.fromKey(node.get("kind").textValue()).orElseThrow();
      MatchSettings matching = null;
      MatchMode defaultMode = MatchMode.WORD;
      Set<TextField> defaultFields = EnumSet.of(TextField.TITLE, TextField.BODY);
      JsonNode match = node.get("match");
      if (match != null) {
        String mpath = path + ".match";
        defaultMode = mode(match.get("mode"), MatchMode.WORD);
        defaultFields = fields(match.get("fields"), mpath + ".fields", defaultFields);
        matching =
            new MatchSettings(
                match.path("join").asBoolean(false),
                match.path("zones").asBoolean(false),
                weights(match.get("weights")),
                match.path("min_score").asDouble(1.0),
                match.path("max_hits").asInt(0),
                patterns(match.get("exclude_patterns"), mpath + ".exclude_patterns"),
                tokens(match.get("exclude_tokens"), mpath + ".exclude_tokens"));
      }
      String derivedFrom = text(node, "derived_from");
      String fallback = text(node, "fallback");
      if (matching != null && derivedFrom != null) {
        problems.add(path, "a dimension is either predicted ('match') or derived ('derived_from')");
      }
      List<Label> labels = new ArrayList<>();
      JsonNode labelNodes = node.path("labels");
      if (kind == DimensionKind.TEXT) {
        textOnly(node, path);
        labelNodes = MissingNode.getInstance();
      }
      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < labelNodes.size(); i++) {
        String lpath = path + ".labels[" + i + "]";
        Label label = label(labelNodes.get(i), lpath, matching != null, defaultMode, defaultFields);
        unique(seen, label.id(), lpath, "label");
        labels.add(label);
      }
      Dimension dimension =
          new Dimension(
              id, kind, text(node, "description"), labels, matching, derivedFrom, fallback);
      checkDimension(dimension, path);
      return dimension;
    }

    /** A free-text dimension is decided by annotators alone: no labels, rules or fallback. */
    private void textOnly(JsonNode node, String path) {
      for (String key : List.of("labels", "match", "derived_from", "fallback")) {
        if (node.has(key)) {
          problems.add(
              path + "." + key,
              "a text dimension has no '"
                  + key
                  + "' (annotators write free text; the classifier predicts nothing)");
        }
      }
    }

    private void checkDimension(Dimension d, String path) {
      if (d.kind() == DimensionKind.TEXT) {
        return;
      }
      if (d.kind() == DimensionKind.BINARY && d.labels().size() != 2) {
        problems.add(
            path + ".labels",
            "a binary dimension has exactly 2 labels, found " + d.labels().size());
      }
      if (d.fallback() != null && d.indexOf(d.fallback()) < 0) {
        problems.add(path + ".fallback", "'" + d.fallback() + "' is not a label of this dimension");
      }
      if (d.isPredicted()) {
        if (d.labels().stream().allMatch(l -> l.rules().isEmpty())) {
          problems.add(path + ".labels", "a predicted dimension needs rules on at least one label");
        }
        if (d.kind() == DimensionKind.SET && d.fallback() != null) {
          problems.add(
              path + ".fallback",
              "a set dimension has no fallback: an issue no rule matches gets the empty set");
        }
        if (d.kind() != DimensionKind.SET && d.fallback() == null) {
          problems.add(path, "a predicted " + d.kind().key() + " dimension needs a 'fallback'");
        }
      } else if (d.isDerived()) {
        if (d.kind() != DimensionKind.SINGLE) {
          problems.add(path + ".kind", "a derived dimension is of kind 'single'");
        }
        if (d.fallback() == null) {
          problems.add(path, "a derived dimension needs a 'fallback' (e.g. 'other')");
        }
      } else if (d.fallback() != null) {
        problems.add(path + ".fallback", "only predicted and derived dimensions have a fallback");
      }
    }

    private void crossCheckDimensions(List<Dimension> dimensions) {
      for (int i = 0; i < dimensions.size(); i++) {
        Dimension d = dimensions.get(i);
        if (!d.isDerived()) {
          continue;
        }
        String path = "$.dimensions[" + i + "].derived_from";
        Dimension source =
            dimensions.stream()
                .filter(s -> s.id().equals(d.derivedFrom()))
                .findFirst()
                .orElse(null);
        if (source == null) {
          problems.add(path, "no dimension '" + d.derivedFrom() + "'");
        } else if (!source.isPredicted() || source.kind() != DimensionKind.SET) {
          problems.add(path, "'" + d.derivedFrom() + "' is not a predicted set dimension");
        } else {
          for (Label l : source.labels()) {
            if (d.indexOf(l.id()) < 0) {
              problems.add(
                  "$.dimensions[" + i + "].labels",
                  "missing label '" + l.id() + "' of '" + source.id() + "'");
            }
          }
        }
      }
    }

    private Label label(
        JsonNode node,
        String path,
        boolean predicted,
        MatchMode defaultMode,
        Set<TextField> defaultFields) {
      List<Rule> rules = new ArrayList<>();
      JsonNode ruleNodes = node.path("rules");
      if (!predicted && !ruleNodes.isEmpty()) {
        problems.add(
            path + ".rules", "rules need a predicted dimension (add a 'match' to the dimension)");
      } else {
        for (int i = 0; i < ruleNodes.size(); i++) {
          rules.add(rule(ruleNodes.get(i), path + ".rules[" + i + "]", defaultMode, defaultFields));
        }
      }
      return new Label(
          node.get("id").textValue(), text(node, "title"), text(node, "description"), rules);
    }

    private Rule rule(
        JsonNode node, String path, MatchMode defaultMode, Set<TextField> defaultFields) {
      MatchMode mode = mode(node.get("mode"), defaultMode);
      Set<TextField> fields = fields(node.get("fields"), path + ".fields", defaultFields);
      List<String> keywords = strings(node.get("keywords"));
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < keywords.size(); i++) {
        String k = keywords.get(i);
        String kpath = path + ".keywords[" + i + "]";
        if (k.isBlank()) {
          problems.add(kpath, "empty keyword");
          continue;
        }
        if (!seen.add(k.toLowerCase(Locale.ROOT))) {
          problems.add(kpath, "duplicate keyword '" + k + "'");
        }
        if (mode == MatchMode.WORD && !k.equals(k.strip())) {
          problems.add(kpath, "a word-mode keyword cannot start or end with spaces: '" + k + "'");
        }
        int star = k.indexOf('*');
        if (star >= 0 && (mode != MatchMode.WORD || star != k.length() - 1 || k.length() == 1)) {
          problems.add(kpath, "'*' is only allowed at the end of a word-mode keyword: '" + k + "'");
        }
      }
      List<String> patterns = patterns(node.get("patterns"), path + ".patterns");
      if (keywords.isEmpty() && patterns.isEmpty()) {
        problems.add(path, "a rule needs at least one keyword or pattern");
      }
      List<String> exclude = strings(node.get("exclude"));
      for (int i = 0; i < exclude.size(); i++) {
        String e = exclude.get(i).toLowerCase(Locale.ROOT);
        String epath = path + ".exclude[" + i + "]";
        if (e.isBlank()) {
          problems.add(epath, "empty exclusion");
        } else if (keywords.stream()
            .map(k -> k.endsWith("*") ? k.substring(0, k.length() - 1) : k)
            .noneMatch(k -> !k.isBlank() && e.contains(k.toLowerCase(Locale.ROOT)))) {
          problems.add(
              epath,
              "exclusion '"
                  + exclude.get(i)
                  + "' contains none of the rule's keywords, so it can"
                  + " never apply (use exclude_patterns for a context)");
        }
      }
      return new Rule(
          keywords,
          patterns,
          mode,
          fields,
          exclude,
          patterns(node.get("exclude_patterns"), path + ".exclude_patterns"),
          weights(node.get("weights")),
          tokens(node.get("exclude_tokens"), path + ".exclude_tokens"));
    }

    private TaxonomyFrames frames(JsonNode node, List<Dimension> dimensions) {
      if (node == null) {
        return TaxonomyFrames.none();
      }
      String productionDimension = null;
      String productionLabel = null;
      JsonNode production = node.get("production");
      if (production != null) {
        String path = "$.frames.production";
        productionDimension = production.get("dimension").textValue();
        productionLabel = production.get("label").textValue();
        String wanted = productionDimension;
        Dimension d =
            dimensions.stream().filter(x -> x.id().equals(wanted)).findFirst().orElse(null);
        if (d == null) {
          problems.add(path + ".dimension", "no dimension '" + productionDimension + "'");
        } else if (!d.isPredicted()) {
          problems.add(path + ".dimension", "'" + d.id() + "' is not a predicted dimension");
        } else if (d.indexOf(productionLabel) < 0) {
          problems.add(
              path + ".label", "'" + productionLabel + "' is not a label of '" + d.id() + "'");
        }
      }
      JsonNode bug = node.get("bug_perf");
      List<String> bugPerf = bug == null ? null : strings(bug.get("labels"));
      return new TaxonomyFrames(productionDimension, productionLabel, bugPerf);
    }

    // --- readers of values whose type the schema has checked ---

    private static String text(JsonNode node, String key) {
      JsonNode value = node.get(key);
      return value == null ? null : value.textValue();
    }

    private static List<String> strings(JsonNode value) {
      List<String> out = new ArrayList<>();
      if (value != null) {
        value.forEach(item -> out.add(item.textValue()));
      }
      return out;
    }

    private static MatchMode mode(JsonNode value, MatchMode fallback) {
      return value == null ? fallback : MatchMode.fromKey(value.textValue()).orElseThrow();
    }

    private Set<TextField> fields(JsonNode value, String path, Set<TextField> fallback) {
      if (value == null) {
        return fallback;
      }
      Set<TextField> out = EnumSet.noneOf(TextField.class);
      List<String> names = strings(value);
      for (int i = 0; i < names.size(); i++) {
        if (!out.add(TextField.fromKey(names.get(i)).orElseThrow())) {
          problems.add(path + "[" + i + "]", "duplicate field '" + names.get(i) + "'");
        }
      }
      return out;
    }

    private Set<TokenKind> tokens(JsonNode value, String path) {
      Set<TokenKind> out = EnumSet.noneOf(TokenKind.class);
      List<String> names = strings(value);
      for (int i = 0; i < names.size(); i++) {
        if (!out.add(TokenKind.fromKey(names.get(i)).orElseThrow())) {
          problems.add(path + "[" + i + "]", "duplicate token kind '" + names.get(i) + "'");
        }
      }
      return out;
    }

    private static Map<EvidenceField, Double> weights(JsonNode value) {
      Map<EvidenceField, Double> out = new EnumMap<>(EvidenceField.class);
      if (value != null) {
        value
            .fields()
            .forEachRemaining(
                e ->
                    out.put(
                        EvidenceField.fromKey(e.getKey()).orElseThrow(),
                        e.getValue().doubleValue()));
      }
      return out;
    }

    private List<String> patterns(JsonNode value, String path) {
      List<String> out = strings(value);
      for (int i = 0; i < out.size(); i++) {
        String p = out.get(i);
        String ppath = path + "[" + i + "]";
        if (p.isEmpty()) {
          problems.add(ppath, "empty pattern");
          continue;
        }
        String unsupported = unsupported(p);
        if (unsupported != null) {
          problems.add(
              ppath,
              "pattern /"
                  + p
                  + "/ uses "
                  + unsupported
                  + ", which the linear-time pattern engine does not support (see"
                  + " docs/taxonomy-format.md)");
          continue;
        }
        Optional<String> tooLarge = PatternSize.problem(p);
        if (tooLarge.isPresent()) {
          problems.add(ppath, "pattern /" + p + "/ is too large: " + tooLarge.get());
          continue;
        }
        try {
          if (com.google.re2j.Pattern.compile(p, com.google.re2j.Pattern.CASE_INSENSITIVE)
              .matcher("")
              .find()) {
            problems.add(ppath, "pattern /" + p + "/ can match the empty string");
          }
        } catch (com.google.re2j.PatternSyntaxException e) {
          problems.add(
              ppath,
              "invalid regular expression /"
                  + p
                  + "/: "
                  + e.getDescription()
                  + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
      }
      return out;
    }

    /**
     * The first construct of {@code p} that needs backtracking (lookaround, a backreference, an
     * atomic group) or that Java's syntax reads otherwise than RE2's (a class intersection), in
     * words; null when there is none. Other unsupported syntax is named by the engine's own message
     * (a possessive quantifier is an "invalid nested repetition operator").
     */
    private static String unsupported(String p) {
      boolean inClass = false;
      for (int i = 0; i < p.length(); i++) {
        char ch = p.charAt(i);
        if (ch == '\\' && i + 1 < p.length()) {
          char next = p.charAt(i + 1);
          if (!inClass && next >= '1' && next <= '9') {
            return "a backreference (\\" + next + ")";
          }
          if (!inClass && next == 'k' && p.startsWith("<", i + 2)) {
            return "a named backreference (\\k<…>)";
          }
          i++;
        } else if (inClass) {
          if (ch == ']') {
            inClass = false;
          } else if (ch == '&' && p.startsWith("&&", i)) {
            return "a character class intersection (&&)";
          }
        } else if (ch == '[') {
          inClass = true;
          if (p.startsWith("^", i + 1)) {
            i++;
          }
          if (p.startsWith("]", i + 1)) {
            i++;
          }
        } else if (ch == '(' && p.startsWith("?", i + 1)) {
          for (String[] look : LOOKAROUNDS) {
            if (p.startsWith(look[0], i)) {
              return look[1];
            }
          }
        }
      }
      return null;
    }

    private static final String[][] LOOKAROUNDS = {
      {"(?=", "lookahead ((?=…))"},
      {"(?!", "negative lookahead ((?!…))"},
      {"(?<=", "lookbehind ((?<=…))"},
      {"(?<!", "negative lookbehind ((?<!…))"},
      {"(?>", "an atomic group ((?>…))"},
    };
  }
}
