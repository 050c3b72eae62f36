package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Handlers named by {@code -XepOpt:LeakGuard:HandlerMethods}, the way a SAM, Serverless or CDK
 * template names them: POJO handlers that implement no platform type and take no {@code Context}.
 */
final class ClientBuiltInHandlerNamedHandlersTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  private static final String POJO_HANDLER =
      """
      package com.example;

      import java.util.Map;
      import software.amazon.awssdk.services.s3.S3Client;

      public class App {
        public String handle(Map<String, String> event) {
          // BUG: Diagnostic contains: on every invocation of handler App.handle, which a deployment template names (HandlerMethods)
          S3Client s3 = S3Client.create();
          return s3.toString() + event;
        }

        public String describe(Map<String, String> event) {
          S3Client s3 = S3Client.create();
          return s3.toString() + event;
        }
      }
      """;

  @Test
  void methodNamedWithItsClassIsAHandler() {
    helper
        .addSourceLines("com/example/App.java", POJO_HANDLER)
        .setArgs("-XepOpt:LeakGuard:HandlerMethods=com.example.App::handle")
        .doTest();
  }

  @Test
  void withoutTheOptionAPojoIsNoHandler() {
    helper
        .addSourceLines(
            "com/example/App.java",
            POJO_HANDLER.replace("// BUG: Diagnostic contains:", "// not a handler:"))
        .doTest();
  }

  @Test
  void aClassNameAloneNamesItsHandleRequestMethods() {
    helper
        .addSourceLines(
            "com/example/Jobs.java",
            """
            package com.example;

            import java.net.http.HttpClient;
            import java.util.Map;

            public class Jobs {
              public static class Nightly {
                public String handleRequest(Map<String, Object> event) {
                  // BUG: Diagnostic contains: handler Nightly.handleRequest, which a deployment template names
                  return HttpClient.newHttpClient().toString();
                }

                public String handle(Map<String, Object> event) {
                  return HttpClient.newHttpClient().toString();
                }
              }

              public String handleRequest(Map<String, Object> event) {
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .setArgs("-XepOpt:LeakGuard:HandlerMethods=com.example.Jobs$Nightly")
        .doTest();
  }

  @Test
  void onlyPublicMethodsOfTheNamedClassAreHandlers() {
    helper
        .addSourceLines(
            "com/example/Other.java",
            """
            package com.example;

            import java.net.http.HttpClient;

            public class Other {
              public String handle(String event) {
                return HttpClient.newHttpClient().toString();
              }
            }

            class Named {
              String handle(String event) {
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .setArgs(
            "-XepOpt:LeakGuard:HandlerMethods=com.example.Named::handle, com.example.Missing::x")
        .doTest();
  }

  @Test
  void malformedNamesAreAConfigurationError() {
    helper
        .addSourceLines(
            "com/example/Empty.java",
            """
            // BUG: Diagnostic contains: -XepOpt:LeakGuard:HandlerMethods=com.example.App::handle() is not valid; it takes a comma-separated list of handlers
            package com.example;

            class Empty {}
            """)
        .setArgs("-XepOpt:LeakGuard:HandlerMethods=com.example.App::handle()")
        .doTest();
  }
}
