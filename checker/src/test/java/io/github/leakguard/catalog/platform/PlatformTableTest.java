package io.github.leakguard.catalog.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.leakguard.catalog.MethodRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The "supported platforms and frameworks" tables of the README and of ClientBuiltInHandler's page
 * are the platform catalog, rendered: a platform added to the catalog and not to the docs (or the
 * reverse) fails here, and the failure prints the table to paste.
 */
final class PlatformTableTest {
  private static final String BEGIN = "<!-- platforms: generated from Platforms.ALL by PlatformTableTest -->";
  private static final String END = "<!-- /platforms -->";

  @Test
  void theReadmeTableIsTheCatalog() throws IOException {
    assertTable(Path.of("..", "README.md"));
  }

  @Test
  void theCheckPageTableIsTheCatalog() throws IOException {
    assertTable(Path.of("..", "docs", "bugpattern", "ClientBuiltInHandler.md"));
  }

  @Test
  void everyPlatformHasAShapeAndEveryShapeAWording() {
    for (Platform platform : Platforms.ALL) {
      assertTrue(!platform.shapes().isEmpty(), platform.name());
      for (HandlerShape shape : platform.shapes()) {
        assertTrue(shape.wording().contains("{handler}"), shape.wording());
        assertEquals(
            !shape.servedBy().isEmpty(), shape.wording().contains("{adapter}"), shape.wording());
      }
    }
  }

  private static void assertTable(Path page) throws IOException {
    String text = Files.readString(page);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertTrue(begin >= 0 && end > begin, page + " lacks the markers " + BEGIN + " and " + END);
    String actual = text.substring(begin + BEGIN.length(), end).strip();
    assertEquals(table(), actual, page + ": paste the expected table between the markers");
  }

  static String table() {
    List<String> rows = new ArrayList<>();
    rows.add("| Platform or framework | Runs on every invocation | Served by | Maven dependency |");
    rows.add("| --- | --- | --- | --- |");
    for (Platform platform : Platforms.ALL) {
      Set<String> adapters = new LinkedHashSet<>();
      platform.shapes().forEach(s -> s.servedBy().forEach(a -> adapters.add(a.name())));
      rows.add(
          String.format(
              "| %s | %s | %s | %s |",
              platform.name(),
              platform.shapes().stream()
                  .map(PlatformTableTest::describe)
                  .collect(Collectors.joining("; ")),
              adapters.isEmpty() ? "the platform" : String.join(", ", adapters),
              platform.functionModuleCoordinates().stream()
                  .map(c -> "`" + c.groupId() + ":" + c.artifactPrefix() + "*`")
                  .distinct()
                  .collect(Collectors.joining(", "))));
    }
    return String.join("\n", rows);
  }

  private static String describe(HandlerShape shape) {
    String what =
        switch (shape.kind()) {
          case IMPLEMENTS ->
              list(shape.methods().stream().map(MethodRef::simpleForm).toList(), " or ");
          case ANNOTATED ->
              "methods annotated "
                  + list(shape.names().stream().map(n -> "@" + simple(n)).toList(), ", ");
          case RETURNS_FUNCTION ->
              "the function (`Function`, `Consumer`, `Supplier`) returned by a "
                  + list(shape.names().stream().map(n -> "@" + simple(n)).toList(), ", ")
                  + " method, which itself runs once";
          case CONTEXT_LAST ->
              "in other classes, public methods whose last parameter is `"
                  + simple(shape.names().get(0))
                  + "` (configured by name)";
        };
    if (!shape.classAnnotations().isEmpty()) {
      what +=
          " of classes annotated "
              + list(shape.classAnnotations().stream().map(n -> "@" + simple(n)).toList(), " or ");
    }
    return what;
  }

  private static String list(List<String> names, String separator) {
    return names.stream().distinct().map(n -> "`" + n + "`").collect(Collectors.joining(separator));
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
