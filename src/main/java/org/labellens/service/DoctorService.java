package org.labellens.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labellens.io.AtomicFile;
import org.labellens.io.OutputTarget;
import org.labellens.store.ProjectCheck;

/**
 * {@code labellens doctor}: examines a project file (store/ProjectCheck) and the unfinished outputs
 * of killed commands next to it, and with a repair removes what is safe to remove, after a backup.
 * It never opens the project through the usual path, so it works on files that every other command
 * refuses.
 */
public final class DoctorService {
  private DoctorService() {}

  /** One problem: what kind, in words, and whether a repair removes it. */
  public record Finding(String kind, String detail, boolean repairable) {}

  /** What doctor found and did. */
  public record Report(
      Path file,
      int schemaVersion,
      List<Finding> findings,
      List<String> repaired,
      Path backup,
      boolean repairAsked) {
    /** Whether problems remain (all found, or after a repair those it could not remove). */
    public boolean problemsRemain() {
      return findings.stream().anyMatch(f -> !repairAsked || !f.repairable());
    }
  }

  /** Examines {@code file}; with {@code repair}, repairs what is safe (after a backup). */
  public static Report examine(Path file, boolean repair) {
    ProjectCheck.Result r = ProjectCheck.run(file, repair);
    List<Finding> findings = new ArrayList<>();
    for (ProjectCheck.Finding f : r.findings()) {
      findings.add(new Finding(f.kind(), f.detail(), f.repairable()));
    }
    List<String> repaired = new ArrayList<>(r.repaired());
    Path dir = file.toAbsolutePath().getParent();
    for (Path leftover : AtomicFile.unfinishedOutputs(dir)) {
      if (OutputTarget.isProjectFile(leftover)) {
        continue; // never remove anything that holds a project
      }
      findings.add(
          new Finding(
              "leftover",
              leftover.getFileName() + ": the unfinished output of an interrupted command",
              true));
      if (repair) {
        try {
          Files.deleteIfExists(leftover);
          repaired.add("removed " + leftover.getFileName());
        } catch (IOException e) {
          findings.add(
              new Finding(
                  "leftover",
                  leftover.getFileName() + ": cannot be removed (" + e.getMessage() + ")",
                  false));
        }
      }
    }
    return new Report(file, r.schemaVersion(), findings, repaired, r.backup(), repair);
  }
}
