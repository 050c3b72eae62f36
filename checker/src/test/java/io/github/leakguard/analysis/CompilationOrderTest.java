package io.github.leakguard.analysis;

import com.google.errorprone.CompilationTestHelper;
import io.github.leakguard.bugpatterns.ClientBuiltInHandler;
import io.github.leakguard.bugpatterns.UnclosedResponse;
import org.junit.jupiter.api.Test;

/**
 * Under {@code -XDcompilePolicy=byfile} javac checks each file before it reads the next, so the
 * library types of a later file are not loaded while the first is checked. The per-compilation
 * catalog indexes must still recognise them there.
 */
final class CompilationOrderTest {

  /** A first file that names no library type, but makes every index answer for its own calls. */
  private static final String PLAIN =
      """
      import java.util.ArrayList;
      import java.util.List;

      class Plain {
        List<String> names() {
          List<String> names = new ArrayList<>();
          names.add(String.valueOf(names.size()));
          return names;
        }
      }
      """;

  @Test
  void clientTypesFirstSeenInALaterFile() {
    CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass())
        .setArgs("-XDcompilePolicy=byfile")
        .addSourceLines("Plain.java", PLAIN)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: S3Client.create() builds a new AWS SDK v2 service client
                S3Client s3 = S3Client.create();
                return s3.toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void resourceTypesFirstSeenInALaterFile() {
    // The release analysis under the same policy. (Unlike the client case, this one passed with
    // name-resolved catalog types too: javac loads these types while it enters the imports.)
    CompilationTestHelper.newInstance(UnclosedResponse.class, getClass())
        .setArgs("-XDcompilePolicy=byfile")
        .addSourceLines("Plain.java", PLAIN)
        .addSourceLines(
            "Fetch.java",
            """
            import java.io.IOException;
            import org.apache.hc.client5.http.classic.methods.HttpGet;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

            class Fetch {
              int status(CloseableHttpClient client, String url) throws IOException {
                // BUG: Diagnostic contains: client.executeOpen(…) opens an Apache HttpClient 5 response
                var response = client.executeOpen(null, new HttpGet(url), null);
                return response.getCode();
              }
            }
            """)
        .doTest();
  }
}
