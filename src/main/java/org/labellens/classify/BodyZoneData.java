package org.labellens.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.JsonText;

/**
 * The issue-template data body zoning relies on (section headings, dump markers, command and log
 * prefixes of vLLM, llama.cpp and SGLang), kept as data in the resource {@value #RESOURCE} beside
 * this class and read once. Format: docs/taxonomy-format.md ("Body zones").
 */
final class BodyZoneData {
  /** The resource, relative to this class. */
  static final String RESOURCE = "body-zones.txt";

  /** The lists the resource must hold, in the order it lists them. */
  static final List<String> LISTS =
      List.of(
          "env-headings",
          "log-headings",
          "template-headings",
          "env-markers",
          "command-prefixes",
          "dump-prefixes",
          "config-markers");

  /** The data of the resource, read on first use. */
  static final BodyZoneData DEFAULT = load();

  final String[] envHeadings;
  final String[] logHeadings;
  final String[] templateHeadings;
  final String[] envMarkers;
  final String[] commandPrefixes;
  final String[] dumpPrefixes;
  final String[] configMarkers;

  private BodyZoneData(Map<String, List<String>> lists) {
    envHeadings = array(lists, "env-headings");
    logHeadings = array(lists, "log-headings");
    templateHeadings = array(lists, "template-headings");
    envMarkers = array(lists, "env-markers");
    commandPrefixes = array(lists, "command-prefixes");
    dumpPrefixes = array(lists, "dump-prefixes");
    configMarkers = array(lists, "config-markers");
  }

  private static String[] array(Map<String, List<String>> lists, String name) {
    return lists.get(name).toArray(new String[0]);
  }

  private static BodyZoneData load() {
    try (InputStream in = BodyZoneData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(r.lines().toList(), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the lines of a data file.
   *
   * @throws IllegalArgumentException naming the file and line of the first problem
   */
  static BodyZoneData parse(List<String> lines, String source) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    List<String> current = null;
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + n + ": ";
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1);
        if (!LISTS.contains(name)) {
          throw new IllegalArgumentException(
              where + "unknown list [" + name + "] (known: " + String.join(", ", LISTS) + ")");
        }
        if (lists.containsKey(name)) {
          throw new IllegalArgumentException(where + "list [" + name + "] is given twice");
        }
        current = new ArrayList<>();
        lists.put(name, current);
        continue;
      }
      if (current == null) {
        throw new IllegalArgumentException(where + "an entry before the first [list]");
      }
      if (!line.startsWith("\"") || !line.endsWith("\"") || line.length() < 2) {
        throw new IllegalArgumentException(
            where + "an entry must be one JSON string, e.g. \"curl \"");
      }
      String entry;
      try {
        entry = JsonText.parseString(line);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            where + "an entry must be one JSON string, e.g. \"curl \": " + e.getMessage(), e);
      }
      if (entry.isEmpty() || entry.charAt(0) >= 128) {
        throw new IllegalArgumentException(where + "an entry must start with an ASCII character");
      }
      current.add(entry);
    }
    for (String name : LISTS) {
      if (!lists.containsKey(name)) {
        throw new IllegalArgumentException(source + ": the list [" + name + "] is missing");
      }
    }
    return new BodyZoneData(lists);
  }
}
