package org.labellens.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labellens.core.BadInputException;
import org.labellens.core.JsonText;
import org.labellens.core.model.IssueKey;
import org.labellens.io.ImportedIssue;
import org.labellens.io.IssueFileReader;
import org.labellens.io.IssueSink;
import org.labellens.io.ReadOptions;
import org.labellens.store.Database;
import org.labellens.store.ImportBatchStore;
import org.labellens.store.ImportedRunWriter;
import org.labellens.store.IssueStore;

/**
 * Imports issue files into a project: all files in one transaction (all or nothing), streaming,
 * idempotent by (repo, number). Outside classifier labels ({@code --label-field}, or a predictions
 * CSV {@code repo,number,label}) become a classifier run of kind {@code imported}.
 */
public final class ImportService {
  private final Database db;

  public ImportService(Database db) {
    this.db = db;
  }

  public ImportResult importFiles(
      List<Path> files, ImportRequest request, Progress progress, Cancellation cancellation) {
    if (files.isEmpty()) {
      throw new BadInputException("import: no files given");
    }
    long totalBytes = 0;
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new BadInputException(f + ": no such file");
      }
      try {
        totalBytes += Files.size(f);
      } catch (IOException e) {
        throw new BadInputException(f + ": cannot read: " + e.getMessage(), e);
      }
    }
    if (request.labelField() != null && request.run() == null) {
      throw new BadInputException("--label-field needs --run NAME: the outside labels form a run");
    }
    if (request.repo() != null
        && !org.labellens.core.model.Frameworks.isValidRepo(request.repo())) {
      throw new BadInputException(
          "--repo '" + request.repo() + "' is not an OWNER/NAME repository name");
    }
    final long total = totalBytes;
    String now = Instant.now().toString();
    return db.write(c -> run(c, files, request, progress, cancellation, total, now));
  }

  /** Imports issues made in memory (the demo), with the same rules as files. */
  public ImportResult importIssues(List<org.labellens.core.model.Issue> issues, String source) {
    String now = Instant.now().toString();
    return db.write(
        c -> {
          Counter counter = new Counter();
          try (IssueStore.Upserter upserter = IssueStore.upserter(c, now)) {
            for (org.labellens.core.model.Issue issue : issues) {
              counter.count(upserter.upsert(issue), issue.framework());
            }
          }
          ImportBatchStore.record(
              c,
              now,
              JsonText.stringArray(List.of(source)),
              "generated",
              counter.newIssues,
              counter.updated,
              counter.unchanged,
              0);
          return new ImportResult(
              counter.newIssues,
              counter.updated,
              counter.unchanged,
              0,
              new TreeMap<>(counter.byFramework),
              List.of("generated"),
              null,
              0);
        });
  }

  private ImportResult run(
      Connection c,
      List<Path> files,
      ImportRequest request,
      Progress progress,
      Cancellation cancellation,
      long totalBytes,
      String now)
      throws SQLException {
    IssueFileReader reader =
        new IssueFileReader(
            new ReadOptions(request.repo(), request.framework(), request.labelField()));
    Counter counter = new Counter();
    Map<IssueKey, List<String>> outside = new LinkedHashMap<>();
    Map<IssueKey, String> predictionLocation = new HashMap<>();
    List<String> formats = new ArrayList<>();
    long doneBefore = 0;
    try (IssueStore.Upserter upserter = IssueStore.upserter(c, now)) {
      for (Path file : files) {
        final long base = doneBefore;
        String shown = file.getFileName().toString();
        IssueSink sink =
            new IssueSink() {
              @Override
              public void issue(ImportedIssue imported) {
                cancellation.check();
                try {
                  counter.count(upserter.upsert(imported.issue()), imported.issue().framework());
                } catch (SQLException e) {
                  throw new SqlFailure(e);
                }
                if (imported.outsideLabels() != null) {
                  outside.put(imported.issue().key(), imported.outsideLabels());
                }
              }

              @Override
              public void pullRequestSkipped(String location) {
                counter.pullRequests++;
              }

              @Override
              public void prediction(String repo, int number, String label, String location) {
                cancellation.check();
                IssueKey key = new IssueKey(repo, number);
                outside.computeIfAbsent(key, k -> new ArrayList<>()).add(label);
                predictionLocation.putIfAbsent(key, location);
              }

              @Override
              public void progress(long bytesRead) {
                cancellation.check();
                progress.update(
                    "importing " + shown + " (" + counter.total() + " issues)",
                    base + bytesRead,
                    totalBytes);
              }
            };
        try {
          formats.add(reader.read(file, request.format(), sink).cliName());
        } catch (SqlFailure e) {
          throw e.getCause();
        }
        doneBefore += sizeOf(file);
      }
      if (!predictionLocation.isEmpty() && request.run() == null) {
        throw new BadInputException(
            predictionLocation.values().iterator().next()
                + ": a predictions file needs --run NAME: the outside labels form a run");
      }
      String run = null;
      int predicted = 0;
      if (request.run() != null) {
        if (outside.isEmpty()) {
          throw new BadInputException(
              "--run "
                  + request.run()
                  + ": the files hold no outside labels (give --label-field"
                  + " or a predictions CSV repo,number,label)");
        }
        Map<Long, List<String>> byId = new LinkedHashMap<>();
        for (Map.Entry<IssueKey, List<String>> e : outside.entrySet()) {
          Long id = IssueStore.idOf(c, e.getKey()).orElse(null);
          if (id == null) {
            String where = predictionLocation.getOrDefault(e.getKey(), "predictions");
            throw new BadInputException(
                where
                    + ": issue "
                    + e.getKey()
                    + " is not in the project (import its issue first)");
          }
          byId.put(id, e.getValue());
        }
        String source =
            request.labelField() != null
                ? "field " + request.labelField() + " of " + fileNames(files)
                : fileNames(files);
        long runId = ImportedRunWriter.ensureRun(c, request.run(), source, now);
        ImportedRunWriter.writeLabels(c, runId, byId);
        run = request.run();
        predicted = byId.size();
      }
      ImportBatchStore.record(
          c,
          now,
          JsonText.stringArray(files.stream().map(Path::toString).toList()),
          String.join(",", formats),
          counter.newIssues,
          counter.updated,
          counter.unchanged,
          counter.pullRequests);
      progress.update("imported " + counter.total() + " issues", totalBytes, totalBytes);
      return new ImportResult(
          counter.newIssues,
          counter.updated,
          counter.unchanged,
          counter.pullRequests,
          new TreeMap<>(counter.byFramework),
          formats,
          run,
          predicted);
    }
  }

  private static String fileNames(List<Path> files) {
    return String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static final class Counter {
    int newIssues;
    int updated;
    int unchanged;
    int pullRequests;
    final Map<String, Integer> byFramework = new HashMap<>();

    void count(IssueStore.Outcome outcome, String framework) {
      switch (outcome) {
        case NEW -> newIssues++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
      byFramework.merge(framework, 1, Integer::sum);
    }

    int total() {
      return newIssues + updated + unchanged;
    }
  }

  /** Carries an SQLException through the sink callback. */
  private static final class SqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SqlFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
