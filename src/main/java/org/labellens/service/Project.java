package org.labellens.service;

import java.nio.file.Path;
import org.labellens.io.AtomicFile;
import org.labellens.io.OutputTarget;
import org.labellens.store.Database;
import org.labellens.store.Repositories;

/**
 * An open project and the use cases over it: what the CLI and the window hold. Closing it closes
 * the database (pending writes finish first).
 */
public final class Project implements AutoCloseable {
  private final Database db;
  private final Repositories repos;
  private final ImportService imports;
  private final IssueService issues;
  private final SampleService samples;
  private final AnnotationService annotations;
  private final ExchangeService exchange;
  private final SimulationService simulation;
  private final ValidationService validation;
  private final SampleAgreementService sampleAgreement;
  private final AdjudicationService adjudication;
  private final ExportService export;
  private final ReportService report;

  private final IssueDisplayService displays;
  private final ClassifyService classifier;

  private Project(Database db) {
    this.db = db;
    // outputs are compared with the open project by identity (io/OutputTarget)
    OutputTarget.protect(db.file());
    // the one place that names the engine: services are given repositories over it
    Repositories repos = new Repositories(db);
    this.repos = repos;
    this.imports = new ImportService(repos);
    this.issues = new IssueService(repos);
    this.samples = new SampleService(repos);
    this.annotations = new AnnotationService(repos, new TaxonomySchemes(repos, issues));
    this.exchange = new ExchangeService(repos, annotations);
    this.simulation = new SimulationService(annotations);
    this.validation = new ValidationService(repos, annotations.schemes());
    this.sampleAgreement = new SampleAgreementService(repos, annotations.schemes());
    this.adjudication = new AdjudicationService(repos, annotations.schemes());
    this.export = new ExportService(repos, annotations.schemes());
    this.report = new ReportService(repos, annotations.schemes());
    this.displays = new IssueDisplayService(repos, issues, annotations, samples);
    this.classifier = new ClassifyService(repos);
  }

  /** Creates a new project from the packaged schema; refuses an existing file. */
  public static Project create(Path file) {
    guardNewProject(file);
    return new Project(Database.create(file));
  }

  /** Creates a new project whose {@code project_meta} starts with {@code meta}. */
  static Project create(Path file, java.util.Map<String, String> meta) {
    guardNewProject(file);
    return new Project(Database.create(file, meta));
  }

  /**
   * A new project is a file written like any output: never another project's side file or backup
   * (io/OutputTarget). Directories, devices and missing folders get the store's own messages.
   */
  private static void guardNewProject(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    boolean plain = !java.nio.file.Files.exists(file) || java.nio.file.Files.isRegularFile(file);
    if (parent != null && java.nio.file.Files.isDirectory(parent) && plain) {
      OutputTarget.check(file, false);
    }
  }

  /** A value of {@code project_meta}. */
  java.util.Optional<String> meta(String key) {
    return repos.read(tx -> repos.meta().get(tx, key));
  }

  /** Stores a value in {@code project_meta}. */
  void putMeta(String key, String value) {
    repos.write(
        tx -> {
          repos.meta().put(tx, key, value);
          return null;
        });
  }

  /** Opens an existing project; refuses a damaged file or one of an unknown or newer version. */
  public static Project open(Path file) {
    Project p = new Project(Database.open(file));
    // outputs of commands killed while writing next to the project (a kill leaves them unlocked)
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      AtomicFile.removeUnfinishedOutputs(dir);
    }
    return p;
  }

  /** Whether {@code file} is a LabelLens project file. */
  public static boolean isProject(Path file) {
    return Database.isProject(file);
  }

  public Path file() {
    return db.file();
  }

  public int schemaVersion() {
    return db.schemaVersion();
  }

  public ImportService imports() {
    return imports;
  }

  /** Issues' comments (stored by fetch --comments). */
  public CommentService comments() {
    return new CommentService(repos);
  }

  /** Fetching from the GitHub API into this project. */
  public FetchService fetches() {
    return new FetchService(repos);
  }

  public IssueService issues() {
    return issues;
  }

  /** What the annotation window shows of a sampled issue. */
  public IssueDisplayService displays() {
    return displays;
  }

  public SampleService samples() {
    return samples;
  }

  /** The one path every annotation decision takes, and the annotators' queues. */
  public AnnotationService annotations() {
    return annotations;
  }

  /** Annotation exchange files: export and import. */
  public ExchangeService exchange() {
    return exchange;
  }

  /** The simulated annotator. */
  public SimulationService simulation() {
    return simulation;
  }

  /** Classifier validation against a sample's gold (design-weighted). */
  public ValidationService validation() {
    return validation;
  }

  /** Agreement within a sample: annotators with each other and with the classifier. */
  public SampleAgreementService sampleAgreement() {
    return sampleAgreement;
  }

  /** The lead's adjudication queue and decisions. */
  public AdjudicationService adjudication() {
    return adjudication;
  }

  /** Exports of validated labels (CSV, JSONL, JSON, Label Studio). */
  public ExportService export() {
    return export;
  }

  /** The full report of a sample (Markdown, HTML, LaTeX). */
  public ReportService report() {
    return report;
  }

  /** Our keyword classifier: taxonomies and runs. */
  public ClassifyService classifier() {
    return classifier;
  }

  /** For services in this package that need the database. */
  Database database() {
    return db;
  }

  @Override
  public void close() {
    db.close();
    OutputTarget.release(db.file());
  }
}
