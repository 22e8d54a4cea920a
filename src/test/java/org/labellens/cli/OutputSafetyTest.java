package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.labellens.service.DemoService;
import org.labellens.service.OutputFiles;
import org.labellens.service.Progress;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.ProjectDigest;

/**
 * No output ever lands on a project: every command that writes a file, given an output path that
 * reaches the project (or its SQLite side files, its backups, another project) in any way the file
 * system allows, refuses with exit 1 and one {@code error:} line, writes nothing, and leaves the
 * project's bytes as they were. An ordinary existing file is replaced keeping its permissions, and
 * {@code --no-clobber} keeps it. See docs/robustness.md.
 */
class OutputSafetyTest {
  private static Path dir;
  private static Path db;
  private static Path other;

  /** A command that writes {@code out}, as a person would type it. */
  enum Writer {
    EXPORT_CSV("export", "--sample", "pilot", "--format", "csv"),
    EXPORT_JSONL("export", "--sample", "pilot", "--format", "jsonl"),
    EXPORT_JSON("export", "--sample", "pilot", "--format", "json"),
    EXPORT_LABELSTUDIO("export", "--sample", "pilot", "--format", "labelstudio"),
    ANNOTATIONS_EXPORT("annotations", "export", "--annotator", "ana"),
    REPORT("report", "--sample", "pilot", "--bootstrap", "0"),
    BENCH_GENERATE("bench", "generate", "--issues", "5");

    final String[] args;

    Writer(String... args) {
      this.args = args;
    }

    String[] to(Path out, String... more) {
      List<String> all = new ArrayList<>(List.of(args));
      if (this != BENCH_GENERATE) {
        all.add("--db");
        all.add(db.toString());
      }
      all.add("--out");
      all.add(out.toString());
      all.addAll(List.of(more));
      return all.toArray(String[]::new);
    }

    /** The report takes its format from the extension: its aliases are named .md. */
    boolean needsMarkdownName() {
      return this == REPORT;
    }
  }

  /** A way to name the project (or a file that belongs to it) other than its own path. */
  enum Alias {
    SAME_PATH,
    DOT_PATH,
    DOT_DOT_PATH,
    SYMLINK,
    SYMLINK_TO_DIRECTORY,
    HARD_LINK,
    WAL,
    SHM,
    JOURNAL,
    WAL_THROUGH_DIRECTORY_LINK,
    EXISTING_BACKUP,
    PARTIAL_BACKUP_NAME,
    UPPER_CASE,
    ANOTHER_PROJECT,
    LINK_TO_ANOTHER_PROJECT;

    /** The path, or null where the file system has no such alias (case-sensitive names). */
    Path path(boolean markdown) throws IOException {
      String name = db.getFileName().toString();
      return switch (this) {
        case SAME_PATH -> db;
        case DOT_PATH -> Path.of(dir + "/./" + name);
        case DOT_DOT_PATH -> Path.of(dir + "/sub/../" + name);
        case SYMLINK -> link(markdown ? "link.md" : "link.db", db);
        case SYMLINK_TO_DIRECTORY -> dir.resolve("dirlink").resolve(name);
        case HARD_LINK -> hardLink(markdown ? "hard.md" : "hard.db", db);
        case WAL -> dir.resolve(name + "-wal");
        case SHM -> dir.resolve(name + "-shm");
        case JOURNAL -> dir.resolve(name + "-journal");
        case WAL_THROUGH_DIRECTORY_LINK -> dir.resolve("dirlink").resolve(name + "-wal");
        case EXISTING_BACKUP -> dir.resolve(name + ".v1-20260101T000000Z.bak");
        case PARTIAL_BACKUP_NAME -> dir.resolve(name + ".v2-20260102T000000.5Z.bak.partial");
        case UPPER_CASE -> {
          Path upper = dir.resolve(name.toUpperCase(java.util.Locale.ROOT));
          yield Files.exists(upper) ? upper : null; // only where names ignore case
        }
        case ANOTHER_PROJECT -> other;
        case LINK_TO_ANOTHER_PROJECT -> link(markdown ? "other.md" : "otherlink.db", other);
      };
    }
  }

  @BeforeContainer
  static void buildProjects() throws IOException {
    dir = FastTempDir.create("output-safety");
    db = dir.resolve("p.db");
    DemoService.build(db, Progress.NONE);
    other = dir.resolve("other.db");
    Files.copy(db, other);
    Files.copy(db, dir.resolve("p.db.v1-20260101T000000Z.bak"));
    Files.createDirectories(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("dirlink"), dir);
  }

  @AfterContainer
  static void removeProjects() throws IOException {
    FastTempDir.delete(dir);
  }

  private static Path link(String name, Path to) throws IOException {
    Path l = dir.resolve(name);
    if (!Files.exists(l, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(l, to);
    }
    return l;
  }

  private static Path hardLink(String name, Path to) throws IOException {
    Path l = dir.resolve(name);
    if (!Files.exists(l)) {
      Files.createLink(l, to);
    }
    return l;
  }

  @Provide
  Arbitrary<Writer> writers() {
    return Arbitraries.of(Writer.class);
  }

  @Provide
  Arbitrary<Alias> aliases() {
    return Arbitraries.of(Alias.class);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void refusesEveryOutputThatReachesAProject(
      @ForAll("writers") Writer writer, @ForAll("aliases") Alias alias) throws IOException {
    Path out = alias.path(writer.needsMarkdownName());
    if (out == null) {
      return; // this file system tells names apart by case: there is no such alias
    }
    byte[] project = Files.readAllBytes(db);
    String digest = ProjectDigest.of(db);
    byte[] otherBytes = Files.readAllBytes(other);
    TreeSet<String> listing = listing();

    Cli.Result r = Cli.run(writer.to(out));

    String what = writer + " --out " + alias + " (" + out + ")";
    assertThat(r.code()).as(what + ": " + r.out() + r.err()).isEqualTo(1);
    assertThat(r.err().lines()).as(what).hasSize(1);
    assertThat(r.errorLine()).as(what).startsWith("error: ");
    if (!writer.needsMarkdownName() || out.toString().endsWith(".md")) {
      // (the report refuses any other name for its extension first)
      assertThat(r.errorLine()).as(what).contains("nothing was written");
    }
    assertThat(Files.readAllBytes(db)).as(what).isEqualTo(project);
    assertThat(ProjectDigest.of(db)).as(what).isEqualTo(digest);
    assertThat(Files.readAllBytes(other)).as(what).isEqualTo(otherBytes);
    assertThat(listing()).as(what + ": a file was created or removed").isEqualTo(listing);
  }

  private static TreeSet<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith("-wal") && !n.endsWith("-shm"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void replacingAFileKeepsItsPermissions(@ForAll("writers") Writer writer) throws IOException {
    Path out = dir.resolve("private-" + writer + ".md");
    Files.writeString(out, "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));

    Cli.Result r = Cli.run(writer.to(out));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out)).isNotEqualTo("old");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
    Files.delete(out);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void noClobberKeepsAnExistingFile(@ForAll("writers") Writer writer) throws IOException {
    Path out = dir.resolve("kept-" + writer + ".md");
    Files.writeString(out, "keep me");
    TreeSet<String> listing = listing();

    Cli.Result r = Cli.run(writer.to(out, "--no-clobber"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .isEqualTo(
            "error: "
                + out
                + ": the file already exists and"
                + " --no-clobber was given; nothing was written");
    assertThat(Files.readString(out)).isEqualTo("keep me");
    assertThat(listing()).isEqualTo(listing);
    Files.delete(out);

    Cli.Result fresh = Cli.run(writer.to(out, "--no-clobber"));
    assertThat(fresh.code()).as(fresh.err()).isZero();
    assertThat(Files.size(out)).isPositive();
    Files.delete(out);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void aScreenshotIsNeverWrittenOverTheProject(@ForAll("aliases") Alias alias) throws IOException {
    Path out = alias.path(false);
    if (out == null) {
      return;
    }
    byte[] project = Files.readAllBytes(db);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> OutputFiles.write(out, false, os -> os.write(new byte[] {1, 2, 3})))
        .hasMessageContaining("nothing was written");
    assertThat(Files.readAllBytes(db)).isEqualTo(project);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void aNewProjectIsNeverAnotherProjectsSideFileOrBackup(
      @ForAll("newProjectAliases") Alias alias, @ForAll boolean demo) throws IOException {
    Path at = alias.path(false);
    byte[] project = Files.readAllBytes(db);
    TreeSet<String> listing = listing();

    Cli.Result r = Cli.run(demo ? "demo" : "init", "--db", at.toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.errorLine()).startsWith("error: " + at + ": cannot write there: it is");
    assertThat(Files.readAllBytes(db)).isEqualTo(project);
    assertThat(listing()).isEqualTo(listing);
  }

  @Provide
  Arbitrary<Alias> newProjectAliases() {
    return Arbitraries.of(
        Alias.WAL,
        Alias.SHM,
        Alias.JOURNAL,
        Alias.WAL_THROUGH_DIRECTORY_LINK,
        Alias.PARTIAL_BACKUP_NAME);
  }

  @Property(tries = 1)
  void aSymbolicLinkToAnOrdinaryFileIsKeptAndItsFileReplaced() throws IOException {
    Path real = dir.resolve("real.csv");
    Files.writeString(real, "old");
    Path l = link("real-link.csv", real);

    Cli.Result r = Cli.run(Writer.EXPORT_CSV.to(l));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(l)).isTrue();
    assertThat(Files.readString(real)).startsWith("repo,");
    Files.delete(l);
    Files.delete(real);
  }
}
