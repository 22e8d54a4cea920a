package org.labellens.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.labellens.service.Project;

/** Builds the lead's small test project in a directory, for looking at outputs by hand. */
public final class MakeLeadProject {
  private MakeLeadProject() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    boolean blind = args.length > 1 && args[1].equals("blind");
    try (Project p = LeadProjects.create(dir, 30, 120, "0.5", blind)) {
      System.out.println(p.file());
    }
  }
}
