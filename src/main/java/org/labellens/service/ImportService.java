package org.labellens.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.labellens.core.BadInputException;
import org.labellens.core.Counts;
import org.labellens.core.JsonText;
import org.labellens.core.model.IssueFormat;
import org.labellens.core.model.IssueKey;
import org.labellens.io.ImportedIssue;
import org.labellens.io.IssueFileReader;
import org.labellens.io.IssueSink;
import org.labellens.io.ReadOptions;
import org.labellens.store.IssueStore;
import org.labellens.store.Repositories;
import org.labellens.store.Tx;

/**
 * Imports issue files into a project: all files in one transaction (all or nothing), streaming,
 * idempotent by (repo, number). Outside classifier labels ({@code --label-field}, or a predictions
 * CSV {@code repo,number,label}) become a classifier run of kind {@code imported}.
 */
public final class ImportService {
  private static final int QUEUE_CAPACITY = 256;
  private final Repositories repos;

  public ImportService(Repositories repos) {
    this.repos = repos;
  }

  public ImportResult importFiles(
      List<Path> files, ImportRequest request, Progress progress, Cancellation cancellation) {
    if (files.isEmpty()) {
      throw new BadInputException("import: no files given");
    }
    long totalBytes = 0;
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new BadInputException(f + ": no such file");
      }
      if (Files.isDirectory(f)) {
        throw new BadInputException(
            f
                + ": is a directory, not a file; give the files in it instead (e.g. "
                + f.resolve("*.jsonl")
                + ")");
      }
      if (!Files.isRegularFile(f)) {
        throw new BadInputException(
            f
                + ": not a regular file but a pipe or device (such as <(…) or /dev/stdin); import"
                + " reads a file twice, to detect its format and then to import it all in one"
                + " transaction, which a stream allows only once. Save it to a file first"
                + " (e.g. cat … > issues.jsonl) and import that");
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
    return repos.writeBulk(c -> run(c, files, request, progress, cancellation, total, now));
  }

  /** Imports issues made in memory (the demo), with the same rules as files. */
  public ImportResult importIssues(List<org.labellens.core.model.Issue> issues, String source) {
    String now = Instant.now().toString();
    return repos.write(
        c -> {
          Counter counter = new Counter();
          try (IssueStore.Upserter upserter = repos.issues().upserter(c, now)) {
            for (org.labellens.core.model.Issue issue : issues) {
              counter.count(upserter.upsert(issue), issue.framework());
            }
          }
          repos
              .importBatches()
              .record(
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

  /** An issue stored by {@link #storeIssues}: what the upsert did and the issue's row. */
  record Stored(ImportedIssue imported, IssueStore.Outcome outcome, long id) {}

  /**
   * Stores issues read elsewhere (pages fetched from the GitHub API) in the caller's transaction,
   * by the same rules as an imported file: idempotent by (repo, number), new/updated/unchanged by
   * the content hash.
   */
  static List<Stored> storeIssues(
      Repositories repos, Tx c, List<ImportedIssue> issues, String now) {
    List<Stored> stored = new ArrayList<>(issues.size());
    try (IssueStore.Upserter upserter = repos.issues().upserter(c, now)) {
      for (ImportedIssue imported : issues) {
        IssueStore.Outcome outcome = upserter.upsert(IssueStore.encode(imported.issue()));
        stored.add(new Stored(imported, outcome, upserter.lastId()));
      }
    }
    return stored;
  }

  /** What the reading thread hands to the writing thread. */
  private sealed interface Item
      permits Parsed, PullRequest, PredictionRow, BytesRead, FileDone, Failed, Done {}

  /** An issue with its content hash, made on the reading thread. */
  private record Parsed(ImportedIssue issue, IssueStore.Encoded encoded) implements Item {}

  private record PullRequest() implements Item {}

  private record PredictionRow(IssueKey key, String label, String location) implements Item {}

  private record BytesRead(String file, long bytes) implements Item {}

  private record FileDone(String format, long size) implements Item {}

  private record Failed(Throwable error) implements Item {}

  private record Done() implements Item {}

  /**
   * Reads on one thread (parsing and content hashes) while the writer thread stores (SQLite), so
   * the two overlap. A failure on either stops both, and the writer's transaction rolls back.
   */
  private ImportResult run(
      Tx c,
      List<Path> files,
      ImportRequest request,
      Progress progress,
      Cancellation cancellation,
      long totalBytes,
      String now) {
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    AtomicBoolean stop = new AtomicBoolean();
    Thread readerThread =
        new Thread(
            () -> readAll(files, request, queue, stop, cancellation), "labellens-import-reader");
    readerThread.setDaemon(true);
    readerThread.start();
    try {
      return store(c, files, request, progress, cancellation, totalBytes, now, queue);
    } finally {
      stop.set(true);
      queue.clear();
      try {
        readerThread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void readAll(
      List<Path> files,
      ImportRequest request,
      BlockingQueue<Item> queue,
      AtomicBoolean stop,
      Cancellation cancellation) {
    IssueFileReader reader =
        new IssueFileReader(
            new ReadOptions(request.repo(), request.framework(), request.labelField()));
    try {
      for (Path file : files) {
        String shown = file.getFileName().toString();
        IssueSink sink =
            new IssueSink() {
              @Override
              public void issue(ImportedIssue imported) {
                hand(new Parsed(imported, IssueStore.encode(imported.issue())));
              }

              @Override
              public void pullRequestSkipped(String location) {
                hand(new PullRequest());
              }

              @Override
              public void prediction(String repo, int number, String label, String location) {
                hand(new PredictionRow(new IssueKey(repo, number), label, location));
              }

              @Override
              public void progress(long bytesRead) {
                hand(new BytesRead(shown, bytesRead));
              }

              private void hand(Item item) {
                if (stop.get()) {
                  throw new CancellationException("import stopped");
                }
                cancellation.check();
                put(queue, item, stop);
              }
            };
        IssueFormat used = reader.read(file, request.format(), sink);
        put(queue, new FileDone(used.cliName(), sizeOf(file)), stop);
      }
      put(queue, new Done(), stop);
    } catch (RuntimeException | Error e) {
      if (!stop.get()) {
        put(queue, new Failed(e), stop);
      }
    }
  }

  private static void put(BlockingQueue<Item> queue, Item item, AtomicBoolean stop) {
    try {
      while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
        if (stop.get()) {
          throw new CancellationException("import stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }

  private ImportResult store(
      Tx c,
      List<Path> files,
      ImportRequest request,
      Progress progress,
      Cancellation cancellation,
      long totalBytes,
      String now,
      BlockingQueue<Item> queue) {
    Counter counter = new Counter();
    Map<IssueKey, List<String>> outside = new LinkedHashMap<>();
    Map<IssueKey, String> predictionLocation = new HashMap<>();
    List<String> formats = new ArrayList<>();
    long doneBefore = 0;
    MemoryBound memory = new MemoryBound(totalBytes);
    try (IssueStore.Upserter upserter = repos.issues().upserter(c, now)) {
      while (true) {
        cancellation.check();
        Item item;
        try {
          item = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("interrupted");
        }
        if (item instanceof Parsed p) {
          counter.count(upserter.upsert(p.encoded()), p.issue().issue().framework());
          if (p.issue().outsideLabels() != null) {
            outside.put(p.issue().issue().key(), p.issue().outsideLabels());
          }
        } else if (item instanceof PullRequest) {
          counter.pullRequests++;
        } else if (item instanceof PredictionRow row) {
          outside.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.label());
          predictionLocation.putIfAbsent(row.key(), row.location());
        } else if (item instanceof BytesRead b) {
          memory.check();
          progress.update(
              "importing " + b.file() + " (" + Counts.of(counter.total(), "issue") + ")",
              doneBefore + b.bytes(),
              totalBytes);
        } else if (item instanceof FileDone done) {
          formats.add(done.format());
          doneBefore += done.size();
        } else if (item instanceof Failed failed) {
          if (failed.error() instanceof RuntimeException re) {
            throw re;
          }
          throw (Error) failed.error();
        } else {
          break;
        }
      }
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
            String.join(", ", files.stream().map(Path::toString).toList())
                + ": no outside labels for --run "
                + request.run()
                + " (give --label-field, or a predictions CSV repo,number,label with rows)");
      }
      Map<Long, List<String>> byId = new LinkedHashMap<>();
      for (Map.Entry<IssueKey, List<String>> e : outside.entrySet()) {
        Long id = repos.issues().idOf(c, e.getKey()).orElse(null);
        if (id == null) {
          String where = predictionLocation.getOrDefault(e.getKey(), "predictions");
          throw new BadInputException(
              where + ": issue " + e.getKey() + " is not in the project (import its issue first)");
        }
        byId.put(id, e.getValue());
      }
      String source =
          request.labelField() != null
              ? "field " + request.labelField() + " of " + fileNames(files)
              : fileNames(files);
      long runId = repos.importedRuns().ensureRun(c, request.run(), source, now);
      repos.importedRuns().writeLabels(c, runId, byId);
      run = request.run();
      predicted = byId.size();
    }
    repos
        .importBatches()
        .record(
            c,
            now,
            JsonText.stringArray(files.stream().map(Path::toString).toList()),
            String.join(",", formats),
            counter.newIssues,
            counter.updated,
            counter.unchanged,
            counter.pullRequests);
    progress.update("imported " + Counts.of(counter.total(), "issue"), totalBytes, totalBytes);
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
}
