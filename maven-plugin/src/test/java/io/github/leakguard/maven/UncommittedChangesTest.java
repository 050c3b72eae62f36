package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What git says of the files the fix goal would change, from a real git in real work trees. */
final class UncommittedChangesTest {
  @TempDir Path repo;

  private void git(String... args) throws Exception {
    TestRequests.git(repo, args);
  }

  private Path file(String name, String content) throws Exception {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void namesEachFileWithWorkGitDoesNotHaveAndPassesCommittedOnes() throws Exception {
    Path committed = file("src/Committed.java", "class Committed {}\n");
    Path modified = file("src/Modified.java", "class Modified {}\n");
    Path staged = file("src/Staged.java", "class Staged {}\n");
    Path both = file("src/Both.java", "class Both {}\n");
    Path renamed = file("src/Old.java", "class Old {}\n");
    file(".gitignore", "*.gen.java\n");
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "sources");
    Files.writeString(modified, "class Modified { int x; }\n");
    Files.writeString(staged, "class Staged { int x; }\n");
    git("add", "src/Staged.java");
    Files.writeString(both, "class Both { int x; }\n");
    git("add", "src/Both.java");
    Files.writeString(both, "class Both { int y; }\n");
    git("mv", "src/Old.java", "src/New [1].java");
    Path moved = repo.resolve("src/New [1].java");
    Path untracked = file("src/Untracked.java", "class Untracked {}\n");
    Path ignored = file("src/Ignored.gen.java", "class Ignored {}\n");

    UncommittedChanges state =
        UncommittedChanges.of(
            repo.resolve("src"),
            List.of(committed, modified, staged, both, moved, untracked, ignored));

    assertEquals(Optional.empty(), state.unknown());
    assertEquals(
        Map.of(
            modified, "modified",
            staged, "staged",
            both, "staged and modified",
            moved, "staged",
            untracked, "untracked",
            ignored, "ignored by git, so never committed"),
        state.changed());
    assertEquals(
        new UncommittedChanges(Map.of(), Optional.empty()),
        UncommittedChanges.of(repo, List.of(committed)));
    assertTrue(UncommittedChanges.of(repo, List.of(committed)).clean());
  }

  @Test
  void outsideAWorkTreeItSaysItCannotTell() throws Exception {
    Path file = file("src/A.java", "class A {}\n");

    UncommittedChanges state = UncommittedChanges.of(repo, List.of(file));

    assertEquals(Map.of(), state.changed());
    assertTrue(
        state.unknown().orElseThrow().startsWith(repo + " is not in a git work tree (git: fatal:"),
        state.unknown().toString());
  }

  @Test
  void readsPorcelainEntriesWithTheirRenameSources() {
    Path root = Path.of("/r");
    assertEquals(
        Map.of(
            root.resolve("a.java"), "modified",
            root.resolve("new.java"), "staged",
            root.resolve("b c.java"), "untracked"),
        UncommittedChanges.parse(root, " M a.java\0R  new.java\0old.java\0?? b c.java\0"));
  }
}
