package io.github.leakguard.bugpatterns;

import io.github.leakguard.AppliedFixes;
import org.junit.jupiter.api.Test;

/**
 * The exact output of ClientBuiltInHandler's fix: where the field goes, how it is indented, wrapped
 * and named, what happens to the local or field that held the client, and the shapes that get no
 * fix.
 */
final class ClientBuiltInHandlerFixTest {
  private final AppliedFixes.Helper helper = AppliedFixes.Helper.of(ClientBuiltInHandler.class);

  @Test
  void aFinalLocalBecomesAStaticFieldAfterTheOtherStaticFields() {
    helper
        .addInput(
            "OrderHandler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            public class OrderHandler implements RequestHandler<String, String> {

              private static final String TABLE = System.getenv("TABLE");
              private static final String BUCKET = System.getenv("BUCKET");

              private final String name = "orders";

              @Override
              public String handleRequest(String input, Context context) {
                DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.EU_WEST_1).build();
                dynamo.describeTable(b -> b.tableName(TABLE));
                return dynamo.serviceName() + BUCKET + name;
              }
            }
            """)
        .addOutput(
            "OrderHandler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            public class OrderHandler implements RequestHandler<String, String> {

              private static final String TABLE = System.getenv("TABLE");
              private static final String BUCKET = System.getenv("BUCKET");
              private static final DynamoDbClient DYNAMO =
                  DynamoDbClient.builder().region(Region.EU_WEST_1).build();

              private final String name = "orders";

              @Override
              public String handleRequest(String input, Context context) {
                DYNAMO.describeTable(b -> b.tableName(TABLE));
                return DYNAMO.serviceName() + BUCKET + name;
              }
            }
            """)
        .doTest();
  }

  @Test
  void firstInTheClassWhenItHasNoStaticFieldAndOneBlankLineAfterIt() {
    helper
        .addInput(
            "Report.java",
            """
            import com.google.cloud.functions.HttpFunction;
            import com.google.cloud.functions.HttpRequest;
            import com.google.cloud.functions.HttpResponse;
            import java.net.http.HttpClient;

            public class Report implements HttpFunction {
              private final String name = "report";

              @Override
              public void service(HttpRequest request, HttpResponse response) throws Exception {
                HttpClient client = HttpClient.newHttpClient();
                response.getWriter().write(client.version() + name);
              }
            }
            """)
        .addOutput(
            "Report.java",
            """
            import com.google.cloud.functions.HttpFunction;
            import com.google.cloud.functions.HttpRequest;
            import com.google.cloud.functions.HttpResponse;
            import java.net.http.HttpClient;

            public class Report implements HttpFunction {
              private static final HttpClient CLIENT = HttpClient.newHttpClient();

              private final String name = "report";

              @Override
              public void service(HttpRequest request, HttpResponse response) throws Exception {
                response.getWriter().write(CLIENT.version() + name);
              }
            }
            """)
        .doTest();
  }

  @Test
  void twoClientsInAClassWithABlankLineAfterItsBraceGoFirstInOrder() {
    helper
        .addInput(
            "Report.java",
            """
            import com.google.cloud.functions.HttpFunction;
            import com.google.cloud.functions.HttpRequest;
            import com.google.cloud.functions.HttpResponse;
            import java.net.http.HttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            public class Report implements HttpFunction {

              @Override
              public void service(HttpRequest request, HttpResponse response) throws Exception {
                HttpClient client = HttpClient.newHttpClient();
                response.getWriter().write(client.version() + " " + S3Client.create().serviceName());
              }
            }
            """)
        .addOutput(
            "Report.java",
            """
            import com.google.cloud.functions.HttpFunction;
            import com.google.cloud.functions.HttpRequest;
            import com.google.cloud.functions.HttpResponse;
            import java.net.http.HttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            public class Report implements HttpFunction {
              private static final HttpClient CLIENT = HttpClient.newHttpClient();
              private static final S3Client S3_CLIENT = S3Client.create();

              @Override
              public void service(HttpRequest request, HttpResponse response) throws Exception {
                response.getWriter().write(CLIENT.version() + " " + S3_CLIENT.serviceName());
              }
            }
            """)
        .doTest();
  }

  @Test
  void fourSpaceIndentationIsKept() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
                private static final String BUCKET = "b";

                @Override
                public String handleRequest(String input, Context context) {
                    if (input.isEmpty()) {
                        S3Client s3Client = S3Client.builder().region(Region.AP_SOUTHEAST_2).build();
                        return s3Client.listObjects(b -> b.bucket(BUCKET)).toString();
                    }
                    return input;
                }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
                private static final String BUCKET = "b";
                private static final S3Client S3_CLIENT =
                        S3Client.builder().region(Region.AP_SOUTHEAST_2).build();

                @Override
                public String handleRequest(String input, Context context) {
                    if (input.isEmpty()) {
                        return S3_CLIENT.listObjects(b -> b.bucket(BUCKET)).toString();
                    }
                    return input;
                }
            }
            """)
        .doTest();
  }

  @Test
  void tabIndentationIsKept() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
            \t@Override
            \tpublic String handleRequest(String input, Context context) {
            \t\tS3Client s3 = S3Client.create();
            \t\treturn s3.serviceName();
            \t}
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
            \tprivate static final S3Client S3 = S3Client.create();

            \t@Override
            \tpublic String handleRequest(String input, Context context) {
            \t\treturn S3.serviceName();
            \t}
            }
            """)
        .doTest();
  }

  @Test
  void constantNamesKeepAcronymsWhole() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;
            import java.util.List;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                DynamoDbClient dynamoDBClient = DynamoDbClient.create();
                List<Object> clients =
                    List.of(
                        new AmazonDynamoDBClient(),
                        DynamoDbClient.create(),
                        HttpClient.newHttpClient(),
                        S3Client.create());
                return clients.toString() + dynamoDBClient;
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;
            import java.util.List;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final DynamoDbClient DYNAMO_DB_CLIENT = DynamoDbClient.create();
              private static final AmazonDynamoDBClient AMAZON_DYNAMO_DB_CLIENT = new AmazonDynamoDBClient();
              private static final DynamoDbClient DYNAMO_DB_CLIENT_2 = DynamoDbClient.create();
              private static final HttpClient HTTP_CLIENT = HttpClient.newHttpClient();
              private static final S3Client S3_CLIENT = S3Client.create();

              @Override
              public String handleRequest(String input, Context context) {
                List<Object> clients =
                    List.of(
                        AMAZON_DYNAMO_DB_CLIENT,
                        DYNAMO_DB_CLIENT_2,
                        HTTP_CLIENT,
                        S3_CLIENT);
                return clients.toString() + DYNAMO_DB_CLIENT;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aWrappedBuilderKeepsItsLineBreaksReindented() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.time.Duration;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                DynamoDbClient dynamo =
                    DynamoDbClient.builder()
                        .region(Region.EU_WEST_1)
                        .httpClientBuilder(
                            ApacheHttpClient.builder().connectionMaxIdleTime(Duration.ofSeconds(30)))
                        .build();
                return dynamo.serviceName();
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.time.Duration;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class Handler implements RequestHandler<String, String> {
              private static final DynamoDbClient DYNAMO =
                  DynamoDbClient.builder()
                      .region(Region.EU_WEST_1)
                      .httpClientBuilder(
                          ApacheHttpClient.builder().connectionMaxIdleTime(Duration.ofSeconds(30)))
                      .build();

              @Override
              public String handleRequest(String input, Context context) {
                return DYNAMO.serviceName();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aLongOneLineChainIsBrokenBeforeEachCall() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                return new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).connectTimeout(2, TimeUnit.SECONDS).build().toString();
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;

            class Handler implements RequestHandler<String, String> {
              private static final OkHttpClient OK_HTTP_CLIENT =
                  new OkHttpClient.Builder()
                      .callTimeout(10, TimeUnit.SECONDS)
                      .connectTimeout(2, TimeUnit.SECONDS)
                      .build();

              @Override
              public String handleRequest(String input, Context context) {
                return OK_HTTP_CLIENT.toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aClientBuiltInsideAnotherMovesWithIt() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                S3Client s3 = S3Client.builder().httpClient(ApacheHttpClient.create()).build();
                return s3.serviceName();
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final S3Client S3 =
                  S3Client.builder().httpClient(ApacheHttpClient.create()).build();

              @Override
              public String handleRequest(String input, Context context) {
                return S3.serviceName();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aReassignedLocalKeepsItsDeclarationAndTakesTheField() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final S3Client FALLBACK = null;

              @Override
              public String handleRequest(String input, Context context) {
                S3Client s3 = S3Client.create();
                if (input.isEmpty()) {
                  s3 = FALLBACK;
                }
                return s3.serviceName();
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final S3Client FALLBACK = null;
              private static final S3Client S3_CLIENT = S3Client.create();

              @Override
              public String handleRequest(String input, Context context) {
                S3Client s3 = S3_CLIENT;
                if (input.isEmpty()) {
                  s3 = FALLBACK;
                }
                return s3.serviceName();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFieldAssignedOnEveryCallIsInitializedWhereItIsDeclared() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private S3Client s3;

              @Override
              public String handleRequest(String input, Context context) {
                s3 = S3Client.create();
                return s3.serviceName();
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private final S3Client s3 = S3Client.create();

              @Override
              public String handleRequest(String input, Context context) {
                return s3.serviceName();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aFieldBuiltFromConstructorStateIsAssignedInTheConstructor() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private final Region region;
              private S3Client s3 = null;

              Handler() {
                this(Region.of(System.getenv("AWS_REGION")));
              }

              Handler(Region region) {
                this.region = region;
              }

              @Override
              public String handleRequest(String input, Context context) {
                this.s3 = S3Client.builder().region(region).build();
                return s3.serviceName();
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private final Region region;
              private final S3Client s3;

              Handler() {
                this(Region.of(System.getenv("AWS_REGION")));
              }

              Handler(Region region) {
                this.region = region;
                s3 = S3Client.builder().region(this.region).build();
              }

              @Override
              public String handleRequest(String input, Context context) {
                return s3.serviceName();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aNameTakenInTheFileGetsANumber() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final S3Client S3_CLIENT = null;

              @Override
              public String handleRequest(String input, Context context) {
                String S3 = "shadows nothing, but is taken";
                return S3Client.create().serviceName() + S3;
              }
            }
            """)
        .addOutput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final S3Client S3_CLIENT = null;
              private static final S3Client S3_CLIENT_2 = S3Client.create();

              @Override
              public String handleRequest(String input, Context context) {
                String S3 = "shadows nothing, but is taken";
                return S3_CLIENT_2.serviceName() + S3;
              }
            }
            """)
        .doTest();
  }

  @Test
  void noFixWhereTheFieldCannotBeInitializedOnce() {
    helper
        .addInput(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private S3Client fromInput;
              private S3Client assignedTwice;
              private S3Client conditional;
              private S3Client initialized = S3Client.create();
              private String mutableRegion = "eu-west-1";
              private S3Client fromMutableField;
              private S3Client closedAfterUse;

              @Override
              public String handleRequest(String input, Context context) {
                closedAfterUse = S3Client.create();
                try {
                  closedAfterUse.listBuckets();
                } finally {
                  closedAfterUse.close();
                }
                fromInput = S3Client.builder().region(Region.of(input)).build();
                assignedTwice = S3Client.create();
                if (input.isEmpty()) {
                  conditional = S3Client.create();
                }
                initialized = S3Client.create();
                fromMutableField = S3Client.builder().region(Region.of(mutableRegion)).build();
                return fromInput.serviceName() + conditional + fromMutableField;
              }

              void reset() {
                assignedTwice = null;
              }
            }
            """)
        .expectNoFix("Handler.java")
        .doTest();
  }

  @Test
  void noFixWhereNoConstructorCanTakeIt() {
    helper
        .addInput(
            "Early.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Early implements RequestHandler<String, String> {
              private final Region region;
              private S3Client s3;

              Early(boolean fallback) {
                if (fallback) {
                  region = Region.US_EAST_1;
                  return;
                }
                region = Region.EU_WEST_1;
              }

              @Override
              public String handleRequest(String input, Context context) {
                s3 = S3Client.builder().region(region).build();
                return s3.serviceName();
              }
            }
            """)
        .expectNoFix("Early.java")
        .addInput(
            "Later.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;

            class Later implements RequestHandler<String, String> {
              private S3Client s3;
              private final Region region = Region.EU_WEST_1;

              @Override
              public String handleRequest(String input, Context context) {
                s3 = S3Client.builder().region(region).build();
                return s3.serviceName();
              }
            }
            """)
        .expectNoFix("Later.java")
        .doTest();
  }

  @Test
  void noFixWhereNoStaticFieldCanBePlaced() {
    helper
        .addInput(
            "Mode.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import software.amazon.awssdk.services.s3.S3Client;

            enum Mode {
              ON,
              OFF;

              public String handle(String input, Context context) {
                return S3Client.create().serviceName();
              }
            }
            """)
        .expectNoFix("Mode.java")
        .addInput(
            "OneLine.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class OneLine implements RequestHandler<String, String> { public String handleRequest(String input, Context context) { return S3Client.create().serviceName(); } }
            """)
        .expectNoFix("OneLine.java")
        .doTest();
  }
}
