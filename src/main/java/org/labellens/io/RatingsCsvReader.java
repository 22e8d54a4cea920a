package org.labellens.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.labellens.core.BadInputException;
import org.labellens.core.stats.AgreementStudy;
import org.labellens.core.stats.CategoryOrder;

/**
 * Reads a long-format ratings file into an {@link AgreementStudy}: UTF-8 CSV (RFC 4180) with the
 * header {@code item,rater,label} or {@code item_id,rater_id,label} (any order, any case, other
 * columns ignored), one row per rating.
 *
 * <ul>
 *   <li>Values are trimmed. An empty label is a missing rating; so is a rating that has no row.
 *   <li>A repeated (item, rater) is an error, even if one of the two labels is empty.
 *   <li>With declared labels, any other label is an error, and the declared order is the scale's
 *       order; otherwise the labels seen are ordered by {@link CategoryOrder#natural()}.
 *   <li>Items and raters keep the order of their first row.
 *   <li>Blank lines are skipped.
 * </ul>
 *
 * Every error is a {@link BadInputException} whose message names the file, the line and the column:
 * {@code ratings.csv:7: column 'rater': …}.
 */
public final class RatingsCsvReader {
  /**
   * The largest items × raters table accepted (the study keeps one int per cell): 50 million cells,
   * about 200 MB.
   */
  public static final long MAX_CELLS = 50_000_000L;

  private static final List<String> ITEM = List.of("item", "item_id");
  private static final List<String> RATER = List.of("rater", "rater_id");

  /** Reads the file; {@code labels} are the declared labels, or empty to take those seen. */
  public AgreementStudy<String> read(Path file, List<String> labels) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new BadInputException(name + ": is a directory, not a file; give the ratings CSV file");
    }
    IssueFileReader.refuseBinary(
        file, "a ratings file (UTF-8 CSV with the header item,rater,label)");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name, labels);
    } catch (NoSuchFileException e) {
      throw new BadInputException(name + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(name + ": permission denied", e);
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads ratings from a stream; {@code name} is the file name used in messages. */
  public AgreementStudy<String> read(InputStream in, String name, List<String> labels) {
    Set<String> declared = declared(labels);
    long maxLabels = Limits.RATINGS_LABELS.value();
    if (declared.size() > maxLabels) {
      throw new BadInputException(
          "--labels: " + declared.size() + " labels exceed " + Limits.RATINGS_LABELS.describe());
    }
    AgreementStudy.Builder<String> study = AgreementStudy.builder();
    if (declared.isEmpty()) {
      study.sortCategories(CategoryOrder.natural());
    } else {
      study.categories(declared);
    }
    Set<String> seen = new HashSet<>();
    InputStream bounded = new LimitedInputStream(in, name, Limits.RATINGS_FILE_BYTES);
    try (CsvRecordReader csv = new CsvRecordReader(StrictUtf8.reader(bounded), name)) {
      List<String> header = csv.next();
      if (header == null || (header.size() == 1 && header.get(0).isBlank())) {
        throw new BadInputException(
            name + ":1: the file is empty; expected the header item,rater,label");
      }
      Map<String, Integer> columns = columns(header, name);
      int item = column(columns, ITEM, name);
      int rater = column(columns, RATER, name);
      int label = column(columns, List.of("label"), name);
      String itemName = header.get(item).trim();
      String raterName = header.get(rater).trim();
      String labelName = header.get(label).trim();
      Map<String, Integer> firstLine = new HashMap<>();
      Set<String> items = new HashSet<>();
      Set<String> raters = new HashSet<>();
      List<String> row;
      while ((row = csv.next()) != null) {
        int line = csv.recordLine();
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        String at = name + ":" + line + ": ";
        if (row.size() != header.size()) {
          throw new BadInputException(
              at + "the record has " + row.size() + " fields, the header has " + header.size());
        }
        String itemId = row.get(item).strip();
        String raterId = row.get(rater).strip();
        String value = row.get(label).strip();
        if (itemId.isEmpty()) {
          throw new BadInputException(at + "column '" + itemName + "': the item is empty");
        }
        if (raterId.isEmpty()) {
          throw new BadInputException(at + "column '" + raterName + "': the rater is empty");
        }
        Integer earlier = firstLine.putIfAbsent(itemId + '\u0000' + raterId, line);
        if (earlier != null) {
          throw new BadInputException(
              at
                  + "column '"
                  + raterName
                  + "': rater '"
                  + IssueValues.abbreviate(raterId)
                  + "' already rated item '"
                  + IssueValues.abbreviate(itemId)
                  + "' on line "
                  + earlier
                  + "; give one row per item and rater");
        }
        if (!value.isEmpty() && !declared.isEmpty() && !declared.contains(value)) {
          throw new BadInputException(
              at
                  + "column '"
                  + labelName
                  + "': label '"
                  + IssueValues.abbreviate(value)
                  + "' is not one of --labels "
                  + String.join(",", declared));
        }
        if (!value.isEmpty() && seen.add(value) && seen.size() > maxLabels) {
          throw new BadInputException(
              at
                  + "column '"
                  + labelName
                  + "': "
                  + seen.size()
                  + " distinct labels exceed "
                  + Limits.RATINGS_LABELS.describe()
                  + "; is the label column the right one?");
        }
        items.add(itemId);
        raters.add(raterId);
        if ((long) items.size() * raters.size() > MAX_CELLS) {
          throw new BadInputException(
              at
                  + items.size()
                  + " items × "
                  + raters.size()
                  + " raters exceed the limit of "
                  + MAX_CELLS
                  + " item-rater cells");
        }
        study.rate(itemId, raterId, value.isEmpty() ? null : value);
      }
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
    }
    return study.build();
  }

  private static Set<String> declared(List<String> labels) {
    Set<String> declared = new LinkedHashSet<>();
    if (labels == null) {
      return declared;
    }
    for (String label : labels) {
      String trimmed = label.strip();
      if (trimmed.isEmpty()) {
        throw new BadInputException("--labels: a label is empty");
      }
      if (!declared.add(trimmed)) {
        throw new BadInputException("--labels: label '" + trimmed + "' is given twice");
      }
    }
    return declared;
  }

  private static Map<String, Integer> columns(List<String> header, String name) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (!column.isEmpty() && columns.putIfAbsent(column, i) != null) {
        throw new BadInputException(
            name
                + ":1: column '"
                + IssueValues.abbreviate(column)
                + "' appears twice in the header");
      }
    }
    return columns;
  }

  private static int column(Map<String, Integer> columns, List<String> names, String file) {
    Integer found = null;
    for (String name : names) {
      Integer index = columns.get(name);
      if (index != null) {
        if (found != null) {
          throw new BadInputException(
              file + ":1: the header has both '" + names.get(0) + "' and '" + name + "'");
        }
        found = index;
      }
    }
    if (found == null) {
      throw new BadInputException(
          file
              + ":1: column '"
              + String.join("' or '", names)
              + "': missing from the header (expected item,rater,label or"
              + " item_id,rater_id,label)");
    }
    return found;
  }
}
