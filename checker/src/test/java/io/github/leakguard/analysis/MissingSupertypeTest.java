package io.github.leakguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import io.github.leakguard.bugpatterns.ClientBuiltInHandler;
import io.github.leakguard.bugpatterns.FileDescriptorBudget;
import io.github.leakguard.bugpatterns.MissingIdleTimeout;
import io.github.leakguard.bugpatterns.UnboundedConnectionPool;
import io.github.leakguard.bugpatterns.UnclosedConnection;
import io.github.leakguard.bugpatterns.UnclosedResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A library type whose interface is missing from the classpath: javac compiles code that receives
 * one from another class's methods without ever completing the interface, but the catalog indexes
 * walk every supertype of a call's result. The checks must then stay silent on that type, never
 * fail the build. (On JDK 17 and 25 javac's completion hands the missing interface back as an error
 * type rather than throwing, so {@link SupertypeIndex}'s catch of {@code CompletionFailure} is a
 * second line of defence that this shape does not reach.)
 */
final class MissingSupertypeTest {

  @TempDir static Path library;

  /**
   * {@code lib.Widget implements lib.Missing} and {@code lib.Widgets}, which returns one, compiled,
   * with {@code Missing.class} removed.
   */
  @BeforeAll
  static void compileLibraryWithoutItsInterface() throws IOException {
    Path sources = Files.createDirectories(library.resolve("src/lib"));
    Files.writeString(sources.resolve("Missing.java"), "package lib; public interface Missing {}");
    Files.writeString(
        sources.resolve("Widget.java"),
        """
        package lib;
        public final class Widget implements Missing {}
        """);
    Files.writeString(
        sources.resolve("Widgets.java"),
        """
        package lib;
        public final class Widgets {
          public static Widget make() { return new Widget(); }
          public Widget copy(Object widget) { return new Widget(); }
        }
        """);
    Path classes = Files.createDirectories(library.resolve("classes"));
    int exit =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                sources.resolve("Missing.java").toString(),
                sources.resolve("Widget.java").toString(),
                sources.resolve("Widgets.java").toString());
    assertEquals(0, exit);
    Files.delete(classes.resolve("lib/Missing.class"));
  }

  private static final String HANDLER =
      """
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import lib.Widgets;

      class Handler implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
          Object made = Widgets.make();
          Object copied = new Widgets().copy(made);
          return String.valueOf(made) + copied;
        }
      }
      """;

  private static String classpath() {
    return library.resolve("classes") + File.pathSeparator + System.getProperty("java.class.path");
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        ClientBuiltInHandler.class,
        UnclosedConnection.class,
        UnclosedResponse.class,
        UnboundedConnectionPool.class,
        MissingIdleTimeout.class,
        FileDescriptorBudget.class
      })
  void everyCheckStaysSilent(Class<? extends BugChecker> check) {
    CompilationTestHelper.newInstance(check, MissingSupertypeTest.class)
        .setArgs("-cp", classpath())
        .addSourceLines("Handler.java", HANDLER)
        .doTest();
  }
}
