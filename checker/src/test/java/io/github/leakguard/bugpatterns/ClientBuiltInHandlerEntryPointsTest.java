package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Which methods the platform calls: in a class that implements a handler interface only the
 * interface's method is a handler (its overloads and helpers run only when it calls them); a
 * handler configured by name takes the Lambda {@code Context} last.
 */
final class ClientBuiltInHandlerEntryPointsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  @Test
  void overloadsAndHelpersOfAHandlerClassAreNotHandlers() {
    helper
        .addSourceLines(
            "OrderHandler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class OrderHandler implements RequestHandler<String, String> {
              private final String region;

              OrderHandler() {
                region = process(null);
              }

              @Override
              public String handleRequest(String input, Context context) {
                return validate(input, context) + region;
              }

              // An overload the platform never calls.
              public String handleRequest(String input, Context context, String extra) {
                return S3Client.create().toString() + extra;
              }

              // Called once, from the constructor.
              public String process(Context context) {
                return HttpClient.newHttpClient().toString();
              }

              // Called by the handler: per invocation, through it.
              public String validate(String input, Context context) {
                // BUG: Diagnostic contains: on every invocation of handler OrderHandler.handleRequest, which implements RequestHandler (via OrderHandler.handleRequest → validate)
                return S3Client.builder().build().toString() + input;
              }

              public static String describe(String input, Context context) {
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .addSourceLines(
            "StreamHandler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.http.HttpClient;

            class StreamHandler implements RequestStreamHandler {
              @Override
              public void handleRequest(InputStream in, OutputStream out, Context context) {
                // BUG: Diagnostic contains: handler StreamHandler.handleRequest, which implements RequestStreamHandler
                HttpClient.newHttpClient();
              }

              public void handleRequest(InputStream in, Context context) {
                HttpClient.newHttpClient();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aHandlerConfiguredByNameTakesTheContextLast() {
    helper
        .addSourceLines(
            "ByName.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.http.HttpClient;
            import java.util.Map;

            class ByName {
              public String handle(Map<String, String> event, Context context) {
                // BUG: Diagnostic contains: handler ByName.handle, which takes a Lambda Context last
                return HttpClient.newHttpClient().toString();
              }

              public void stream(InputStream in, OutputStream out, Context context) {
                // BUG: Diagnostic contains: handler ByName.stream, which takes a Lambda Context last
                HttpClient.newHttpClient();
              }

              public static String onlyContext(Context context) {
                // BUG: Diagnostic contains: handler ByName.onlyContext
                return HttpClient.newHttpClient().toString();
              }

              // The Context is not last: the runtime cannot call this by name.
              public String contextFirst(Context context, String input) {
                return HttpClient.newHttpClient().toString();
              }

              // More parameters than any handler signature has.
              public String tooMany(String a, String b, String c, Context context) {
                return HttpClient.newHttpClient().toString();
              }

              // Not public.
              String hidden(String input, Context context) {
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .doTest();
  }
}
