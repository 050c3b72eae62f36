package io.github.leakguard;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * Compiles a function the way a user's build does, with {@code -Xplugin:ErrorProne}, so what is
 * tested is the real registration: AutoService's service file, the flags, the severity.
 */
final class PluginRegistrationTest {
  private static final String HANDLER =
      """
      package demo;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import software.amazon.awssdk.services.s3.S3Client;

      public class Handler implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
          return S3Client.create().listBuckets().toString();
        }
      }
      """;

  @Test
  void errorProneFindsTheCheckThroughItsServiceFileAndFailsTheBuild() {
    Compilation compilation =
        compile("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:ClientBuiltInHandler");

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[ClientBuiltInHandler] S3Client.create() builds a new AWS SDK v2");
  }

  @Test
  void severityCanBeLoweredToAWarningForTheIde() {
    Compilation compilation =
        compile("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:ClientBuiltInHandler:WARN");

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[ClientBuiltInHandler]");
  }

  @Test
  void aBadOptionFailsTheBuildWithoutCrashingJavac() {
    Compilation compilation =
        compile(
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:ClientBuiltInHandler"
                + " -XepOpt:LeakGuard:FdBudget=-3");

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("-XepOpt:LeakGuard:FdBudget=-3 is not valid; it takes a whole number");
  }

  private static Compilation compile(String plugin) {
    return javac()
        .withOptions(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            // As in a user's build: Error Prone loads plugin checks from the processor path.
            "-processorpath",
            System.getProperty("java.class.path"),
            "-proc:none",
            plugin)
        .compile(JavaFileObjects.forSourceString("demo.Handler", HANDLER));
  }
}
