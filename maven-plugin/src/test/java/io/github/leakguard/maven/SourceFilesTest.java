package io.github.leakguard.maven;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing source files whole or not at all. */
final class SourceFilesTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static SourceFiles.Edit edit(Path file, String before, String after) {
    return new SourceFiles.Edit(file, before.getBytes(UTF_8), after.getBytes(UTF_8));
  }

  @Test
  void replacesTheFileKeepingItsPermissionsAndLeavesNoTemporaryFile() throws Exception {
    Path file = file("A.java", "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

    SourceFiles.replace(file, "new".getBytes(UTF_8));

    assertEquals("new", Files.readString(file));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aSymbolicLinkStaysALinkAndItsTargetChanges() throws Exception {
    Path target = file("Target.java", "old");
    Path link = Files.createSymbolicLink(dir.resolve("Link.java"), target.getFileName());

    SourceFiles.replace(link, "new".getBytes(UTF_8));

    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(target));
  }

  @Test
  void whenOneWriteFailsTheFilesWrittenGetTheirOldBytesBack() throws Exception {
    Path first = file("A.java", "a");
    Path missing = dir.resolve("gone/B.java");

    assertThrows(
        IOException.class,
        () -> SourceFiles.writeAll(List.of(edit(first, "a", "A"), edit(missing, "b", "B"))));

    assertEquals("a", Files.readString(first));
  }

  @Test
  void restoreSkipsAFileEditedSinceItWasWritten() throws Exception {
    Path kept = file("A.java", "A");
    Path edited = file("B.java", "B, then edited by hand");

    List<Path> changedSince =
        SourceFiles.restore(List.of(edit(kept, "a", "A"), edit(edited, "b", "B")));

    assertEquals("a", Files.readString(kept));
    assertEquals("B, then edited by hand", Files.readString(edited));
    assertEquals(List.of(edited), changedSince);
  }
}
