package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * What runs per invocation: call chains, lambdas, other classes, initialisation and once-guards,
 * factories judged once or at each call.
 */
final class ClientBuiltInHandlerInvocationPathsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  @Test
  void callChainsLambdasAndAnonymousClassesInsideTheHandler() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;
            import software.amazon.awssdk.services.sqs.SqsClient;

            class Handler implements RequestHandler<SQSEvent, Void> {
              @Override
              public Void handleRequest(SQSEvent event, Context context) {
                event.getRecords().forEach(record -> {
                  // BUG: Diagnostic contains: on every invocation of handler Handler.handleRequest
                  SqsClient perRecord = SqsClient.create();
                  perRecord.close();
                });
                event.getRecords().forEach(this::forward);
                Runnable task = new Runnable() {
                  @Override
                  public void run() {
                    // BUG: Diagnostic contains: Handler.handleRequest
                    SqsClient.create();
                  }
                };
                task.run();
                return null;
              }

              private void forward(SQSEvent.SQSMessage message) {
                send(message.getBody());
              }

              private void send(String body) {
                try (SqsClient sqs = newClient()) {
                  sqs.toString();
                }
              }

              private static SqsClient newClient() {
                // BUG: Diagnostic contains: (via Handler.handleRequest → forward → send → newClient)
                return SqsClient.builder().build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void clientsBuiltInAnotherClassOfTheSameCompilationAreReportedAtTheCall() {
    helper
        .addSourceLines(
            "DynamoService.java",
            """
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class DynamoService {
              private DynamoDbClient client() {
                return DynamoDbClient.builder().region(Region.US_EAST_1).build();
              }

              void store(String item) {
                client().toString();
              }

              private DynamoDbClient cached;

              void storeCached(String item) {
                if (cached == null) {
                  cached = client();
                }
              }
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;

            class Handler implements RequestHandler<String, String> {
              private static final DynamoService SHARED = new DynamoService();

              @Override
              public String handleRequest(String input, Context context) {
                DynamoService service = new DynamoService();
                // BUG: Diagnostic contains: service.store(…) reaches DynamoService.client, which builds a new AWS SDK v2 service client (DynamoDbClient) with DynamoDbClient.builder()…build() on every invocation of handler Handler.handleRequest, which implements RequestHandler (via Handler.handleRequest → store → client)
                service.store(input);
                SHARED.storeCached(input);
                return input;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aCallThatReachesSeveralClientsNamesThemNearestFirstAndCountsTheRest() {
    helper
        .addSourceLines(
            "Notifier.java",
            """
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.sqs.SqsClient;

            class Notifier {
              void notifyAll(java.util.List<String> phones) {
                DynamoDbClient.create().close();
                for (String phone : phones) {
                  text(phone);
                }
              }

              private void text(String phone) {
                SqsClient.builder().build().close();
              }

              void report() {
                S3Client.create().close();
                audit();
              }

              // A chain of four methods, one client each: named in the order the path reaches them,
              // not in a hash order that would match by chance once in two runs.
              private void audit() {
                SqsClient.create().close();
                archive();
              }

              private void archive() {
                DynamoDbClient.create().close();
                purge();
              }

              private void purge() {
                S3Client.builder().build().close();
              }
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;

            class Handler implements RequestHandler<String, String> {
              private final Notifier notifier = new Notifier();

              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: notifier.notifyAll(…) reaches Notifier.notifyAll, which builds a new AWS SDK v2 service client (DynamoDbClient) with DynamoDbClient.create() on every invocation of handler Handler.handleRequest, which implements RequestHandler (via Handler.handleRequest → notifyAll); each warm call adds a connection pool and its sockets until the function runs out of file descriptors (EMFILE). Build the client once, in a constructor or a static final field, and pass it in. The same call also builds SqsClient in Notifier.text.
                notifier.notifyAll(java.util.List.of(input));
                // BUG: Diagnostic contains: notifier.report() reaches Notifier.report, which builds a new AWS SDK v2 service client (S3Client) with S3Client.create() on every invocation of handler Handler.handleRequest, which implements RequestHandler (via Handler.handleRequest → report); each warm call adds a connection pool and its sockets until the function runs out of file descriptors (EMFILE). Build the client once, in a constructor or a static final field, and pass it in. The same call also builds SqsClient in Notifier.audit, DynamoDbClient in Notifier.archive and 1 more.
                notifier.report();
                return input;
              }
            }
            """)
        .doTest();
  }

  @Test
  void initializationOutsideTheInvocationIsFine() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.atomic.AtomicBoolean;
            import okhttp3.OkHttpClient;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final S3Client S3 = S3Client.create();
              private static final OkHttpClient SHARED = new OkHttpClient();
              private static final Map<String, S3Client> BY_REGION = new ConcurrentHashMap<>();
              private static HttpClient http;
              private final HttpClient fromConstructor;
              private S3Client lazy;
              private S3Client lazyEarlyReturn;
              private volatile S3Client doubleChecked;
              private final AtomicBoolean started = new AtomicBoolean();
              private final S3Client injected;

              static {
                http = HttpClient.newHttpClient();
              }

              {
                S3Client.create();
              }

              Handler() {
                this(S3Client.create());
              }

              Handler(S3Client injected) {
                this.injected = injected;
                this.fromConstructor = HttpClient.newHttpClient();
              }

              @Override
              public String handleRequest(String input, Context context) {
                OkHttpClient withTimeouts = SHARED.newBuilder().build();
                OkHttpClient.Builder derived = SHARED.newBuilder();
                OkHttpClient alsoShared = derived.build();
                S3Client regional =
                    BY_REGION.computeIfAbsent(input, r -> S3Client.builder().region(Region.of(r)).build());
                if (started.compareAndSet(false, true)) {
                  S3Client.create();
                }
                return lazy().toString() + early() + checked() + withTimeouts + alsoShared + regional
                    + injected + fromConstructor + http;
              }

              private S3Client lazy() {
                if (lazy == null) {
                  lazy = S3Client.create();
                }
                return lazy;
              }

              private S3Client early() {
                if (lazyEarlyReturn != null) {
                  return lazyEarlyReturn;
                }
                lazyEarlyReturn = S3Client.create();
                return lazyEarlyReturn;
              }

              private S3Client checked() {
                if (doubleChecked == null) {
                  synchronized (this) {
                    if (doubleChecked == null) {
                      doubleChecked = S3Client.builder().build();
                    }
                  }
                }
                return doubleChecked;
              }
            }

            class NotAHandler {
              S3Client make() {
                return S3Client.create();
              }

              public String handle(String input) {
                return S3Client.create().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void lazyHolderCalledOnceIsNotFollowed() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private boolean initialized;
              private S3Client s3;

              @Override
              public String handleRequest(String input, Context context) {
                if (!initialized) {
                  init();
                  initialized = true;
                }
                return s3.toString();
              }

              private void init() {
                s3 = S3Client.create();
              }
            }
            """)
        .doTest();
  }

  @Test
  void unguardedFieldAssignmentIsStillPerInvocation() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private S3Client s3;

              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: S3Client.create()
                s3 = S3Client.create();
                return s3.toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFactoryOrConstructorIsJudgedAlikeWhereverItIsCalled() {
    // The client kind of a constructor or factory is kept by symbol for the compilation: whether
    // a call runs per invocation must still be decided at each call, in either order of the units.
    helper
        .addSourceLines(
            "First.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import okhttp3.OkHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class First implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: S3Client.create() builds a new AWS SDK v2
                S3Client s3 = S3Client.create();
                // BUG: Diagnostic contains: new OkHttpClient() builds a new
                return s3.toString() + new OkHttpClient();
              }
            }
            """)
        .addSourceLines(
            "Shared.java",
            """
            import okhttp3.OkHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Shared {
              static final S3Client S3 = S3Client.create();
              static final OkHttpClient HTTP = new OkHttpClient();

              static S3Client another() {
                return S3Client.create();
              }
            }
            """)
        .addSourceLines(
            "Last.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import okhttp3.OkHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Last implements RequestHandler<String, String> {
              private static final S3Client S3 = S3Client.create();
              private final OkHttpClient http = new OkHttpClient();

              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: S3Client.create() builds a new AWS SDK v2
                return S3.toString() + http + S3Client.create();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aGenericFactoryIsJudgedAtEachCall() {
    // A generic factory's result type depends on the call, so its judgement is not kept by
    // symbol: the first call here builds no client, the second does.
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.function.Supplier;
            import software.amazon.awssdk.core.SdkClient;
            import software.amazon.awssdk.services.s3.S3Client;

            interface Clients extends SdkClient {
              static <T> T create(Supplier<T> supplier) {
                return supplier.get();
              }
            }

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                String name = Clients.create(() -> "name");
                // BUG: Diagnostic contains: builds a new AWS SDK v2 service client (S3Client)
                S3Client s3 = Clients.create(S3Client::create);
                return name + s3;
              }
            }
            """)
        .doTest();
  }

  @Test
  void anAnonymousClassGuardedByTheHandlersFieldRunsOnce() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.sqs.SqsClient;

            class Handler implements RequestHandler<String, Void> {
              private SqsClient sqs;

              @Override
              public Void handleRequest(String body, Context context) {
                Runnable send = new Runnable() {
                  private SqsClient own;

                  @Override
                  public void run() {
                    // The handler's field: the client is built once per environment.
                    if (sqs == null) {
                      sqs = SqsClient.create();
                    }
                    // The anonymous object's own field: a new object, and client, per call.
                    if (own == null) {
                      // BUG: Diagnostic contains: on every invocation of handler Handler.handleRequest
                      own = SqsClient.create();
                    }
                  }
                };
                send.run();
                return null;
              }
            }
            """)
        .doTest();
  }
}
