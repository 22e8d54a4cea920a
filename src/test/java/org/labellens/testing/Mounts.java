package org.labellens.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small file systems and read-only mounts for damaged-state tests: a tiny {@code tmpfs} that fills
 * up, a directory or a single file made read-only by a mount. Mounting needs root (as in CI); where
 * it is not permitted the calling test is skipped, not failed. For an unprivileged user, file
 * permissions give the same read-only conditions ({@link #readOnlyFile}, {@link
 * #readOnlyDirectory}), since they bind everyone but root.
 */
public final class Mounts implements AutoCloseable {
  private final List<Path> mounted = new ArrayList<>();
  private final List<Runnable> undo = new ArrayList<>();

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * Mounts a {@code tmpfs} of {@code size} (e.g. {@code "4m"}) on the empty directory {@code dir}.
   */
  public Path tmpfs(Path dir, String size) throws IOException {
    Files.createDirectories(dir);
    boolean ok =
        run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0777", "tmpfs", dir.toString());
    assumeTrue(ok, "mounting a tmpfs is not permitted here (needs root)");
    mounted.add(0, dir);
    return dir;
  }

  /** Makes everything under the mount point {@code dir} read-only, for root too. */
  public void remountReadOnly(Path dir) {
    boolean ok = run("mount", "-o", "remount,ro", dir.toString());
    assumeTrue(ok, "remounting read-only is not permitted here");
  }

  /** Makes the mount point {@code dir} writable again. */
  public void remountWritable(Path dir) {
    if (!run("mount", "-o", "remount,rw", dir.toString())) {
      throw new IllegalStateException("cannot remount " + dir + " writable");
    }
  }

  /**
   * Makes one file read-only while its directory stays writable: a read-only bind mount of the file
   * over itself for root, or its permission bits for anyone else.
   */
  public void readOnlyFile(Path file) throws IOException {
    if (isRoot()) {
      boolean ok = run("mount", "--bind", file.toString(), file.toString());
      assumeTrue(ok, "bind mounts are not permitted here");
      mounted.add(0, file);
      ok = run("mount", "-o", "remount,ro,bind", file.toString());
      assumeTrue(ok, "read-only bind mounts are not permitted here");
    } else {
      assumeTrue(file.toFile().setWritable(false, false), "cannot make " + file + " read-only");
      undo.add(0, () -> file.toFile().setWritable(true, true));
    }
  }

  /**
   * Makes a directory and the files in it read-only: for root a tmpfs holding copies of the files,
   * remounted read-only over the directory; for anyone else permission bits.
   */
  public void readOnlyDirectory(Path dir) throws IOException {
    if (isRoot()) {
      Path stash = Files.createTempDirectory("stash");
      List<Path> files = new ArrayList<>();
      try (var list = Files.list(dir)) {
        list.forEach(files::add);
      }
      for (Path f : files) {
        Files.copy(f, stash.resolve(f.getFileName()));
      }
      tmpfs(dir, "64m");
      for (Path f : files) {
        Files.copy(stash.resolve(f.getFileName()), f);
      }
      FastTempDir.delete(stash);
      remountReadOnly(dir);
    } else {
      assumeTrue(dir.toFile().setWritable(false, false), "cannot make " + dir + " read-only");
      undo.add(0, () -> dir.toFile().setWritable(true, true));
    }
  }

  @Override
  public void close() {
    undo.forEach(Runnable::run);
    undo.clear();
    for (Path p : mounted) {
      if (!run("umount", p.toString())) {
        run("umount", "-l", p.toString());
      }
    }
    mounted.clear();
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
