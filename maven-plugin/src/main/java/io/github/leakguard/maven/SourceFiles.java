package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces source files so that no reader, crash or full disk ever sees half a file: the new bytes
 * go to a file beside the old one, are forced to disk, take the old file's permissions, and are
 * moved over it in one step. A symbolic link is followed, never replaced by a copy.
 */
final class SourceFiles {
  private SourceFiles() {}

  /** One file's bytes before and after. */
  record Edit(Path file, byte[] before, byte[] after) {}

  /**
   * Writes every edit, or none: when one write fails, the files already written get their old bytes
   * back, and the failure is thrown.
   */
  static void writeAll(List<Edit> edits) throws IOException {
    List<Edit> done = new ArrayList<>();
    try {
      for (Edit edit : edits) {
        replace(edit.file(), edit.after());
        done.add(edit);
      }
    } catch (IOException e) {
      for (Edit edit : done) {
        try {
          replace(edit.file(), edit.before());
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      throw e;
    }
  }

  /**
   * Puts the old bytes back in each file that still holds what was written to it; a file changed
   * since is left as it is and returned.
   */
  static List<Path> restore(List<Edit> edits) throws IOException {
    List<Path> changedSince = new ArrayList<>();
    for (Edit edit : edits) {
      if (Arrays.equals(Files.readAllBytes(edit.file()), edit.after())) {
        replace(edit.file(), edit.before());
      } else {
        changedSince.add(edit.file());
      }
    }
    return changedSince;
  }

  static void replace(Path file, byte[] content) throws IOException {
    Path target = file.toRealPath();
    Path temp =
        Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".leakguard");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      PosixFileAttributeView posix =
          Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (posix != null) {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
