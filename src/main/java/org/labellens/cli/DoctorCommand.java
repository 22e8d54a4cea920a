package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.io.JsonOutput;
import org.labellens.service.DoctorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code doctor}: examines a project and, with --repair, repairs what is safe. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Examines a project: the file's header and schema version, SQLite's integrity check, the"
          + " tables and columns this version expects, rows whose parent is gone (foreign key"
          + " check: e.g. a sample whose classifier run is gone) and leftovers of interrupted"
          + " commands next to it (unfinished outputs and partial backups). Prints one line per"
          + " finding; exits 0 when nothing is wrong, 1 otherwise.",
      "--repair first writes a backup (<file>.v<n>-<time>.bak), then removes the leftovers and the"
          + " orphan rows of derived tables (a run's items, predictions, evidence, share counts)."
          + " Orphan annotations and samples are people's work: reported, never removed. A file"
          + " that fails the integrity check is not repaired: restore a backup."
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--repair", description = "Repair what is safe, after a backup.")
  boolean repair;

  @Mixin JsonFormatOption format;

  @Override
  public Integer call() {
    boolean json = format.json();
    DoctorService.Report r = DoctorService.examine(project.db(), repair);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", r.file().toString());
      m.put("schema_version", r.schemaVersion() < 0 ? null : r.schemaVersion());
      List<Map<String, Object>> found = new ArrayList<>();
      for (DoctorService.Finding x : r.findings()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("kind", x.kind());
        one.put("detail", x.detail());
        one.put("repairable", x.repairable());
        found.add(one);
      }
      m.put("findings", found);
      m.put("repaired", r.repaired());
      m.put("backup", r.backup() == null ? null : r.backup().toString());
      m.put("problems_remain", r.problemsRemain());
      out.println(JsonOutput.pretty(m));
    } else {
      for (DoctorService.Finding x : r.findings()) {
        out.println(
            r.file()
                + ": "
                + x.kind()
                + ": "
                + CliMain.oneLine(x.detail())
                + (x.repairable() && !repair ? " (doctor --repair removes it)" : ""));
      }
      if (r.backup() != null) {
        out.println("backup written first: " + r.backup());
      }
      for (String done : r.repaired()) {
        out.println("repaired: " + done);
      }
      if (r.findings().isEmpty()) {
        out.println(
            r.file()
                + ": no problems found (schema version "
                + r.schemaVersion()
                + "; integrity, tables and columns, foreign keys, leftovers)");
      }
    }
    return r.problemsRemain() ? 1 : 0;
  }
}
