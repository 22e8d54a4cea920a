package org.labellens.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.labellens.core.BadInputException;
import org.labellens.core.Notices;

/**
 * Writes a file all at once or not at all, and never where {@link OutputTarget} forbids: the
 * content goes to a temporary sibling ({@code .<name><digits>.tmp}, locked while it is written)
 * that is moved into place only when complete. A failure at any point deletes the temporary file
 * and leaves the destination as it was (absent, or the previous version); a replaced file keeps its
 * permissions. A temporary sibling left by a killed writer (no longer locked) is removed by the
 * next write to the same name, with a notice. Every file the program writes goes through here.
 */
public final class AtomicFile implements AutoCloseable {
  private static final Set<PosixFilePermission> NEW_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  private final Path target;
  private final Path dest;
  private final Path temp;
  private final boolean noClobber;
  private final FileChannel channel;
  private final FileLock lock;
  private final OutputStream out;
  private boolean committed;

  private AtomicFile(
      Path target, Path dest, Path temp, boolean noClobber, FileChannel channel, FileLock lock) {
    this.target = target;
    this.dest = dest;
    this.temp = temp;
    this.noClobber = noClobber;
    this.channel = channel;
    this.lock = lock;
    // closing the stream must not close the channel (and release the lock) before commit
    this.out =
        new BufferedOutputStream(
            new FilterOutputStream(Channels.newOutputStream(channel)) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() throws IOException {
                flush();
              }
            },
            1 << 16);
  }

  /** Writes the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes bytes. */
  @FunctionalInterface
  public interface Bytes {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes UTF-8 text to {@code target}, replacing an existing file.
   *
   * @throws BadInputException naming the file and the reason when it cannot be written
   */
  public static void write(Path target, Content content) {
    write(target, false, content);
  }

  /** Writes UTF-8 text to {@code target}; with {@code noClobber}, refuses an existing file. */
  public static void write(Path target, boolean noClobber, Content content) {
    writeBytes(
        target,
        noClobber,
        os -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
          content.writeTo(w);
          w.flush();
        });
  }

  /** Writes bytes to {@code target}; with {@code noClobber}, refuses an existing file. */
  public static void writeBytes(Path target, boolean noClobber, Bytes content) {
    try (AtomicFile f = open(target, noClobber)) {
      try {
        content.writeTo(f.stream());
      } catch (IOException e) {
        throw failure(target, e);
      }
      f.commit();
    }
  }

  /**
   * Checks {@code target} ({@link OutputTarget#check}) and opens its temporary sibling. Write to
   * {@link #stream()}, then {@link #commit()}; {@link #close()} without a commit removes it.
   */
  public static AtomicFile open(Path target, boolean noClobber) {
    Path dest = OutputTarget.check(target, noClobber);
    Path dir = dest.getParent();
    removeLeftovers(dest);
    Path temp;
    try {
      Set<PosixFilePermission> perms = NEW_FILE;
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (posix && Files.isRegularFile(dest)) {
        perms = Files.getPosixFilePermissions(dest);
      }
      temp =
          posix
              ? Files.createTempFile(
                  dir,
                  "." + dest.getFileName(),
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(perms))
              : Files.createTempFile(dir, "." + dest.getFileName(), ".tmp");
      if (posix) {
        // the umask may have narrowed what was asked for; a replaced file keeps exactly its own
        Files.setPosixFilePermissions(temp, perms);
      }
    } catch (IOException e) {
      throw failure(target, e);
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(temp, StandardOpenOption.WRITE);
      return new AtomicFile(target, dest, temp, noClobber, ch, lockOrNull(ch));
    } catch (IOException e) {
      closeQuietly(ch);
      deleteQuietly(temp);
      throw failure(target, e);
    }
  }

  /**
   * The lock that marks the temporary file as being written; null where the file system has no
   * locks (such a file is never taken for a leftover either: see {@link #inUse}).
   */
  private static FileLock lockOrNull(FileChannel ch) {
    try {
      return ch.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      return null;
    }
  }

  /** Where the content goes until {@link #commit()}. */
  public OutputStream stream() {
    return out;
  }

  /** The file that is written (the real file behind a symbolic link). */
  public Path destination() {
    return dest;
  }

  /** Syncs the content and moves it into place. */
  public void commit() {
    try {
      out.flush();
      // on disk before it takes the old file's place: after a crash right after the move, the
      // final name must not show an empty or partial file
      channel.force(true);
      release();
      if (noClobber) {
        moveUnlessExists();
      } else {
        try {
          Files.move(
              temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      committed = true;
    } catch (FileAlreadyExistsException e) {
      throw new BadInputException(
          target + ": the file already exists and --no-clobber was given; nothing was written", e);
    } catch (IOException e) {
      throw failure(target, e);
    }
  }

  /**
   * Gives the temporary file its final name only if no file has that name: a hard link fails
   * atomically when one appeared since the check (a rename would replace it silently); where links
   * are not supported, a move without replacing, which checks just before.
   */
  private void moveUnlessExists() throws IOException {
    try {
      Files.createLink(dest, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(temp, dest);
      return;
    }
    Files.delete(temp);
  }

  @Override
  public void close() {
    release();
    if (!committed) {
      deleteQuietly(temp);
    }
  }

  private void release() {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }

  /**
   * Removes temporary siblings of {@code dest} that no writer holds any more (left by a killed
   * command): a writer locks its temporary file until it is moved into place.
   */
  static void removeLeftovers(Path dest) {
    Pattern mine = Pattern.compile(Pattern.quote("." + dest.getFileName()) + "-?\\d+\\.tmp");
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(
            dest.getParent(), p -> mine.matcher(p.getFileName().toString()).matches())) {
      for (Path leftover : siblings) {
        if (Files.isRegularFile(leftover) && !inUse(leftover)) {
          removeLeftover(leftover);
        }
      }
    } catch (IOException ignored) {
      // an unreadable directory fails the write itself, with its own message
    }
  }

  /**
   * The temporary files in {@code dir} that a killed writer left: hidden {@code
   * .<name><digits>.tmp} files that no writer holds.
   */
  public static List<Path> unfinishedOutputs(Path dir) {
    // the digits are the random part Files.createTempFile adds (many of them)
    Pattern temp = Pattern.compile("\\..+\\d{6,}\\.tmp");
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(dir, p -> temp.matcher(p.getFileName().toString()).matches())) {
      for (Path p : found) {
        if (Files.isRegularFile(p) && !inUse(p)) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      // an unreadable directory has nothing to report
    }
    out.sort(null);
    return out;
  }

  /**
   * Removes the {@link #unfinishedOutputs unfinished outputs} in {@code dir}, with a notice for
   * each (never a file that holds a project).
   */
  public static void removeUnfinishedOutputs(Path dir) {
    for (Path leftover : unfinishedOutputs(dir)) {
      if (!OutputTarget.isProjectFile(leftover)) {
        removeLeftover(leftover);
      }
    }
  }

  /** Deletes an unfinished output, with a notice; one that stays is reported by doctor. */
  private static void removeLeftover(Path leftover) {
    try {
      Files.delete(leftover);
      Notices.say(
          "note: removed "
              + leftover
              + ", the unfinished output of an interrupted command (nothing else was changed)");
    } catch (IOException ignored) {
      // it stays; nothing depends on it, and doctor reports it
    }
  }

  /** Whether another writer holds {@code file} (locked by another process or this one). */
  static boolean inUse(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return true;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a hidden temporary file is all that can be left
    }
  }

  static BadInputException failure(Path target, IOException e) {
    String why;
    if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      why = "no such directory";
    } else if (isDiskFull(e)) {
      why = "the disk is full";
    } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
      why = fse.getReason();
    } else {
      why = String.valueOf(e.getMessage());
    }
    return new BadInputException(target + ": cannot write: " + why + "; nothing was written", e);
  }

  private static boolean isDiskFull(IOException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("No space left") || m.contains("not enough space") || m.contains("ENOSPC");
  }
}
