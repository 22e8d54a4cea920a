package org.labellens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Reads small JSON documents the project stores as text (e.g. a sample's parameters). */
public final class JsonDocuments {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonDocuments() {}

  /** A JSON object as a map of plain values (strings, numbers, booleans, lists, maps, null). */
  public static Map<String, Object> parseObject(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not an object: " + e.getOriginalMessage(), e);
    }
  }
}
