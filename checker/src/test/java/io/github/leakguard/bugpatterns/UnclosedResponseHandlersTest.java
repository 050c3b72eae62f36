package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A response handed to a response handler ({@code client.execute(request, handler)}) is closed by
 * the client after the handler returns, even when the handler returns the response itself.
 */
final class UnclosedResponseHandlersTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedResponse.class, getClass());

  @Test
  void apache4ResponseHandlersOwnTheResponse() {
    helper
        .addSourceLines(
            "Fetcher.java",
            """
            import java.io.IOException;
            import org.apache.http.HttpResponse;
            import org.apache.http.client.ResponseHandler;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.BasicResponseHandler;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;
            import org.apache.http.protocol.BasicHttpContext;

            class Fetcher {
              private static final CloseableHttpClient CLIENT = HttpClients.createDefault();

              static final class Identity implements ResponseHandler<HttpResponse> {
                @Override
                public HttpResponse handleResponse(HttpResponse response) {
                  return response;
                }
              }

              int lambdaReturnsTheResponse(String url) throws IOException {
                HttpResponse response = CLIENT.execute(new HttpGet(url), r -> r);
                return response.getStatusLine().getStatusCode();
              }

              HttpResponse handlerClass(String url) throws IOException {
                HttpResponse response = CLIENT.execute(new HttpGet(url), new Identity());
                System.out.println(response.getStatusLine());
                return null;
              }

              int withContext(String url) throws IOException {
                HttpResponse response =
                    CLIENT.execute(new HttpGet(url), r -> r, new BasicHttpContext());
                return response.getStatusLine().getStatusCode();
              }

              String body(String url) throws IOException {
                return CLIENT.execute(new HttpGet(url), new BasicResponseHandler());
              }

              int withoutAHandler(String url) throws IOException {
                // BUG: Diagnostic contains: UnclosedResponse
                HttpResponse response = CLIENT.execute(new HttpGet(url));
                return response.getStatusLine().getStatusCode();
              }
            }
            """)
        .doTest();
  }

  @Test
  void apache5ResponseHandlersOwnTheResponse() {
    helper
        .addSourceLines(
            "Fetcher.java",
            """
            import java.io.IOException;
            import org.apache.hc.client5.http.classic.methods.HttpGet;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
            import org.apache.hc.client5.http.impl.classic.HttpClients;
            import org.apache.hc.core5.http.ClassicHttpResponse;
            import org.apache.hc.core5.http.io.HttpClientResponseHandler;

            class Fetcher {
              private static final CloseableHttpClient CLIENT = HttpClients.createDefault();

              int lambdaReturnsTheResponse(String url) throws IOException {
                ClassicHttpResponse response = CLIENT.execute(new HttpGet(url), r -> r);
                return response.getCode();
              }

              int methodReference(String url) throws IOException {
                ClassicHttpResponse response = CLIENT.execute(new HttpGet(url), Fetcher::keep);
                return response.getCode();
              }

              int handlerField(String url) throws IOException {
                HttpClientResponseHandler<ClassicHttpResponse> keep = r -> r;
                return CLIENT.execute(new HttpGet(url), keep).getCode();
              }

              private static ClassicHttpResponse keep(ClassicHttpResponse response) {
                return response;
              }

              int executeOpen(String url) throws IOException {
                // BUG: Diagnostic contains: UnclosedResponse
                ClassicHttpResponse response = CLIENT.executeOpen(null, new HttpGet(url), null);
                return response.getCode();
              }

              int deprecatedExecute(String url) throws IOException {
                // BUG: Diagnostic contains: UnclosedResponse
                CloseableHttpResponse response = CLIENT.execute(new HttpGet(url));
                return response.getCode();
              }
            }
            """)
        .doTest();
  }
}
