package io.github.leakguard.bugpatterns;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Suppression, bad option values, and the constructions that get no fix. */
final class ClientBuiltInHandlerTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  private static final String INTERFACE_OWNER =
      """
      import com.amazonaws.services.lambda.runtime.Context;
      import software.amazon.awssdk.services.s3.S3Client;

      interface Handler {
        static String handle(String input, Context context) {
          // BUG: Diagnostic contains: Build it once, in the constructor or a static final field
          return S3Client.create().toString();
        }
      }
      """;

  private static final String DISCARDED =
      """
      import com.amazonaws.services.lambda.runtime.Context;
      import software.amazon.awssdk.services.s3.S3Client;

      class Other {
        public void handle(String input, Context context) {
          // BUG: Diagnostic contains: Build it once, in the constructor or a static final field
          S3Client.create();
        }
      }
      """;

  @Test
  void noFixForADiscardedConstructionOrAnInterfaceOwner() {
    helper
        .addSourceLines("Handler.java", INTERFACE_OWNER)
        .addSourceLines("Other.java", DISCARDED)
        .doTest();
    BugCheckerRefactoringTestHelper.newInstance(ClientBuiltInHandler.class, getClass())
        .addInputLines("Handler.java", INTERFACE_OWNER)
        .expectUnchanged()
        .addInputLines("Other.java", DISCARDED)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void suppressionWorks() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              @Override
              @SuppressWarnings("ClientBuiltInHandler")
              public String handleRequest(String input, Context context) {
                return S3Client.create().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void malformedNumberIsReportedWithTheAcceptedValues() {
    assertConfigurationError(
        "-XepOpt:LeakGuard:FdBudget=lots",
        "-XepOpt:LeakGuard:FdBudget=lots is not valid; it takes a whole number from 1 to 1048576");
  }

  @Test
  void unknownOptionIsReportedWithTheKnownOnes() {
    assertConfigurationError(
        "-XepOpt:LeakGuard:HandlerType=x.Y",
        "unknown option -XepOpt:LeakGuard:HandlerType; LeakGuard's options are"
            + " LeakGuard:HandlerTypes, LeakGuard:HandlerAnnotations");
  }

  @Test
  void malformedTypeNameIsReported() {
    assertConfigurationError(
        "-XepOpt:LeakGuard:HandlerTypes=not a type",
        "-XepOpt:LeakGuard:HandlerTypes=not a type is not valid; it takes a comma-separated list");
  }

  @Test
  void malformedDurationIsReported() {
    assertConfigurationError(
        "-XepOpt:LeakGuard:MaxIdle=5 minutes",
        "-XepOpt:LeakGuard:MaxIdle=5 minutes is not valid; it takes an ISO-8601 duration");
  }

  private void assertConfigurationError(String option, String expected) {
    helper
        .setArgs(option)
        .expectErrorMessage("CONFIG", message -> message.contains(expected))
        .addSourceLines(
            "A.java",
            """
            // BUG: Diagnostic matches: CONFIG
            class A {}
            """)
        .doTest();
  }

  private static final String NOT_HOISTABLE =
      """
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import software.amazon.awssdk.regions.Region;
      import software.amazon.awssdk.services.s3.S3Client;

      class Handler implements RequestHandler<String, String> {
        private String region = "eu-west-1";

        @Override
        public String handleRequest(String input, Context context) {
          // BUG: Diagnostic contains: Build it once, in the constructor or a static final field
          S3Client a = S3Client.builder().region(Region.of(input)).build();
          // BUG: Diagnostic contains: Build it once, in the constructor or a static final field
          S3Client b = S3Client.builder().region(Region.of(region)).build();
          // BUG: Diagnostic contains: Build it once, in the constructor or a static final field
          try (S3Client c = S3Client.create()) {
            // BUG: Diagnostic contains: Build it once, in the constructor or a static final field
            S3Client d = S3Client.create();
            d.close();
            return a.toString() + b + c + d;
          }
        }
      }
      """;

  @Test
  void noFixWhenTheConstructionDependsOnTheInvocationOrIsClosed() {
    // Each construction is reported (with the constructor advice), and none gets the fix.
    helper.addSourceLines("Handler.java", NOT_HOISTABLE).doTest();
    BugCheckerRefactoringTestHelper.newInstance(ClientBuiltInHandler.class, getClass())
        .addInputLines("Handler.java", NOT_HOISTABLE)
        .expectUnchanged()
        .doTest();
  }
}
