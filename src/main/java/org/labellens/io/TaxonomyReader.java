package org.labellens.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern LABEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final int MAX_PROBLEMS = 20;

  private static final Set<String> TOP_KEYS =
      Set.of("format", "name", "version", "description", "dimensions", "frames");
  private static final Set<String> DIMENSION_KEYS =
      Set.of("id", "kind", "description", "labels", "match", "derived_from", "fallback");
  private static final Set<String> LABEL_KEYS = Set.of("id", "title", "description", "rules");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "keywords",
          "patterns",
          "mode",
          "fields",
          "exclude",
          "exclude_patterns",
          "exclude_tokens",
          "weights",
          "note");
  private static final Set<String> MATCH_KEYS =
      Set.of(
          "mode",
          "fields",
          "join",
          "zones",
          "weights",
          "min_score",
          "max_hits",
          "exclude_patterns",
          "exclude_tokens");
  private static final Set<String> FRAMES_KEYS = Set.of("production", "bug_perf");
  private static final Set<String> PRODUCTION_KEYS = Set.of("dimension", "label");
  private static final Set<String> BUG_PERF_KEYS = Set.of("labels");

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
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:" + name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in taxonomy " + name, e);
    }
  }

  public TaxonomyDocument read(Path file) {
    String text;
    long limit = Limits.TAXONOMY_BYTES.value();
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
      throw new BadInputException("taxonomy " + file + ": no such file");
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
    Taxonomy taxonomy = new Validator(problems).taxonomy(root);
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

  private static final class Validator {
    private final Problems problems;

    Validator(Problems problems) {
      this.problems = problems;
    }

    Taxonomy taxonomy(JsonNode root) {
      if (!root.isObject()) {
        problems.add("$", "expected an object, found " + describe(root));
        return null;
      }
      keys(root, "$", TOP_KEYS);
      JsonNode format = root.get("format");
      if (format != null && !(format.isIntegralNumber() && format.intValue() == 1)) {
        problems.add("$.format", "unsupported format " + format + " (this version reads format 1)");
      }
      String name = requiredString(root, "$", "name");
      if (name != null && !NAME.matcher(name).matches()) {
        problems.add("$.name", "'" + name + "' is not a valid name (letters, digits, . _ -)");
      }
      String version = requiredString(root, "$", "version");
      String description = optionalString(root, "$", "description");
      List<Dimension> dimensions = new ArrayList<>();
      JsonNode dims = root.get("dimensions");
      if (dims == null) {
        problems.add("$", "missing required key 'dimensions'");
      } else if (!dims.isArray() || dims.isEmpty()) {
        problems.add("$.dimensions", "expected a non-empty array, found " + describe(dims));
      } else {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < dims.size(); i++) {
          String path = "$.dimensions[" + i + "]";
          Dimension d = dimension(dims.get(i), path);
          if (d != null) {
            String previous = seen.putIfAbsent(d.id(), path);
            if (previous != null) {
              problems.add(
                  path + ".id", "duplicate dimension '" + d.id() + "' (also " + previous + ")");
            }
            dimensions.add(d);
          }
        }
        crossCheckDimensions(dimensions);
      }
      TaxonomyFrames frames = frames(root.get("frames"), dimensions);
      if (problems.any()) {
        return null;
      }
      return new Taxonomy(name, version, description, dimensions, frames);
    }

    private Dimension dimension(JsonNode node, String path) {
      if (!object(node, path)) {
        return null;
      }
      keys(node, path, DIMENSION_KEYS);
      String id = requiredString(node, path, "id");
      if (id != null && !ID.matcher(id).matches()) {
        problems.add(
            path + ".id", "'" + id + "' is not a valid id (lower-case letters, digits, _)");
      }
      String kindText = requiredString(node, path, "kind");
      DimensionKind kind = null;
      if (kindText != null) {
        kind = DimensionKind.fromKey(kindText).orElse(null);
        if (kind == null) {
          problems.add(
              path + ".kind",
              "unknown dimension kind '" + kindText + "' (expected set, single, binary, ordinal)");
        }
      }
      String description = optionalString(node, path, "description");
      MatchSettings matching = null;
      MatchMode defaultMode = MatchMode.WORD;
      Set<TextField> defaultFields = EnumSet.of(TextField.TITLE, TextField.BODY);
      JsonNode match = node.get("match");
      if (match != null && object(match, path + ".match")) {
        String mpath = path + ".match";
        keys(match, mpath, MATCH_KEYS);
        defaultMode = mode(match.get("mode"), mpath + ".mode", MatchMode.WORD);
        defaultFields = fields(match.get("fields"), mpath + ".fields", defaultFields);
        boolean join = bool(match.get("join"), mpath + ".join", false);
        boolean zones = bool(match.get("zones"), mpath + ".zones", false);
        Map<EvidenceField, Double> weights = weights(match.get("weights"), mpath + ".weights");
        double minScore = number(match.get("min_score"), mpath + ".min_score", 1.0);
        if (minScore <= 0) {
          problems.add(mpath + ".min_score", "must be greater than 0");
        }
        int maxHits = count(match.get("max_hits"), mpath + ".max_hits");
        List<String> excludePatterns =
            patterns(match.get("exclude_patterns"), mpath + ".exclude_patterns");
        Set<TokenKind> excludeTokens =
            tokens(match.get("exclude_tokens"), mpath + ".exclude_tokens");
        matching =
            new MatchSettings(
                join, zones, weights, minScore, maxHits, excludePatterns, excludeTokens);
      }
      String derivedFrom = optionalString(node, path, "derived_from");
      String fallback = optionalString(node, path, "fallback");
      if (matching != null && derivedFrom != null) {
        problems.add(path, "a dimension is either predicted ('match') or derived ('derived_from')");
      }
      List<Label> labels = new ArrayList<>();
      JsonNode labelNodes = node.get("labels");
      if (labelNodes == null) {
        problems.add(path, "missing required key 'labels'");
      } else if (!labelNodes.isArray() || labelNodes.isEmpty()) {
        problems.add(path + ".labels", "expected a non-empty array, found " + describe(labelNodes));
      } else {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < labelNodes.size(); i++) {
          String lpath = path + ".labels[" + i + "]";
          Label label =
              label(labelNodes.get(i), lpath, matching != null, defaultMode, defaultFields);
          if (label != null) {
            String previous = seen.putIfAbsent(label.id(), lpath);
            if (previous != null) {
              problems.add(
                  lpath + ".id", "duplicate label '" + label.id() + "' (also " + previous + ")");
            }
            labels.add(label);
          }
        }
      }
      if (id == null || kind == null) {
        return null;
      }
      Dimension dimension =
          new Dimension(id, kind, description, labels, matching, derivedFrom, fallback);
      checkDimension(dimension, path);
      return dimension;
    }

    private void checkDimension(Dimension d, String path) {
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
      if (!object(node, path)) {
        return null;
      }
      keys(node, path, LABEL_KEYS);
      String id = requiredString(node, path, "id");
      if (id != null && !LABEL_ID.matcher(id).matches()) {
        problems.add(path + ".id", "'" + id + "' is not a valid label id (letters, digits, _ . -)");
      }
      String title = optionalString(node, path, "title");
      String description = optionalString(node, path, "description");
      List<Rule> rules = new ArrayList<>();
      JsonNode ruleNodes = node.get("rules");
      if (ruleNodes != null) {
        if (!ruleNodes.isArray()) {
          problems.add(path + ".rules", "expected an array, found " + describe(ruleNodes));
        } else if (!predicted && !ruleNodes.isEmpty()) {
          problems.add(
              path + ".rules", "rules need a predicted dimension (add a 'match' to the dimension)");
        } else {
          for (int i = 0; i < ruleNodes.size(); i++) {
            Rule rule =
                rule(ruleNodes.get(i), path + ".rules[" + i + "]", defaultMode, defaultFields);
            if (rule != null) {
              rules.add(rule);
            }
          }
        }
      }
      return id == null ? null : new Label(id, title, description, rules);
    }

    private Rule rule(
        JsonNode node, String path, MatchMode defaultMode, Set<TextField> defaultFields) {
      if (!object(node, path)) {
        return null;
      }
      keys(node, path, RULE_KEYS);
      optionalString(node, path, "note");
      MatchMode mode = mode(node.get("mode"), path + ".mode", defaultMode);
      Set<TextField> fields = fields(node.get("fields"), path + ".fields", defaultFields);
      List<String> keywords = strings(node.get("keywords"), path + ".keywords");
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
      List<String> exclude = strings(node.get("exclude"), path + ".exclude");
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
      List<String> excludePatterns =
          patterns(node.get("exclude_patterns"), path + ".exclude_patterns");
      Map<EvidenceField, Double> weights = weights(node.get("weights"), path + ".weights");
      Set<TokenKind> excludeTokens = tokens(node.get("exclude_tokens"), path + ".exclude_tokens");
      return new Rule(
          keywords, patterns, mode, fields, exclude, excludePatterns, weights, excludeTokens);
    }

    private TaxonomyFrames frames(JsonNode node, List<Dimension> dimensions) {
      if (node == null) {
        return TaxonomyFrames.none();
      }
      if (!object(node, "$.frames")) {
        return TaxonomyFrames.none();
      }
      keys(node, "$.frames", FRAMES_KEYS);
      String productionDimension = null;
      String productionLabel = null;
      JsonNode production = node.get("production");
      if (production != null && object(production, "$.frames.production")) {
        String path = "$.frames.production";
        keys(production, path, PRODUCTION_KEYS);
        productionDimension = requiredString(production, path, "dimension");
        productionLabel = requiredString(production, path, "label");
        if (productionDimension != null && productionLabel != null) {
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
      }
      List<String> bugPerf = null;
      JsonNode bug = node.get("bug_perf");
      if (bug != null && object(bug, "$.frames.bug_perf")) {
        keys(bug, "$.frames.bug_perf", BUG_PERF_KEYS);
        JsonNode labels = bug.get("labels");
        if (labels == null) {
          problems.add("$.frames.bug_perf", "missing required key 'labels'");
        } else {
          bugPerf = strings(labels, "$.frames.bug_perf.labels");
          for (int i = 0; i < bugPerf.size(); i++) {
            if (bugPerf.get(i).isBlank()) {
              problems.add("$.frames.bug_perf.labels[" + i + "]", "empty label");
            }
          }
        }
      }
      return new TaxonomyFrames(productionDimension, productionLabel, bugPerf);
    }

    // --- small typed readers, each reporting its path ---

    private boolean object(JsonNode node, String path) {
      if (!node.isObject()) {
        problems.add(path, "expected an object, found " + describe(node));
        return false;
      }
      return true;
    }

    private void keys(JsonNode node, String path, Set<String> allowed) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          List<String> sorted = new ArrayList<>(allowed);
          sorted.sort(String::compareTo);
          problems.add(
              path + "." + key, "unknown key '" + key + "' (expected one of " + sorted + ")");
        }
      }
    }

    private String requiredString(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      if (value == null) {
        problems.add(path, "missing required key '" + key + "'");
        return null;
      }
      if (!value.isTextual() || value.textValue().isBlank()) {
        problems.add(path + "." + key, "expected a non-empty string, found " + describe(value));
        return null;
      }
      return value.textValue();
    }

    private String optionalString(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      if (value == null) {
        return null;
      }
      if (!value.isTextual()) {
        problems.add(path + "." + key, "expected a string, found " + describe(value));
        return null;
      }
      return value.textValue();
    }

    private boolean bool(JsonNode value, String path, boolean fallback) {
      if (value == null) {
        return fallback;
      }
      if (!value.isBoolean()) {
        problems.add(path, "expected true or false, found " + describe(value));
        return fallback;
      }
      return value.booleanValue();
    }

    private double number(JsonNode value, String path, double fallback) {
      if (value == null) {
        return fallback;
      }
      if (!value.isNumber()) {
        problems.add(path, "expected a number, found " + describe(value));
        return fallback;
      }
      return value.doubleValue();
    }

    private int count(JsonNode value, String path) {
      if (value == null) {
        return 0;
      }
      if (!value.isIntegralNumber() || value.intValue() < 0) {
        problems.add(path, "expected a whole number >= 0, found " + describe(value));
        return 0;
      }
      return value.intValue();
    }

    private List<String> strings(JsonNode value, String path) {
      List<String> out = new ArrayList<>();
      if (value == null) {
        return out;
      }
      if (!value.isArray()) {
        problems.add(path, "expected an array of strings, found " + describe(value));
        return out;
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (!item.isTextual()) {
          problems.add(path + "[" + i + "]", "expected a string, found " + describe(item));
        } else {
          out.add(item.textValue());
        }
      }
      return out;
    }

    private List<String> patterns(JsonNode value, String path) {
      List<String> out = strings(value, path);
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

    private Set<TokenKind> tokens(JsonNode value, String path) {
      Set<TokenKind> out = EnumSet.noneOf(TokenKind.class);
      List<String> names = strings(value, path);
      for (int i = 0; i < names.size(); i++) {
        TokenKind kind = TokenKind.fromKey(names.get(i)).orElse(null);
        if (kind == null) {
          problems.add(
              path + "[" + i + "]",
              "unknown token kind '" + names.get(i) + "' (expected url, path, module, file)");
        } else if (!out.add(kind)) {
          problems.add(path + "[" + i + "]", "duplicate token kind '" + names.get(i) + "'");
        }
      }
      return out;
    }

    private MatchMode mode(JsonNode value, String path, MatchMode fallback) {
      if (value == null) {
        return fallback;
      }
      if (!value.isTextual()) {
        problems.add(path, "expected \"substring\" or \"word\", found " + describe(value));
        return fallback;
      }
      MatchMode mode = MatchMode.fromKey(value.textValue()).orElse(null);
      if (mode == null) {
        problems.add(
            path, "unknown match mode '" + value.textValue() + "' (expected substring or word)");
        return fallback;
      }
      return mode;
    }

    private Set<TextField> fields(JsonNode value, String path, Set<TextField> fallback) {
      if (value == null) {
        return fallback;
      }
      Set<TextField> out = EnumSet.noneOf(TextField.class);
      List<String> names = strings(value, path);
      if (value.isArray() && value.isEmpty()) {
        problems.add(path, "expected at least one field (title, body, labels)");
      }
      for (int i = 0; i < names.size(); i++) {
        TextField field = TextField.fromKey(names.get(i)).orElse(null);
        if (field == null) {
          problems.add(
              path + "[" + i + "]",
              "unknown field '" + names.get(i) + "' (expected title, body, labels)");
        } else if (!out.add(field)) {
          problems.add(path + "[" + i + "]", "duplicate field '" + names.get(i) + "'");
        }
      }
      return out.isEmpty() ? fallback : out;
    }

    private Map<EvidenceField, Double> weights(JsonNode value, String path) {
      Map<EvidenceField, Double> out = new EnumMap<>(EvidenceField.class);
      if (value == null) {
        return out;
      }
      if (!object(value, path)) {
        return out;
      }
      Set<String> known = new LinkedHashSet<>();
      for (EvidenceField f : EvidenceField.values()) {
        known.add(f.key());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String wpath = path + "." + e.getKey();
        EvidenceField field = EvidenceField.fromKey(e.getKey()).orElse(null);
        if (field == null) {
          problems.add(wpath, "unknown field '" + e.getKey() + "' (expected one of " + known + ")");
          continue;
        }
        if (!e.getValue().isNumber() || e.getValue().doubleValue() < 0) {
          problems.add(wpath, "expected a number >= 0, found " + describe(e.getValue()));
          continue;
        }
        out.put(field, e.getValue().doubleValue());
      }
      return out;
    }

    private static String describe(JsonNode node) {
      return switch (node.getNodeType()) {
        case OBJECT -> "an object";
        case ARRAY -> node.isEmpty() ? "an empty array" : "an array";
        case STRING -> node.textValue().isBlank() ? "an empty string" : "a string";
        case NUMBER -> "the number " + node;
        case BOOLEAN -> node.booleanValue() ? "true" : "false";
        case NULL -> "null";
        default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
      };
    }
  }
}
