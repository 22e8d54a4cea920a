package org.labellens.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.labellens.classify.IssueText;
import org.labellens.classify.KeywordClassifier;
import org.labellens.classify.PatternWorkException;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Issue;
import org.labellens.store.IssueFilter;
import org.labellens.store.IssueStore.StoredIssue;
import org.labellens.store.Repositories;

/**
 * Reads and classifies a project's issues on a thread of its own while the caller (the writer
 * thread, inside the run's transaction) stores the results: SQLite's insert work, the largest part
 * of a run, then overlaps reading and matching (docs/decisions/0015-classify-speed.md).
 *
 * <p>Issues are read in the order the run stores them (repository, number) on a read connection
 * opened after the run's write transaction began: no other program can write before that
 * transaction ends, so the reader sees exactly the issues the run stores. They are classified in
 * chunks, each chunk's issues on all cores (one classifier copy per thread), and handed over in
 * order through a bounded queue, so the results and the rows stored are the same, in the same
 * order, as one thread would give. A failure on either side stops both; {@link #close()} waits for
 * the reading thread.
 */
final class ClassifyPipeline implements AutoCloseable {
  /** Issues per chunk handed to the writer. */
  static final int CHUNK = 256;

  /** Chunks classified ahead of the writer (bounds memory on any project size). */
  private static final int AHEAD = 4;

  /** One issue and its classification. */
  record Classified(long id, Issue issue, Classification result) {}

  private static final List<Classified> END = List.of();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
  private final KeywordClassifier prototype;
  private final ThreadLocal<KeywordClassifier> classifiers;
  private final Cancellation cancellation;
  private final Thread reader;
  private volatile boolean stopped;
  private boolean ended;

  private ClassifyPipeline(
      Repositories repos, KeywordClassifier classifier, Cancellation cancellation) {
    this.prototype = classifier;
    this.classifiers = ThreadLocal.withInitial(prototype::copy);
    this.cancellation = cancellation;
    this.reader = new Thread(() -> read(repos), "labellens-classify-reader");
    this.reader.setDaemon(true);
  }

  /** Starts reading and classifying every issue of the project, through {@code repos}. */
  static ClassifyPipeline start(
      Repositories repos, KeywordClassifier classifier, Cancellation cancellation) {
    ClassifyPipeline p = new ClassifyPipeline(repos, classifier, cancellation);
    p.reader.start();
    return p;
  }

  /** The next chunk of classified issues, in storage order; empty once all were handed over. */
  List<Classified> next() {
    if (ended) {
      return END;
    }
    Object item;
    try {
      item = queue.poll(100, TimeUnit.MILLISECONDS);
      while (item == null) {
        boolean alive = reader.isAlive();
        item = queue.poll(alive ? 100 : 0, TimeUnit.MILLISECONDS);
        if (item == null && !alive) {
          ended = true;
          throw new IllegalStateException("the thread reading the issues stopped unexpectedly");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while classifying", e);
    }
    if (item instanceof RuntimeException e) {
      ended = true;
      throw e;
    }
    if (item instanceof Error e) {
      ended = true;
      throw e;
    }
    @SuppressWarnings("unchecked")
    List<Classified> chunk = (List<Classified>) item;
    ended = chunk.isEmpty();
    return chunk;
  }

  private void read(Repositories repos) {
    Object last;
    try {
      List<StoredIssue> pending = new ArrayList<>(CHUNK);
      repos.read(
          tx -> {
            repos
                .issues()
                .forEach(
                    tx,
                    IssueFilter.ALL,
                    stored -> {
                      pending.add(stored);
                      if (pending.size() == CHUNK) {
                        hand(classify(pending));
                        pending.clear();
                      }
                    });
            return null;
          });
      if (!pending.isEmpty()) {
        hand(classify(pending));
      }
      last = END;
    } catch (Stopped e) {
      return;
    } catch (RuntimeException | Error e) {
      last = e;
    }
    try {
      hand(last);
    } catch (Stopped e) {
      // the writer gave up first
    }
  }

  private List<Classified> classify(List<StoredIssue> issues) {
    if (stopped) {
      throw new Stopped();
    }
    cancellation.check();
    Classified[] out = new Classified[issues.size()];
    Throwable[] failures = new Throwable[out.length];
    IntStream.range(0, out.length)
        .parallel()
        .forEach(
            i -> {
              StoredIssue stored = issues.get(i);
              Issue issue = stored.issue();
              try {
                out[i] = new Classified(stored.id(), issue, classify(issue));
              } catch (RuntimeException | Error e) {
                failures[i] = e;
              }
            });
    // the first issue's failure, as one thread would have met it, unchanged
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }
    return List.of(out);
  }

  private Classification classify(Issue issue) {
    try {
      return classifiers.get().classify(new IssueText(issue.title(), issue.body(), issue.labels()));
    } catch (PatternWorkException e) {
      throw new BadInputException(
          "issue "
              + issue.repo()
              + "#"
              + issue.number()
              + ": "
              + e.getMessage()
              + "; nothing was saved",
          e);
    }
  }

  /** Puts an item on the queue, waiting while it is full, unless the writer stopped. */
  private void hand(Object item) {
    try {
      while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
        if (stopped) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  /** Stops the reading thread (if still running) and waits for it. */
  @Override
  public void close() {
    stopped = true;
    queue.clear();
    boolean interrupted = false;
    while (reader.isAlive()) {
      try {
        reader.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Unwinds the reading thread once the writer has stopped. */
  private static final class Stopped extends CancellationException {
    Stopped() {
      super("stopped");
    }
  }
}
