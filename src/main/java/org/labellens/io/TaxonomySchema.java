package org.labellens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of a taxonomy file, checked against the JSON Schema {@code taxonomy.schema.json} (next
 * to the built-in taxonomies; it documents the format with docs/taxonomy-format.md). The
 * validator's findings are put in our words: the JSON path of the value, what was expected and what
 * was found; the nouns ("dimension kind", "label id") are the schema's {@code title}s.
 */
final class TaxonomySchema {
  static final String RESOURCE = "/org/labellens/taxonomy/taxonomy.schema.json";

  /** A problem with the shape: where, and what. */
  record Problem(String path, String message) {}

  private final JsonNode schemaTree;
  private final Schema schema;

  private TaxonomySchema() {
    try (InputStream in = TaxonomySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("taxonomy schema resource missing: " + RESOURCE);
      }
      schemaTree = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the taxonomy schema", e);
    }
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
    schema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config))
            .getSchema(schemaTree);
  }

  /** Loaded on first use: reading a built-in taxonomy does not need it. */
  private static final class Holder {
    static final TaxonomySchema INSTANCE = new TaxonomySchema();
  }

  static TaxonomySchema get() {
    return Holder.INSTANCE;
  }

  /** The shape problems of {@code document}, in the validator's order; empty when it fits. */
  List<Problem> check(JsonNode document) {
    List<Error> errors = schema.validate(document);
    Set<String> wrongType = new HashSet<>();
    for (Error e : errors) {
      if (e.getKeyword().equals("type")) {
        wrongType.add(e.getInstanceLocation().toString());
      }
    }
    List<Problem> out = new ArrayList<>();
    for (Error e : errors) {
      String path = e.getInstanceLocation().toString();
      if (!e.getKeyword().equals("type") && wrongType.contains(path)) {
        continue; // a value of the wrong type is reported once, as such
      }
      out.add(problem(e, path));
    }
    return out;
  }

  private Problem problem(Error e, String path) {
    JsonNode found = e.getInstanceNode();
    JsonNode subschema = parentSchema(e);
    String title = subschema.path("title").asText("value");
    return switch (e.getKeyword()) {
      case "additionalProperties" ->
          new Problem(
              path + "." + e.getProperty(),
              "unknown key '" + e.getProperty() + "' (expected one of " + keys(subschema) + ")");
      case "required" -> new Problem(path, "missing required key '" + e.getProperty() + "'");
      case "propertyNames" ->
          new Problem(
              path + "." + e.getProperty(),
              "unknown "
                  + subschema.path("propertyNames").path("title").asText("key")
                  + " '"
                  + e.getProperty()
                  + "' (expected one of "
                  + list(subschema.path("propertyNames").path("enum"))
                  + ")");
      case "type" ->
          new Problem(path, "expected " + expected(subschema) + ", found " + describe(found));
      case "pattern" ->
          subschema.has("title")
              ? new Problem(
                  path,
                  "'"
                      + found.asText()
                      + "' is not a valid "
                      + title
                      + " ("
                      + subschema.path("description").asText()
                      + ")")
              : new Problem(path, "expected a non-empty string, found " + describe(found));
      case "enum" ->
          new Problem(
              path,
              "unknown "
                  + title
                  + " '"
                  + found.asText()
                  + "' (expected "
                  + String.join(", ", strings(subschema.path("enum")))
                  + ")");
      case "minItems" -> new Problem(path, "expected a non-empty array, found " + describe(found));
      case "const" ->
          new Problem(
              path,
              "unsupported format "
                  + found
                  + " (this version reads format "
                  + subschema.get("const")
                  + ")");
      case "minimum" ->
          new Problem(
              path,
              "expected "
                  + expected(subschema)
                  + " >= "
                  + subschema.get("minimum")
                  + ", found "
                  + describe(found));
      case "exclusiveMinimum" ->
          new Problem(path, "must be greater than " + subschema.get("exclusiveMinimum"));
      default -> new Problem(path, e.getMessage());
    };
  }

  /** The schema object that holds the keyword that failed. */
  private JsonNode parentSchema(Error e) {
    NodePath keyword = e.getSchemaLocation().getFragment();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < keyword.getNameCount() - 1; i++) {
      pointer.append('/').append(keyword.getName(i).replace("~", "~0").replace("/", "~1"));
    }
    return schemaTree.at(pointer.toString());
  }

  /** What a schema's {@code type} asks for, in words. */
  private static String expected(JsonNode subschema) {
    if (subschema.path("pattern").asText().equals("\\S")) {
      return "a non-empty string";
    }
    return switch (subschema.path("type").asText()) {
      case "object" -> "an object";
      case "array" ->
          subschema.path("items").path("type").asText().equals("string")
              ? "an array of strings"
              : "an array";
      case "string" -> "a string";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      default -> subschema.path("type").asText();
    };
  }

  private static List<String> keys(JsonNode subschema) {
    List<String> keys = new ArrayList<>();
    subschema.path("properties").fieldNames().forEachRemaining(keys::add);
    keys.sort(String::compareTo);
    return keys;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String list(JsonNode array) {
    return strings(array).toString();
  }

  /** A JSON value in words, as messages name what was found. */
  static String describe(JsonNode node) {
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
