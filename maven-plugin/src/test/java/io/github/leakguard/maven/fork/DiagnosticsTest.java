package io.github.leakguard.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

final class DiagnosticsTest {
  @Test
  void aCheckThatThrowsIsACrashNotAnErrorInTheUsersCode() {
    Diagnostics diagnostics = new Diagnostics(Set.of(), new PrintWriter(new StringWriter()));

    diagnostics.report(
        error(
            "compiler.err.error.prone.crash",
            "An unhandled exception was thrown by the Error Prone static analysis plugin."));
    diagnostics.report(error("compiler.err.error.prone.crash", "a second crash"));

    assertTrue(diagnostics.errors().isEmpty());
    assertTrue(diagnostics.findings().isEmpty());
    assertEquals(
        "An unhandled exception was thrown by the Error Prone static analysis plugin.",
        diagnostics.crash());
  }

  @Test
  void javacsOwnErrorStaysAnErrorAndIsNoCrash() {
    Diagnostics diagnostics = new Diagnostics(Set.of(), new PrintWriter(new StringWriter()));

    diagnostics.report(error("compiler.err.cant.resolve.location", "cannot find symbol"));

    assertEquals(1, diagnostics.errors().size());
    assertEquals("compiler.err.cant.resolve.location", diagnostics.errors().get(0).get("code"));
    assertNull(diagnostics.crash());
  }

  /** A diagnostic as javac hands it to a listener: no source file, an error kind and a code. */
  private static Diagnostic<JavaFileObject> error(String code, String message) {
    return new Diagnostic<>() {
      @Override
      public Kind getKind() {
        return Kind.ERROR;
      }

      @Override
      public JavaFileObject getSource() {
        return null;
      }

      @Override
      public long getPosition() {
        return NOPOS;
      }

      @Override
      public long getStartPosition() {
        return NOPOS;
      }

      @Override
      public long getEndPosition() {
        return NOPOS;
      }

      @Override
      public long getLineNumber() {
        return NOPOS;
      }

      @Override
      public long getColumnNumber() {
        return NOPOS;
      }

      @Override
      public String getCode() {
        return code;
      }

      @Override
      public String getMessage(Locale locale) {
        return message;
      }
    };
  }
}
