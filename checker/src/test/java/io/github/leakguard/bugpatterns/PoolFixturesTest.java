package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the pool incidents' fixtures, as packaged in the fixtures jar, to the three pool checks
 * alone and asserts exactly their markers: the broken twins' findings, and none on the fixed ones.
 */
final class PoolFixturesTest {
  private static final String ROOT = "io/github/leakguard/fixtures/";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3rollup/broken/LogRollupFunction.java",
        "s3rollup/fixed/LogRollupFunction.java",
        "fanout/broken/EnrichmentFunction.java",
        "fanout/fixed/EnrichmentFunction.java",
        "keepalive/broken/PriceSyncFunction.java",
        "keepalive/fixed/PriceSyncFunction.java"
      })
  void findingsAreExactlyTheMarkedOnes(String fixture) throws IOException {
    CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(
                UnboundedConnectionPool.class,
                MissingIdleTimeout.class,
                FileDescriptorBudget.class),
            getClass())
        .addSourceLines(fixture, read(ROOT + fixture))
        .doTest();
  }

  private String read(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      return new String(
          Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
