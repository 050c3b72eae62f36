package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** What is a handler: platform types and shapes, class members, the handler options. */
final class ClientBuiltInHandlerHandlersTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  @Test
  void requestHandlerBuildingSdkV2Clients() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: S3Client.create() builds a new AWS SDK v2 service client (S3Client) on every invocation of handler Handler.handleRequest, which implements RequestHandler
                S3Client s3 = S3Client.create();
                // BUG: Diagnostic contains: DynamoDbClient.builder()…build()
                DynamoDbClient ddb = DynamoDbClient.builder().region(Region.US_EAST_1).build();
                GetItemRequest request = GetItemRequest.builder().tableName("t").build();
                return ddb.getItem(request).toString() + s3;
              }
            }
            """)
        .doTest();
  }

  @Test
  void rawAndGenericSuperclassHandlers() {
    helper
        .addSourceLines(
            "Handlers.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;

            @SuppressWarnings("rawtypes")
            class Raw implements RequestHandler {
              @Override
              public Object handleRequest(Object input, Context context) {
                // BUG: Diagnostic contains: java.net.http HttpClient
                return HttpClient.newHttpClient();
              }
            }

            abstract class Base<I, O> implements RequestHandler<I, O> {}

            class Concrete extends Base<String, Integer> {
              @Override
              public Integer handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: implements RequestHandler
                HttpClient client = HttpClient.newBuilder().build();
                return client.hashCode();
              }
            }

            interface MyHandler<I> extends RequestHandler<I, String> {}

            class ThroughInterface implements MyHandler<String> {
              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: ThroughInterface.handleRequest
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void streamHandlersAndHandlersConfiguredByName() {
    helper
        .addSourceLines(
            "Handlers.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
            import java.io.InputStream;
            import java.io.OutputStream;
            import okhttp3.OkHttpClient;

            class Stream implements RequestStreamHandler {
              @Override
              public void handleRequest(InputStream in, OutputStream out, Context context) {
                // BUG: Diagnostic contains: implements RequestStreamHandler
                new OkHttpClient();
              }
            }

            class ByName {
              public String handle(String input, Context context) {
                // BUG: Diagnostic contains: takes a Lambda Context
                return new OkHttpClient.Builder().build().toString();
              }

              public static String handleStatic(String input, Context context) {
                // BUG: Diagnostic contains: ByName.handleStatic
                return new OkHttpClient().toString();
              }

              // Not public, so not a handler the runtime can call by name.
              String notAHandler(Context context) {
                return new OkHttpClient().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void googleCloudFunctionsAndAzureFunctions() {
    helper
        .addSourceLines(
            "Functions.java",
            """
            import com.google.cloud.functions.BackgroundFunction;
            import com.google.cloud.functions.Context;
            import com.google.cloud.functions.HttpFunction;
            import com.google.cloud.functions.HttpRequest;
            import com.google.cloud.functions.HttpResponse;
            import com.microsoft.azure.functions.ExecutionContext;
            import com.microsoft.azure.functions.annotation.FunctionName;
            import com.microsoft.azure.functions.annotation.HttpTrigger;
            import org.apache.http.impl.client.HttpClients;

            class Http implements HttpFunction {
              @Override
              public void service(HttpRequest request, HttpResponse response) throws Exception {
                // BUG: Diagnostic contains: implements HttpFunction
                HttpClients.createDefault().close();
              }
            }

            class Background implements BackgroundFunction<String> {
              @Override
              public void accept(String payload, Context context) {
                // BUG: Diagnostic contains: implements BackgroundFunction
                HttpClients.custom().build();
              }
            }

            class Azure {
              @FunctionName("hello")
              public String run(@HttpTrigger(name = "req") String body, ExecutionContext context) {
                // BUG: Diagnostic contains: annotated @FunctionName
                return HttpClients.createSystem().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void handlersAreClassMembersIncludingAnonymousClassesOfFieldsButNotLocalClasses() {
    // A handler is a method declared outside any method body: an anonymous RequestHandler kept in
    // a field is one (a named handler delegates to it); a local class inside a method body is
    // not, since nothing can run it but that method, which is judged on its own.
    helper
        .addSourceLines(
            "Delegating.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Delegating {
              static final RequestHandler<String, String> HANDLER =
                  new RequestHandler<>() {
                    @Override
                    public String handleRequest(String input, Context context) {
                      // BUG: Diagnostic contains: S3Client.create() builds a new AWS SDK v2
                      return S3Client.create().toString();
                    }
                  };

              static Object local() {
                class Local implements RequestHandler<String, String> {
                  @Override
                  public String handleRequest(String input, Context context) {
                    return S3Client.create().toString();
                  }
                }
                return new Local();
              }
            }
            """)
        .doTest();
  }

  @Test
  void extraHandlerTypesAndAnnotationsFromOptions() {
    helper
        .setArgs(
            "-XepOpt:LeakGuard:HandlerTypes=java.util.function.Function",
            "-XepOpt:LeakGuard:HandlerAnnotations=javax.annotation.processing.Generated")
        .addSourceLines(
            "Handlers.java",
            """
            import java.util.function.Function;
            import javax.annotation.processing.Generated;
            import software.amazon.awssdk.services.s3.S3Client;

            class Fn implements Function<String, String> {
              @Override
              public String apply(String input) {
                // BUG: Diagnostic contains: implements Function
                return S3Client.create().toString();
              }
            }

            class Annotated {
              @Generated("x")
              String handle() {
                // BUG: Diagnostic contains: annotated @Generated
                return S3Client.create().toString();
              }
            }
            """)
        .doTest();
  }
}
