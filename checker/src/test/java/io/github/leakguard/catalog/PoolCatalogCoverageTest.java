package io.github.leakguard.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the pool catalogs and their tests together: every bound, unbounded pool, idle setting and
 * documented default must appear in a test of the check that reads it (a test class that runs the
 * check), so a new entry cannot land untested.
 */
final class PoolCatalogCoverageTest {
  private static final Path TESTS = Path.of("src/test/java/io/github/leakguard/bugpatterns");

  @Test
  void everyPoolBoundAndUnboundedPoolIsTested() throws IOException {
    String test = testsOf("UnboundedConnectionPool");
    for (PoolBound bound : Catalogs.POOL_BOUNDS) {
      assertCalled(test, bound.method(), bound.toString());
    }
    for (UnboundedPool pool : Catalogs.UNBOUNDED_POOLS) {
      assertCalled(test, pool.method(), pool.toString());
    }
  }

  @Test
  void everyIdleSettingIsTested() throws IOException {
    String test = testsOf("MissingIdleTimeout");
    for (IdleSetting setting : Catalogs.IDLE_SETTINGS) {
      assertCalled(test, setting.method(), setting.toString());
    }
  }

  @Test
  void everyDefaultIsTested() throws IOException {
    String test = testsOf("FileDescriptorBudget");
    for (ConnectionDefault connectionDefault : Catalogs.CONNECTION_DEFAULTS) {
      // A client that opens no connections is left out of the message, so has no text to find.
      assertTrue(
          test.contains(connectionDefault.source())
              || connectionDefault.max().equals(OptionalLong.of(0)),
          "untested: " + connectionDefault);
    }
  }

  /** The sources of the test classes that run {@code check}. */
  private static String testsOf(String check) throws IOException {
    StringBuilder tests = new StringBuilder();
    try (Stream<Path> files = Files.list(TESTS)) {
      for (Path file : files.sorted().toList()) {
        String source = Files.readString(file);
        if (source.contains("(" + check + ".class")) {
          tests.append(source);
        }
      }
    }
    return tests.toString();
  }

  /** The entry's method is called in the test ({@code new Owner(} for a constructor). */
  private static void assertCalled(String test, MethodRef method, String entry) {
    String call =
        method.isConstructor()
            ? "new " + method.owner().substring(method.owner().lastIndexOf('.') + 1) + "("
            : "." + method.name() + "(";
    assertTrue(test.contains(call), "untested: " + entry);
  }
}
