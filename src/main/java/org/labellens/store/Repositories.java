package org.labellens.store;

/**
 * The repositories of one open project, built once over its {@link ConnectionSource}: what services
 * are given instead of reaching for the database themselves. A use case runs its work in {@link
 * #write}, {@link #writeBulk} or {@link #read}, and passes the {@link Tx} it is handed to every
 * repository it calls, so work spanning several repositories is still one transaction
 * (docs/decisions/0017-repositories.md).
 */
public final class Repositories {
  private final ConnectionSource source;
  private final ProjectMeta meta = new ProjectMeta();
  private final IssueStore issues;
  private final ImportBatchStore importBatches = new ImportBatchStore();
  private final SampleStore samples = new SampleStore();
  private final AnnotationStore annotations = new AnnotationStore();
  private final ReviewStore reviews = new ReviewStore();
  private final RunShareStore runShares = new RunShareStore();
  private final ClassifierRunStore runs = new ClassifierRunStore(runShares);
  private final ImportedRunWriter importedRuns = new ImportedRunWriter();
  private final RunQueries runQueries = new RunQueries();
  private final CommentStore comments = new CommentStore();
  private final FetchStateStore fetchState = new FetchStateStore();

  public Repositories(ConnectionSource source) {
    this.source = source;
    this.issues = new IssueStore(source.dialect());
  }

  /** Runs {@code work} in one transaction (see {@link ConnectionSource#write}). */
  public <T> T write(TxWork<T> work) {
    return source.write(work);
  }

  /** Runs bulk {@code work} in one transaction (see {@link ConnectionSource#writeBulk}). */
  public <T> T writeBulk(TxWork<T> work) {
    return source.writeBulk(work);
  }

  /** Runs read-only {@code work} (see {@link ConnectionSource#read}). */
  public <T> T read(TxWork<T> work) {
    return source.read(work);
  }

  /** The project's own key/value notes. */
  public ProjectMeta meta() {
    return meta;
  }

  /** Imported issues, their full-text index and search. */
  public IssueStore issues() {
    return issues;
  }

  /** The record of each import. */
  public ImportBatchStore importBatches() {
    return importBatches;
  }

  /** Samples, their items, annotators and assignments. */
  public SampleStore samples() {
    return samples;
  }

  /** Annotation events, current decisions and skips. */
  public AnnotationStore annotations() {
    return annotations;
  }

  /** A sample's items with decisions and predictions, and adjudications. */
  public ReviewStore reviews() {
    return reviews;
  }

  /** Taxonomies and keyword classifier runs (writing and deleting). */
  public ClassifierRunStore runs() {
    return runs;
  }

  /** Labels of outside classifiers, stored as imported runs. */
  public ImportedRunWriter importedRuns() {
    return importedRuns;
  }

  /** Listing runs and reading their predictions. */
  public RunQueries runQueries() {
    return runQueries;
  }

  /** Each run's stored label shares. */
  public RunShareStore runShares() {
    return runShares;
  }

  /** Issues' comments, as fetched. */
  public CommentStore comments() {
    return comments;
  }

  /** What fetching from the GitHub API has seen: sources, pages and each issue's provenance. */
  public FetchStateStore fetchState() {
    return fetchState;
  }
}
