package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Where calls go: a template method of a base class reaches the overrides of the handler class
 * that inherits it; a call through the project's own interface or abstract class reaches its only
 * implementation; a lazy getter on an object built on every invocation guards nothing.
 */
final class ClientBuiltInHandlerDispatchTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  private static final String SQS_BASE =
      """
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.SQSEvent;

      abstract class AbstractSqsHandler implements RequestHandler<SQSEvent, Void> {
        @Override
        public Void handleRequest(SQSEvent event, Context context) {
          for (SQSEvent.SQSMessage message : event.getRecords()) {
            dispatch(message, context);
          }
          event.getRecords().forEach(this::audit);
          return null;
        }

        private void dispatch(SQSEvent.SQSMessage message, Context context) {
          handleRecord(message, context);
        }

        protected abstract void handleRecord(SQSEvent.SQSMessage message, Context context);

        protected void audit(SQSEvent.SQSMessage message) {}
      }
      """;

  @Test
  void aTemplateMethodReachesTheOverridesOfEachHandlerClass() {
    helper
        .addSourceLines("AbstractSqsHandler.java", SQS_BASE)
        .addSourceLines(
            "Forwarding.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;
            import software.amazon.awssdk.services.sqs.SqsClient;

            class Forwarding extends AbstractSqsHandler {
              @Override
              protected void handleRecord(SQSEvent.SQSMessage message, Context context) {
                // BUG: Diagnostic contains: SqsClient.create() builds a new AWS SDK v2 service client (SqsClient) on every invocation of handler Forwarding.handleRequest, which implements RequestHandler (via Forwarding.handleRequest → dispatch → handleRecord)
                SqsClient.create().close();
              }
            }
            """)
        .addSourceLines(
            "Auditing.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;
            import java.net.http.HttpClient;

            class Auditing extends AbstractSqsHandler {
              private static final HttpClient HTTP = HttpClient.newHttpClient();

              @Override
              protected void handleRecord(SQSEvent.SQSMessage message, Context context) {
                HTTP.toString();
              }

              @Override
              protected void audit(SQSEvent.SQSMessage message) {
                // BUG: Diagnostic contains: (via Auditing.handleRequest → audit)
                HttpClient.newHttpClient();
              }
            }
            """)
        .addSourceLines(
            "Abstract.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;
            import java.net.http.HttpClient;

            // Abstract: the platform never runs it, its concrete subclasses are judged on their own.
            abstract class Abstract extends AbstractSqsHandler {
              @Override
              protected void handleRecord(SQSEvent.SQSMessage message, Context context) {
                HttpClient.newHttpClient();
              }
            }
            """)
        .doTest();
  }

  @Test
  void theOverrideIsFoundWhicheverFileComesFirst() {
    helper
        .addSourceLines(
            "Forwarding.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;
            import software.amazon.awssdk.services.sqs.SqsClient;

            class Forwarding extends AbstractSqsHandler {
              @Override
              protected void handleRecord(SQSEvent.SQSMessage message, Context context) {
                // BUG: Diagnostic contains: (via Forwarding.handleRequest → dispatch → handleRecord)
                SqsClient.create().close();
              }
            }
            """)
        .addSourceLines("AbstractSqsHandler.java", SQS_BASE)
        .doTest();
  }

  @Test
  void aTemplateMethodInTheSameFileAndAnOverriddenDefault() {
    helper
        .addSourceLines(
            "Handlers.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            abstract class Base implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                return process(input) + super.toString();
              }

              String process(String input) {
                // BUG: Diagnostic contains: handler Base.handleRequest, which implements RequestHandler (via Base.handleRequest → process)
                return S3Client.create().toString();
              }
            }

            class Special extends Base {
              @Override
              String process(String input) {
                // BUG: Diagnostic contains: handler Special.handleRequest, which implements RequestHandler (via Special.handleRequest → process)
                return HttpClient.newHttpClient().toString() + super.process(input);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aCallThroughTheProjectsOwnInterfaceReachesItsOnlyImplementation() {
    helper
        .addSourceLines(
            "Notifier.java",
            """
            interface Notifier {
              void send(String message);
            }
            """)
        .addSourceLines(
            "SqsNotifier.java",
            """
            import software.amazon.awssdk.services.sqs.SqsClient;

            class SqsNotifier implements Notifier {
              @Override
              public void send(String message) {
                try (SqsClient sqs = SqsClient.create()) {
                  sqs.toString();
                }
              }
            }
            """)
        .addSourceLines(
            "Store.java",
            """
            import software.amazon.awssdk.services.s3.S3Client;

            abstract class Store {
              abstract void put(String key);
            }

            class S3Store extends Store {
              @Override
              void put(String key) {
                S3Client.create().close();
              }
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;

            class Handler implements RequestHandler<String, String> {
              private final Notifier notifier = new SqsNotifier();
              private final Store store = new S3Store();

              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: notifier.send(…) reaches SqsNotifier.send, which builds a new AWS SDK v2 service client (SqsClient) with SqsClient.create() on every invocation of handler Handler.handleRequest, which implements RequestHandler (via Handler.handleRequest → send)
                notifier.send(input);
                // BUG: Diagnostic contains: store.put(…) reaches S3Store.put, which builds a new AWS SDK v2 service client (S3Client)
                store.put(input);
                return input;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aCallWithSeveralPossibleImplementationsOrThroughALibraryInterfaceIsNotFollowed() {
    helper
        .addSourceLines(
            "Notifiers.java",
            """
            import java.util.function.Consumer;
            import software.amazon.awssdk.services.sqs.SqsClient;

            interface Notifier {
              void send(String message);
            }

            class SqsNotifier implements Notifier {
              @Override
              public void send(String message) {
                SqsClient.create().close();
              }
            }

            class LogNotifier implements Notifier {
              @Override
              public void send(String message) {}
            }

            // The only Consumer in the compilation, but Consumer is a library interface: a call
            // through it may run any lambda.
            class SqsConsumer implements Consumer<String> {
              @Override
              public void accept(String message) {
                SqsClient.create().close();
              }
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.function.Consumer;

            class Handler implements RequestHandler<String, String> {
              private final Notifier notifier;
              private final Consumer<String> consumer;

              Handler(Notifier notifier, Consumer<String> consumer) {
                this.notifier = notifier;
                this.consumer = consumer;
              }

              @Override
              public String handleRequest(String input, Context context) {
                notifier.send(input);
                consumer.accept(input);
                return input;
              }
            }
            """)
        .doTest();
  }

  private static final String UPLOADER =
      """
      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;
      import software.amazon.awssdk.regions.Region;
      import software.amazon.awssdk.services.s3.S3Client;

      class Uploader {
        private static S3Client shared;
        private S3Client s3;
        private final Map<String, S3Client> byRegion = new ConcurrentHashMap<>();

        void upload(String key) {
          s3().toString();
        }

        private S3Client s3() {
          if (this.s3 == null) {
            this.s3 = S3Client.create();
          }
          return s3;
        }

        void uploadShared(String key) {
          if (shared == null) {
            shared = S3Client.create();
          }
        }

        void uploadTo(String region) {
          byRegion.computeIfAbsent(region, r -> S3Client.builder().region(Region.of(r)).build());
        }
      }
      """;

  @Test
  void aLazyGetterOnAnObjectBuiltPerInvocationBuildsPerInvocation() {
    helper
        .addSourceLines("Uploader.java", UPLOADER)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: new Uploader()…upload(…) reaches Uploader.s3, which builds a new AWS SDK v2 service client (S3Client) with S3Client.create() on every invocation of handler Handler.handleRequest, which implements RequestHandler (via Handler.handleRequest → upload → s3)
                new Uploader().upload(input);
                Uploader perCall = new Uploader();
                // BUG: Diagnostic contains: perCall.uploadTo(…) reaches Uploader.uploadTo
                perCall.uploadTo(input);
                // A guard on static state holds whatever object it is on.
                perCall.uploadShared(input);
                return input;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLazyGetterOnAnObjectKeptAcrossInvocationsBuildsOnce() {
    helper
        .addSourceLines("Uploader.java", UPLOADER)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;

            class Handler implements RequestHandler<String, String> {
              private static final Uploader SHARED = new Uploader();
              private final Uploader uploader = new Uploader();
              private final Uploader injected;

              Handler(Uploader injected) {
                this.injected = injected;
              }

              @Override
              public String handleRequest(String input, Context context) {
                uploader.upload(input);
                SHARED.uploadTo(input);
                injected.upload(input);
                helper().upload(input);
                return input;
              }

              private Uploader helper() {
                return uploader;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLazyGetterInTheHandlersOwnFileOnAPerCallObject() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;

            class Handler implements RequestHandler<String, String> {
              private HttpClient own;

              @Override
              public String handleRequest(String input, Context context) {
                Session session = new Session();
                return session.http().toString() + own();
              }

              // The handler object is kept between invocations: its own lazy getter builds once.
              private HttpClient own() {
                if (own == null) {
                  own = HttpClient.newHttpClient();
                }
                return own;
              }

              static final class Session {
                private HttpClient http;

                HttpClient http() {
                  if (http == null) {
                    // BUG: Diagnostic contains: (via Handler.handleRequest → http)
                    http = HttpClient.newHttpClient();
                  }
                  return http;
                }
              }
            }
            """)
        .doTest();
  }
}
