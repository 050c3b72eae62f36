package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class DiagnosticsTest {

  private static final String OUTPUT =
      """
      /repo/fn/src/main/java/demo/Handler.java:10: error: [ClientBuiltInHandler] S3Client.create() builds a new client.
          S3Client s3 = S3Client.create();
                                       ^
          (see https://example.com/ClientBuiltInHandler.md)
        Did you mean 'S3Client s3 = S3_CLIENT;'?
      /repo/fn/src/main/java/demo/Other.java:4: warning: [UnclosedResponse] Response is never closed;
      close it in try-with-resources.
          Response r = call.execute();
                                   ^
          (see https://example.com/UnclosedResponse.md)
      Note: Some input files use unchecked or unsafe operations.
      1 error
      1 warning
      """;

  @Test
  void readsFindingsWithSourceLineAndHint() {
    Diagnostics diagnostics = Diagnostics.parse(OUTPUT, path -> path.replace("/repo/", ""));

    List<Finding> findings = diagnostics.findings();
    assertEquals(2, findings.size());
    Finding first = findings.get(0);
    assertEquals("ClientBuiltInHandler", first.check());
    assertEquals(Severity.ERROR, first.severity());
    assertEquals("fn/src/main/java/demo/Handler.java", first.path());
    assertEquals(10, first.line());
    assertEquals("S3Client.create() builds a new client.", first.message());
    assertEquals("Did you mean 'S3Client s3 = S3_CLIENT;'?", first.hint());
    assertEquals("S3Client s3 = S3Client.create();", first.sourceLine());
    assertEquals(
        "fn/src/main/java/demo/Handler.java:10: [ClientBuiltInHandler] S3Client.create() builds a"
            + " new client.",
        first.render().lines().findFirst().orElseThrow());
    assertTrue(diagnostics.compileErrors().isEmpty());
  }

  @Test
  void warningsKeepTheirSeverity() {
    Finding second = Diagnostics.parse(OUTPUT, path -> path).findings().get(1);

    assertEquals(Severity.WARN, second.severity());
    assertEquals("UnclosedResponse", second.check());
    assertEquals("", second.hint());
  }

  @Test
  void otherErrorsAreCompileProblemsNotFindings() {
    Diagnostics diagnostics =
        Diagnostics.parse(
            """
            /repo/src/main/java/demo/Handler.java:3: error: cannot find symbol
            import lombok.Data;
                         ^
            error: plug-in not found: ErrorProne
            """,
            path -> path);

    assertTrue(diagnostics.findings().isEmpty());
    assertEquals(2, diagnostics.compileErrors().size());
    assertTrue(diagnostics.compileErrors().get(0).contains("cannot find symbol"));
  }
}
