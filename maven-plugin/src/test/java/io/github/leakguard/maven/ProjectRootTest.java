package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProjectRootTest {
  @TempDir Path dir;

  private static String pom(String... modules) {
    StringBuilder list = new StringBuilder();
    for (String module : modules) {
      list.append("<module>").append(module).append("</module>");
    }
    return "<project><modules>" + list + "</modules></project>";
  }

  @Test
  void theRepositoryWinsWhereverTheModuleIs() throws Exception {
    Path repo = dir.resolve("repo");
    Path module = Files.createDirectories(repo.resolve("services/fn-orders"));
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve("services/pom.xml"), pom("fn-orders"));

    assertEquals(repo, ProjectRoot.of(module));
    assertEquals(repo, ProjectRoot.of(repo));
  }

  @Test
  void aWorktreesGitFileCountsToo() throws Exception {
    Path module = Files.createDirectories(dir.resolve("wt/fn"));
    Files.writeString(dir.resolve("wt/.git"), "gitdir: /elsewhere\n");

    assertEquals(dir.resolve("wt"), ProjectRoot.of(module));
  }

  @Test
  void withoutARepositoryTheTopAggregatorThatListsTheModule() throws Exception {
    Path top = dir.resolve("shop");
    Path module = Files.createDirectories(top.resolve("services/fn-orders"));
    Files.writeString(top.resolve("pom.xml"), pom("services/pom.xml", "other"));
    Files.writeString(top.resolve("services/pom.xml"), pom("fn-orders"));
    // A directory above with a POM that does not list "shop" is not part of the reactor.
    Files.writeString(dir.resolve("pom.xml"), pom("unrelated"));

    assertEquals(top, ProjectRoot.of(module));
    assertEquals(top, ProjectRoot.of(top.resolve("services")));
  }

  @Test
  void aLoneModuleIsItsOwnRoot() throws Exception {
    Path module = Files.createDirectories(dir.resolve("alone"));
    assertEquals(module, ProjectRoot.of(module));
  }

  @Test
  void pathsAreSlashedRelativeAndUrisPercentEncoded() {
    Path root = dir.resolve("repo");
    assertEquals("fn/src/A.java", ProjectRoot.relative(root, root.resolve("fn/src/A.java")));
    assertEquals("../shared/B.java", ProjectRoot.relative(root, dir.resolve("shared/B.java")));
    assertEquals(
        "fn%20orders/src/Gr%C3%B6%C3%9Fe%231.java", ProjectRoot.uri("fn orders/src/Größe#1.java"));
    assertEquals("../a-b_c.d~e/F.java", ProjectRoot.uri("../a-b_c.d~e/F.java"));
  }
}
