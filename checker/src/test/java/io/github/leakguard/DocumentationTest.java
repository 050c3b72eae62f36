package io.github.leakguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Every registered check has a complete @BugPattern whose link is its own page in docs/. */
final class DocumentationTest {
  private static final Path DOCS = Path.of("..", "docs", "bugpattern");

  @Test
  void everyCheckHasItsPageAndLinksToIt() throws IOException {
    List<String> checked = new ArrayList<>();
    for (BugChecker check : ServiceLoader.load(BugChecker.class)) {
      BugPattern pattern = check.getClass().getAnnotation(BugPattern.class);
      String name = check.getClass().getSimpleName();
      assertEquals(name, check.canonicalName(), "check named for its class");
      assertEquals(BugPattern.LinkType.CUSTOM, pattern.linkType(), name);
      assertEquals(Documentation.BUG_PATTERN_BASE + name + ".md", pattern.link(), name);
      assertFalse(pattern.summary().isBlank(), name);

      Path page = DOCS.resolve(name + ".md");
      assertTrue(Files.isRegularFile(page), "missing " + page);
      String text = Files.readString(page);
      for (String section :
          List.of(
              "## The problem",
              "## Example",
              "## Fix",
              "## Fixing findings",
              "## Options",
              "## Suppression",
              "## Known limitations")) {
        assertTrue(text.contains(section), page + " lacks " + section);
      }
      assertTrue(text.contains("@SuppressWarnings(\"" + name + "\")"), page + " suppression");
      checked.add(name);
    }
    assertTrue(checked.contains("ClientBuiltInHandler"), "checks found: " + checked);
  }
}
