package io.github.leakguard.bugpatterns;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class ClientBuiltInHandlerTest {
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
  void moreShapesAndEntries() {
    helper
        .addSourceLines(
            "Events.java",
            """
            import com.google.cloud.functions.CloudEventsFunction;
            import io.cloudevents.CloudEvent;
            import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
            import redis.clients.jedis.Jedis;
            import redis.clients.jedis.JedisPool;
            import software.amazon.awssdk.transfer.s3.S3TransferManager;

            class Events implements CloudEventsFunction {
              private static final JedisPool POOL = new JedisPool("localhost", 6379);

              @Override
              public void accept(CloudEvent event) {
                // BUG: Diagnostic contains: Apache HttpClient 5 async connection pool
                PoolingAsyncClientConnectionManagerBuilder.create().build();
                // BUG: Diagnostic contains: S3TransferManager.builder()…build() builds a new S3 transfer manager
                S3TransferManager.builder().build();
                // Borrowing a connection from a shared pool is not building a client.
                try (Jedis jedis = POOL.getResource()) {
                  jedis.get("k");
                }
              }
            }
            """)
        .doTest();
  }

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
  void everySupportedLibraryIsRecognised() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
            import com.amazonaws.services.s3.AmazonS3Client;
            import com.amazonaws.services.s3.AmazonS3ClientBuilder;
            import com.amazonaws.services.s3.transfer.TransferManager;
            import com.amazonaws.services.s3.transfer.TransferManagerBuilder;
            import com.mongodb.client.MongoClients;
            import com.zaxxer.hikari.HikariDataSource;
            import io.grpc.ManagedChannelBuilder;
            import io.lettuce.core.RedisClient;
            import io.netty.channel.nio.NioEventLoopGroup;
            import org.apache.commons.dbcp2.BasicDataSource;
            import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
            import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
            import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
            import redis.clients.jedis.Jedis;
            import redis.clients.jedis.JedisPool;
            import redis.clients.jedis.JedisPooled;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
            import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
            import software.amazon.awssdk.services.s3.S3AsyncClient;
            import software.amazon.awssdk.transfer.s3.S3TransferManager;

            class Handler implements RequestHandler<String, String> {
              @Override
              @SuppressWarnings("deprecation")
              public String handleRequest(String input, Context context) {
                Object[] all = {
                  // BUG: Diagnostic contains: AWS SDK v2 HTTP client (SdkHttpClient)
                  ApacheHttpClient.builder().build(),
                  // BUG: Diagnostic contains: AWS SDK v2 HTTP client
                  UrlConnectionHttpClient.create(),
                  // BUG: Diagnostic contains: AWS SDK v2 async HTTP client
                  NettyNioAsyncHttpClient.builder().maxConcurrency(10).build(),
                  // BUG: Diagnostic contains: AWS SDK v2 async HTTP client
                  AwsCrtAsyncHttpClient.create(),
                  // BUG: Diagnostic contains: AWS SDK v2 service client (S3AsyncClient)
                  S3AsyncClient.crtBuilder().build(),
                  // BUG: Diagnostic contains: S3 transfer manager
                  S3TransferManager.create(),
                  // BUG: Diagnostic contains: AWS SDK v1 service client (AmazonS3)
                  AmazonS3ClientBuilder.defaultClient(),
                  // BUG: Diagnostic contains: AWS SDK v1 service client (AmazonDynamoDB)
                  AmazonDynamoDBClientBuilder.standard().withRegion("us-east-1").build(),
                  // BUG: Diagnostic contains: AWS SDK v1 service client (AmazonS3Client)
                  new AmazonS3Client(),
                  // BUG: Diagnostic contains: S3 TransferManager
                  TransferManagerBuilder.standard().build(),
                  // BUG: Diagnostic contains: S3 TransferManager
                  new TransferManager(),
                  // BUG: Diagnostic contains: Apache HttpClient 4 connection pool
                  new PoolingHttpClientConnectionManager(),
                  // BUG: Diagnostic contains: Apache HttpClient 5 connection pool
                  PoolingHttpClientConnectionManagerBuilder.create().build(),
                  // BUG: Diagnostic contains: Apache HttpClient 5 async client
                  HttpAsyncClients.createDefault(),
                  // BUG: Diagnostic contains: Apache HttpClient 5 client
                  org.apache.hc.client5.http.impl.classic.HttpClients.createDefault(),
                  // BUG: Diagnostic contains: Netty event loop group
                  new NioEventLoopGroup(),
                  // BUG: Diagnostic contains: JDBC connection pool (HikariDataSource)
                  new HikariDataSource(),
                  // BUG: Diagnostic contains: JDBC connection pool (BasicDataSource)
                  new BasicDataSource(),
                  // BUG: Diagnostic contains: Jedis pool
                  new JedisPool("localhost", 6379),
                  // BUG: Diagnostic contains: Jedis client
                  new JedisPooled("localhost", 6379),
                  // BUG: Diagnostic contains: Jedis connection
                  new Jedis("localhost", 6379),
                  // BUG: Diagnostic contains: Lettuce client
                  RedisClient.create("redis://localhost"),
                  // BUG: Diagnostic contains: MongoDB client
                  MongoClients.create("mongodb://localhost"),
                  // BUG: Diagnostic contains: gRPC managed channel
                  ManagedChannelBuilder.forAddress("localhost", 443).build(),
                };
                return all.toString();
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
  void poolBorrowsAndValueBuildersAreNotClients() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.net.URI;
            import java.net.http.HttpRequest;
            import okhttp3.Request;
            import javax.sql.DataSource;
            import software.amazon.awssdk.services.s3.model.PutObjectRequest;

            class Handler implements RequestHandler<String, String> {
              private final DataSource pool = null; // a borrow (per-call JDBC connections: own test)
              @Override
              public String handleRequest(String input, Context context) {
                try (Connection c = pool.getConnection()) {
                  PutObjectRequest put = PutObjectRequest.builder().bucket("b").key("k").build();
                  HttpRequest request = HttpRequest.newBuilder(URI.create("https://x")).build();
                  Request ok = new Request.Builder().url("https://x").build();
                  return c.toString() + put + request + ok;
                } catch (SQLException e) {
                  throw new RuntimeException(e);
                }
              }
            }
            """)
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

  @Test
  void reactorNettyConnectionProviders() {
    helper
        .addSourceLines(
            "Providers.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import reactor.netty.resources.ConnectionProvider;

            class Providers implements RequestHandler<String, String> {
              private static final ConnectionProvider SHARED = ConnectionProvider.create("shared", 50);

              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: Reactor Netty connection pool
                ConnectionProvider perCall = ConnectionProvider.create("per-call");
                // BUG: Diagnostic contains: ConnectionProvider.builder(…)…build()
                ConnectionProvider built = ConnectionProvider.builder("built").maxConnections(10).build();
                // newConnection() returns one shared instance that pools nothing: not a new pool.
                ConnectionProvider none = ConnectionProvider.newConnection();
                return SHARED.name() + perCall.name() + built.name() + none;
              }
            }
            """)
        .doTest();
  }
}
