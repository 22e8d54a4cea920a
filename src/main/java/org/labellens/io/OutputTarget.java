package org.labellens.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labellens.core.BadInputException;

/**
 * The one check every file the program writes passes first: an output never replaces a project, the
 * files SQLite keeps next to one ({@code -wal}, {@code -shm}, {@code -journal}), its upgrade
 * backups ({@code .bak}, {@code .bak.partial}) or any other LabelLens project. Identity is decided
 * by the file system, not by the spelling of the path: an existing file is compared by what it
 * holds (the SQLite header with the application id 'LBLN') and, for the projects this process has
 * open, by {@link Files#isSameFile}; a side file that does not exist yet is recognised by its name
 * (case-folded) in the real directory (symbolic links resolved) next to its project. See
 * docs/decisions/0011-output-safety-and-doctor.md.
 */
public final class OutputTarget {
  /** 'LBLN', the application id schema.sql stamps into every project. */
  public static final int APPLICATION_ID = 1279413326;

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final List<String> SIDE_SUFFIXES = List.of("-wal", "-shm", "-journal");

  /** {@code <project>.v<n>-<stamp>[-k].bak[.partial]}, as store/Migrations names its backups. */
  private static final Pattern BACKUP =
      Pattern.compile("(?i)(.+)\\.v\\d+-[0-9tz.]+(?:-\\d+)?\\.bak(?:\\.partial)?");

  /** The projects open in this process, each with the number of times it is open. */
  private static final Map<Path, Integer> OPEN = new ConcurrentHashMap<>();

  private static final Set<Path> OPEN_PROJECTS = OPEN.keySet();

  private OutputTarget() {}

  /** Marks {@code project} as open in this process (outputs are compared with it by identity). */
  public static void protect(Path project) {
    OPEN.merge(project.toAbsolutePath(), 1, Integer::sum);
  }

  /** Undoes {@link #protect(Path)}. */
  public static void release(Path project) {
    OPEN.computeIfPresent(project.toAbsolutePath(), (p, n) -> n == 1 ? null : n - 1);
  }

  /**
   * Checks that {@code target} may be written and returns the file to write: the real file when
   * {@code target} is a symbolic link to one (the link stays), else {@code target} in its real
   * directory.
   *
   * @param noClobber refuse an existing file
   * @throws BadInputException naming the file and the reason, before anything is written
   */
  public static Path check(Path target, boolean noClobber) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || abs.getFileName() == null) {
      throw refuse(target, "it is not a file name");
    }
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(
          target + ": cannot write: the directory " + dir + " does not exist; nothing was written");
    }
    Path realDir;
    try {
      realDir = dir.toRealPath();
    } catch (IOException e) {
      throw refuse(target, "its directory cannot be resolved (" + e.getMessage() + ")");
    }
    String name = abs.getFileName().toString();
    Path dest = realDir.resolve(name);
    if (Files.exists(abs)) {
      if (Files.isDirectory(abs)) {
        throw refuse(target, "it is a directory");
      }
      if (!Files.isRegularFile(abs)) {
        throw refuse(
            target,
            "it is not a regular file (a device, pipe or socket); write to a file and copy it"
                + " there");
      }
      try {
        dest = abs.toRealPath();
      } catch (IOException e) {
        throw refuse(target, "it cannot be resolved (" + e.getMessage() + ")");
      }
      String what = existingKind(dest);
      if (what != null) {
        throw refuse(target, what);
      }
      if (noClobber) {
        throw new BadInputException(
            target + ": the file already exists and --no-clobber was given; nothing was written");
      }
    } else if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw refuse(target, "it is a symbolic link to a file that does not exist");
    }
    String sideOf = sideFileOf(dest);
    if (sideOf != null) {
      throw refuse(target, sideOf);
    }
    return dest;
  }

  private static BadInputException refuse(Path target, String why) {
    return new BadInputException(target + ": cannot write there: " + why + "; nothing was written");
  }

  /**
   * What makes the existing file {@code real} untouchable, or null: a project (this one or any
   * other), an SQLite log or journal, or a project of this process reached by another name.
   */
  private static String existingKind(Path real) {
    for (Path open : OPEN_PROJECTS) {
      if (same(real, open)) {
        return "it is the project itself (" + open + ")";
      }
      for (String suffix : SIDE_SUFFIXES) {
        Path side = open.resolveSibling(open.getFileName() + suffix);
        if (Files.exists(side) && same(real, side)) {
          return "it is the project's SQLite file " + side.getFileName();
        }
      }
    }
    byte[] head = head(real, 100);
    if (isProjectHeader(head)) {
      return "it is a LabelLens project (or a backup of one)";
    }
    if (head.length >= 4) {
      int magic =
          ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | head[3];
      if (magic == 0x377f0682 || magic == 0x377f0683) {
        return "it is an SQLite write-ahead log (a project's -wal file)";
      }
      if (head.length >= 8
          && magic == 0xd9d505f9
          && (head[4] & 0xff) == 0x20
          && (head[5] & 0xff) == 0xa1
          && (head[6] & 0xff) == 0x63
          && (head[7] & 0xff) == 0xd7) {
        return "it is an SQLite rollback journal (a project's -journal file)";
      }
    }
    if (Files.exists(real.resolveSibling(real.getFileName() + "-wal"))
        && head.length >= SQLITE_MAGIC.length
        && startsWithSqliteMagic(head)) {
      return "it is an SQLite database in use (it has a -wal file next to it)";
    }
    return null;
  }

  /**
   * Why {@code dest} (in its real directory) is a side file or backup of a project, or null. The
   * name is compared case-folded, so that on a case-insensitive file system no spelling passes.
   */
  private static String sideFileOf(Path dest) {
    String name = dest.getFileName().toString();
    String folded = name.toLowerCase(Locale.ROOT);
    for (String suffix : SIDE_SUFFIXES) {
      if (folded.endsWith(suffix) && name.length() > suffix.length()) {
        String base = name.substring(0, name.length() - suffix.length());
        if (isProjectBase(dest.resolveSibling(base))) {
          return "it is the SQLite " + suffix.substring(1) + " file of the project " + base;
        }
      }
    }
    Matcher m = BACKUP.matcher(name);
    if (m.matches() && isProjectBase(dest.resolveSibling(m.group(1)))) {
      return "it is a backup of the project " + m.group(1);
    }
    return null;
  }

  /** Whether {@code base} is a project: one this process has open, or a file with the header. */
  private static boolean isProjectBase(Path base) {
    String folded = base.getFileName().toString().toLowerCase(Locale.ROOT);
    for (Path open : OPEN_PROJECTS) {
      Path openDir = realParent(open);
      if (openDir != null
          && openDir.equals(base.getParent())
          && open.getFileName().toString().toLowerCase(Locale.ROOT).equals(folded)) {
        return true;
      }
      if (Files.exists(base) && same(base, open)) {
        return true;
      }
    }
    return Files.isRegularFile(base) && isProjectHeader(head(base, 100));
  }

  /** Whether {@code file} starts with an SQLite header carrying the LabelLens application id. */
  public static boolean isProjectFile(Path file) {
    return Files.isRegularFile(file) && isProjectHeader(head(file, 100));
  }

  private static boolean isProjectHeader(byte[] head) {
    if (head.length < 72 || !startsWithSqliteMagic(head)) {
      return false;
    }
    int id =
        ((head[68] & 0xff) << 24)
            | ((head[69] & 0xff) << 16)
            | ((head[70] & 0xff) << 8)
            | (head[71] & 0xff);
    return id == APPLICATION_ID;
  }

  private static boolean startsWithSqliteMagic(byte[] head) {
    for (int i = 0; i < SQLITE_MAGIC.length; i++) {
      if (head[i] != SQLITE_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] head(Path file, int n) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path realParent(Path p) {
    Path parent = p.toAbsolutePath().getParent();
    try {
      return parent == null ? null : parent.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
