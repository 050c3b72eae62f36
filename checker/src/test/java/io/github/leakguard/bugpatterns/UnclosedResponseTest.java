package io.github.leakguard.bugpatterns;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnclosedResponseTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedResponse.class, getClass());

  @Test
  void aResponseWrappedInTheReturnedObjectIsHandedOver() {
    // Shape of the AWS SDK's ApacheHttpClient.execute, found by the smoke corpus: the response is
    // wrapped by a method of another class, and the wrapper is returned to the caller.
    helper
        .addSourceLines(
            "Responses.java",
            """
            import org.apache.http.client.methods.CloseableHttpResponse;

            class Responses {
              record Wrapped(CloseableHttpResponse response, String tag) {}

              static Wrapped wrap(CloseableHttpResponse response, String tag) {
                return new Wrapped(response, tag);
              }

              static String describe(CloseableHttpResponse response) {
                return response.getStatusLine().toString();
              }
            }
            """)
        .addSourceLines(
            "Client.java",
            """
            import java.io.IOException;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;

            class Client {
              private final CloseableHttpClient http;

              Client(CloseableHttpClient http) {
                this.http = http;
              }

              Responses.Wrapped fetch() throws IOException {
                CloseableHttpResponse response = http.execute(new HttpGet("https://x"));
                return Responses.wrap(response, "x");
              }

              String status() throws IOException {
                // BUG: Diagnostic contains: UnclosedResponse
                CloseableHttpResponse response = http.execute(new HttpGet("https://x"));
                return Responses.describe(response);
              }
            }
            """)
        .doTest();
  }

  @Test
  void apacheHttpClient4() {
    helper
        .addSourceLines(
            "Api.java",
            """
            import java.io.IOException;
            import org.apache.http.HttpResponse;
            import org.apache.http.client.HttpClient;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.util.EntityUtils;

            class Api {
              private final CloseableHttpClient client;
              private final HttpClient plain;

              Api(CloseableHttpClient client, HttpClient plain) {
                this.client = client;
                this.plain = plain;
              }

              int statusOnly(String url) throws IOException {
                // BUG: Diagnostic contains: client.execute(…) opens an Apache HttpClient 4 response that is used and dropped without being closed; it keeps its pooled connection leased
                return client.execute(new HttpGet(url)).getStatusLine().getStatusCode();
              }

              String earlyThrow(String url) throws IOException {
                // BUG: Diagnostic contains: not closed on every path out of the method
                CloseableHttpResponse response = client.execute(new HttpGet(url));
                if (response.getStatusLine().getStatusCode() != 200) {
                  throw new IOException("status " + response.getStatusLine());
                }
                return EntityUtils.toString(response.getEntity());
              }

              String consumed(String url) throws IOException {
                HttpResponse response = plain.execute(new HttpGet(url));
                return EntityUtils.toString(response.getEntity());
              }

              int consumedInFinally(String url) throws IOException {
                HttpResponse response = plain.execute(new HttpGet(url));
                try {
                  return response.getStatusLine().getStatusCode();
                } finally {
                  EntityUtils.consume(response.getEntity());
                }
              }

              String closed(String url) throws IOException {
                try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
                  return EntityUtils.toString(response.getEntity());
                }
              }

              String handledByResponseHandler(String url) throws IOException {
                return client.execute(new HttpGet(url), r -> EntityUtils.toString(r.getEntity()));
              }

              String contentClosedOnlyNormally(String url) throws IOException {
                // BUG: Diagnostic contains: closed only when no exception is thrown: if in.read() throws IOException
                CloseableHttpResponse response = client.execute(new HttpGet(url));
                java.io.InputStream in = response.getEntity().getContent();
                int first = in.read();
                in.close();
                return String.valueOf(first);
              }
            }
            """)
        .doTest();
  }

  @Test
  void apacheHttpClient5() {
    helper
        .addSourceLines(
            "Api5.java",
            """
            import java.io.IOException;
            import org.apache.hc.client5.http.classic.methods.HttpGet;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.core5.http.ClassicHttpResponse;
            import org.apache.hc.core5.http.ParseException;
            import org.apache.hc.core5.http.io.entity.EntityUtils;

            class Api5 {
              int leftOpen(CloseableHttpClient client, String url) throws IOException {
                // BUG: Diagnostic contains: client.executeOpen(…) opens an Apache HttpClient 5 response that is never closed
                ClassicHttpResponse response = client.executeOpen(null, new HttpGet(url), null);
                return response.getCode();
              }

              String closed(CloseableHttpClient client, String url)
                  throws IOException, ParseException {
                try (ClassicHttpResponse response =
                    client.executeOpen(null, new HttpGet(url), null)) {
                  return EntityUtils.toString(response.getEntity());
                }
              }

              String handler(CloseableHttpClient client, String url) throws IOException {
                return client.execute(new HttpGet(url), r -> String.valueOf(r.getCode()));
              }
            }
            """)
        .doTest();
  }

  @Test
  void okHttp() {
    helper
        .addSourceLines(
            "Ok.java",
            """
            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.InputStreamReader;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import okhttp3.Response;
            import okhttp3.ResponseBody;

            class Ok {
              private static final OkHttpClient CLIENT = new OkHttpClient();

              String firstLine(String url) throws IOException {
                Request request = new Request.Builder().url(url).build();
                // BUG: Diagnostic contains: execute() opens an OkHttp response that is never closed
                Response response = CLIENT.newCall(request).execute();
                BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body().byteStream()));
                return reader.readLine();
              }

              String wrapped(String url) throws IOException {
                Request request = new Request.Builder().url(url).build();
                Response response = CLIENT.newCall(request).execute();
                try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body().byteStream()))) {
                  return reader.readLine();
                }
              }

              String readWhole(String url) throws IOException {
                Request request = new Request.Builder().url(url).build();
                return CLIENT.newCall(request).execute().body().string();
              }

              String bodyClosed(String url) throws IOException {
                Request request = new Request.Builder().url(url).build();
                Response response = CLIENT.newCall(request).execute();
                try (ResponseBody body = response.body()) {
                  return body.contentType() + "";
                }
              }

              int codeOnly(String url) throws IOException {
                Request request = new Request.Builder().url(url).build();
                try (Response response = CLIENT.newCall(request).execute()) {
                  return response.code();
                }
              }

              boolean dropped(String url) throws IOException {
                Request request = new Request.Builder().url(url).build();
                // BUG: Diagnostic contains: used and dropped
                return CLIENT.newCall(request).execute().isSuccessful();
              }
            }
            """)
        .doTest();
  }

  @Test
  void javaNetHttpStreamingBodies() {
    helper
        .addSourceLines(
            "Jdk.java",
            """
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import java.io.IOException;
            import java.io.InputStream;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.net.http.HttpResponse.BodyHandlers;
            import java.util.stream.Stream;

            class Jdk {
              private static final HttpClient CLIENT = HttpClient.newHttpClient();

              int firstByte(String url) throws IOException, InterruptedException {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                // BUG: Diagnostic contains: CLIENT.send(…) opens a java.net.http streaming response body that is never closed
                HttpResponse<InputStream> response = CLIENT.send(request, BodyHandlers.ofInputStream());
                return response.body().read();
              }

              int bodyClosed(String url) throws IOException, InterruptedException {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                HttpResponse<InputStream> response = CLIENT.send(request, BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                  return body.read();
                }
              }

              long lines(String url) throws IOException, InterruptedException {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                // BUG: Diagnostic contains: never closed
                HttpResponse<Stream<String>> response = CLIENT.send(request, BodyHandlers.ofLines());
                return response.body().limit(3).count();
              }

              long linesClosed(String url) throws IOException, InterruptedException {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                HttpResponse<Stream<String>> response = CLIENT.send(request, BodyHandlers.ofLines());
                try (Stream<String> lines = response.body()) {
                  return lines.count();
                }
              }

              JsonNode readByJackson(String url) throws IOException, InterruptedException {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                HttpResponse<InputStream> response = CLIENT.send(request, BodyHandlers.ofInputStream());
                return new ObjectMapper().readTree(response.body());
              }

              String inMemory(String url) throws IOException, InterruptedException {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                return CLIENT.send(request, BodyHandlers.ofString()).body();
              }
            }
            """)
        .doTest();
  }

  @Test
  void awsSdkV2ObjectStreams() {
    helper
        .addSourceLines(
            "Objects.java",
            """
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.file.Path;
            import software.amazon.awssdk.core.ResponseInputStream;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.s3.model.GetObjectRequest;
            import software.amazon.awssdk.services.s3.model.GetObjectResponse;

            class Objects {
              private final S3Client s3;

              Objects(S3Client s3) {
                this.s3 = s3;
              }

              int firstByte(GetObjectRequest request) throws IOException {
                // BUG: Diagnostic contains: s3.getObject(…) opens an AWS SDK v2 response stream that is never closed
                ResponseInputStream<GetObjectResponse> in = s3.getObject(request);
                return in.read();
              }

              int throughSupertype(GetObjectRequest request) throws IOException {
                // BUG: Diagnostic contains: never closed
                InputStream in = s3.getObject(request);
                return in.read();
              }

              int closed(GetObjectRequest request) throws IOException {
                try (InputStream in = s3.getObject(request)) {
                  return in.read();
                }
              }

              int aborted(GetObjectRequest request) throws IOException {
                ResponseInputStream<GetObjectResponse> in = s3.getObject(request);
                try {
                  return in.read();
                } finally {
                  in.abort();
                }
              }

              int inMemory(GetObjectRequest request) throws IOException {
                InputStream in = s3.getObjectAsBytes(request).asInputStream();
                return in.read();
              }

              String toFile(GetObjectRequest request, Path target) {
                return s3.getObject(request, target).eTag();
              }

              InputStream handedToCaller(GetObjectRequest request) {
                return s3.getObject(request);
              }
            }
            """)
        .doTest();
  }

  @Test
  void awsSdkV1Objects() {
    helper
        .addSourceLines(
            "Legacy.java",
            """
            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.model.S3Object;
            import com.amazonaws.services.s3.model.S3ObjectInputStream;
            import java.io.IOException;

            class Legacy {
              int firstByte(AmazonS3 s3, String bucket, String key) throws IOException {
                // BUG: Diagnostic contains: s3.getObject(…) opens an S3 object stream that is never closed
                S3Object object = s3.getObject(bucket, key);
                return object.getObjectContent().read();
              }

              int contentClosed(AmazonS3 s3, String bucket, String key) throws IOException {
                S3Object object = s3.getObject(bucket, key);
                try (S3ObjectInputStream in = object.getObjectContent()) {
                  return in.read();
                }
              }

              int objectClosed(AmazonS3 s3, String bucket, String key) throws IOException {
                try (S3Object object = s3.getObject(bucket, key)) {
                  return object.getObjectContent().read();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void remainingReleaseIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.model.S3Object;
            import com.amazonaws.services.s3.model.S3ObjectInputStream;
            import com.google.common.io.Closeables;
            import java.io.IOException;
            import java.io.InputStream;
            import okhttp3.Call;
            import okhttp3.Response;
            import org.apache.hc.client5.http.classic.methods.HttpGet;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.core5.http.ClassicHttpResponse;
            import org.apache.hc.core5.io.Closer;
            import org.apache.http.HttpResponse;
            import org.apache.http.client.HttpClient;
            import org.apache.http.client.utils.HttpClientUtils;
            import org.apache.http.util.EntityUtils;

            class Idioms {
              byte[] okBytes(Call call) throws IOException {
                return call.execute().body().bytes();
              }

              void apache4Quietly(HttpClient client, String url) throws IOException {
                HttpResponse response = client.execute(new org.apache.http.client.methods.HttpGet(url));
                try {
                  System.out.println(response.getStatusLine());
                } finally {
                  HttpClientUtils.closeQuietly(response);
                }
              }

              byte[] apache4Bytes(HttpClient client, String url) throws IOException {
                HttpResponse response = client.execute(new org.apache.http.client.methods.HttpGet(url));
                return EntityUtils.toByteArray(response.getEntity());
              }

              void apache4ConsumeQuietly(HttpClient client, String url) throws IOException {
                HttpResponse response = client.execute(new org.apache.http.client.methods.HttpGet(url));
                EntityUtils.consumeQuietly(response.getEntity());
              }

              int apache5Closer(CloseableHttpClient client, String url) throws IOException {
                ClassicHttpResponse response = client.executeOpen(null, new HttpGet(url), null);
                try {
                  return response.getCode();
                } finally {
                  Closer.closeQuietly(response);
                }
              }

              int v1Aborted(AmazonS3 s3, String bucket, String key) throws IOException {
                S3Object object = s3.getObject(bucket, key);
                S3ObjectInputStream in = object.getObjectContent();
                try {
                  return in.read();
                } finally {
                  in.abort();
                }
              }

              int guavaQuietly(AmazonS3 s3, String bucket, String key) throws IOException {
                InputStream in = s3.getObject(bucket, key).getObjectContent();
                try {
                  return in.read();
                } finally {
                  Closeables.closeQuietly(in);
                }
              }

              int okPassedToArbitraryMethod(Call call) throws IOException {
                // BUG: Diagnostic contains: never closed
                Response response = call.execute();
                return log(response);
              }

              private static int log(Response response) {
                return response.code();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixWrapsTheUsesInTryWithResources() {
    BugCheckerRefactoringTestHelper.newInstance(UnclosedResponse.class, getClass())
        .addInputLines(
            "Ok.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import okhttp3.Response;

            class Ok {
              int code(OkHttpClient client, Request request) throws IOException {
                Response response = client.newCall(request).execute();
                int code = response.code();
                return code;
              }
            }
            """)
        .addOutputLines(
            "Ok.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import okhttp3.Response;

            class Ok {
              int code(OkHttpClient client, Request request) throws IOException {
                try (Response response = client.newCall(request).execute()) {
                  int code = response.code();
                  return code;
                }
              }
            }
            """)
        .doTest();
  }
}
