package io.github.leakguard.bugpatterns;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the fixture functions (their sources ship in the fixtures jar) to UnclosedConnection and
 * UnclosedResponse and asserts exactly the findings their {@code // BUG:} markers name. A marker
 * names its check ({@code [UnclosedResponse]}); markers of other checks are blanked, keeping line
 * numbers, when a check is run.
 */
final class UnclosedFixturesTest {
  private static final Pattern MARKER = Pattern.compile("^\\s*// BUG: Diagnostic contains: .*");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbcconnection/OrderStatusHandler",
        "jdbcconnection/OrderStatusHandlerFixed",
        "httpresponse/PriceCheckHandler",
        "httpresponse/PriceCheckHandlerFixed",
        "s3stream/CsvHeaderHandler",
        "s3stream/CsvHeaderHandlerFixed",
        "socket/RedisHealthHandler",
        "socket/RedisHealthHandlerFixed"
      })
  void fixtureFindingsAreExactlyItsMarkers(String fixture) {
    String source = read("io/github/leakguard/fixtures/" + fixture + ".java");
    check(UnclosedConnection.class, fixture, source);
    check(UnclosedResponse.class, fixture, source);
  }

  private void check(Class<? extends BugChecker> checker, String fixture, String source) {
    String tag = "[" + checker.getSimpleName() + "]";
    String[] lines =
        source
            .lines()
            .map(line -> MARKER.matcher(line).matches() && !line.contains(tag) ? "//" : line)
            .toArray(String[]::new);
    CompilationTestHelper.newInstance(checker, getClass())
        .addSourceLines(fixture.substring(fixture.indexOf('/') + 1) + ".java", lines)
        .doTest();
  }

  private String read(String resource) {
    URL url = getClass().getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("fixture source not on the classpath: " + resource);
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
