package org.labellens.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Frameworks;
import org.labellens.core.model.Issue;

/**
 * Reads issues from CSV (header naming at least {@code repo} or {@code --repo}, {@code number},
 * {@code title}; optional {@code body}, {@code labels} separated by {@code ;}, {@code state},
 * {@code created_at}, {@code closed_at}, {@code url}, {@code author}, {@code comments}), or outside
 * predictions from a CSV whose header is {@code repo,number,label}.
 */
final class CsvIssueReader {
  private final ReadOptions options;

  CsvIssueReader(ReadOptions options) {
    this.options = options;
  }

  void read(InputStream in, String file, IssueSink sink) {
    try (CsvRecordReader csv = new CsvRecordReader(StrictUtf8.reader(in), file)) {
      List<String> header = csv.next();
      if (header == null) {
        throw new BadInputException(file + ": the file is empty (expected a CSV header)");
      }
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
          throw new BadInputException(
              file
                  + ":1: column '"
                  + IssueValues.abbreviate(name)
                  + "' appears twice in the header");
        }
      }
      boolean predictions =
          columns.containsKey("label")
              && !columns.containsKey("title")
              && columns.containsKey("number");
      if (predictions) {
        readPredictions(csv, file, header.size(), columns, sink);
      } else {
        readIssues(csv, file, header.size(), columns, sink);
      }
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private void readIssues(
      CsvRecordReader csv, String file, int width, Map<String, Integer> columns, IssueSink sink) {
    require(columns, "number", file);
    require(columns, "title", file);
    if (options.repo() == null && !columns.containsKey("repo")) {
      throw new BadInputException(
          file + ":1: the header has no 'repo' column; add one or give --repo OWNER/NAME");
    }
    String labelField =
        options.labelField() == null ? null : options.labelField().toLowerCase(Locale.ROOT);
    if (labelField != null && !columns.containsKey(labelField)) {
      throw new BadInputException(
          file + ":1: the header has no column '" + options.labelField() + "' (--label-field)");
    }
    Row r;
    while ((r = nextRow(csv, file, width, columns)) != null) {
      String location = r.location();
      String repo = options.repo() != null ? options.repo() : r.required("repo");
      repo = Frameworks.canonicalRepo(repo);
      if (!Frameworks.isValidRepo(repo)) {
        throw new BadInputException(
            location
                + ": field 'repo': '"
                + IssueValues.abbreviate(repo)
                + "' is not an OWNER/NAME repository name");
      }
      int number = r.positiveInt("number");
      String url = r.optional("url");
      if (url == null) {
        url = "https://github.com/" + repo + "/issues/" + number;
      }
      String state = r.optional("state");
      String comments = r.optional("comments");
      Integer commentCount = null;
      if (comments != null) {
        try {
          commentCount = Integer.valueOf(comments.trim());
        } catch (NumberFormatException e) {
          throw new BadInputException(
              location
                  + ": field 'comments': expected a count, found '"
                  + IssueValues.abbreviate(comments)
                  + "'");
        }
      }
      Issue issue =
          new Issue(
              repo,
              number,
              options.framework() != null ? options.framework() : Frameworks.forRepo(repo),
              r.required("title"),
              r.orEmpty("body"),
              splitLabels(r.optional("labels")),
              state == null ? null : state.trim().toLowerCase(Locale.ROOT),
              timestamp(r, "created_at", location),
              timestamp(r, "closed_at", location),
              url,
              r.optional("author"),
              commentCount);
      List<String> outside = labelField == null ? null : splitLabels(r.optional(labelField));
      sink.issue(new ImportedIssue(issue, outside, location));
    }
  }

  private void readPredictions(
      CsvRecordReader csv, String file, int width, Map<String, Integer> columns, IssueSink sink) {
    if (options.repo() == null && !columns.containsKey("repo")) {
      throw new BadInputException(
          file + ":1: the predictions header has no 'repo' column; add one or give --repo");
    }
    Row r;
    while ((r = nextRow(csv, file, width, columns)) != null) {
      String location = r.location();
      String repo =
          Frameworks.canonicalRepo(options.repo() != null ? options.repo() : r.required("repo"));
      sink.prediction(repo, r.positiveInt("number"), r.required("label").trim(), location);
    }
  }

  /**
   * The next record that is not an empty line, with as many fields as the header; null at the end.
   */
  private static Row nextRow(
      CsvRecordReader csv, String file, int width, Map<String, Integer> columns) {
    List<String> row;
    while ((row = csv.next()) != null) {
      String location = file + ":" + csv.recordLine();
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue;
      }
      if (row.size() != width) {
        throw new BadInputException(
            location + ": the record has " + row.size() + " fields, the header has " + width);
      }
      return new Row(row, columns, location);
    }
    return null;
  }

  private static String timestamp(Row r, String field, String location) {
    String v = r.optional(field);
    return v == null ? null : IssueValues.normaliseTimestamp(v, location, field);
  }

  static List<String> splitLabels(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    List<String> labels = new ArrayList<>();
    for (String part : cell.split(";")) {
      String t = part.trim();
      if (!t.isEmpty()) {
        labels.add(t);
      }
    }
    return labels;
  }

  private static void require(Map<String, Integer> columns, String name, String file) {
    if (!columns.containsKey(name)) {
      throw new BadInputException(file + ":1: the header has no '" + name + "' column");
    }
  }

  /** One record, with its fields looked up by column name. */
  private record Row(List<String> fields, Map<String, Integer> columns, String location) {
    String optional(String name) {
      Integer i = columns.get(name);
      if (i == null) {
        return null;
      }
      String v = fields.get(i);
      return v.isEmpty() ? null : v;
    }

    String orEmpty(String name) {
      String v = optional(name);
      return v == null ? "" : v;
    }

    String required(String name) {
      String v = optional(name);
      if (v == null || v.isBlank()) {
        throw new BadInputException(location + ": field '" + name + "' is empty");
      }
      return v;
    }

    int positiveInt(String name) {
      String v = required(name).trim();
      try {
        int n = Integer.parseInt(v);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new BadInputException(
          location
              + ": field '"
              + name
              + "': expected a positive whole number, found '"
              + IssueValues.abbreviate(v)
              + "'");
    }
  }
}
