import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic serverless function module of N source files for bench/overhead: Lambda
 * handlers, services on the AWS SDK v2, Apache HttpClient 5 and OkHttp callers, JDBC repositories
 * on HikariCP, worker pools, helpers and models, about a quarter of the resource-holding files with
 * a leak. Deterministic for a given size and seed. Run: {@code java GenerateModule.java DIR N}.
 */
public final class GenerateModule {

  private static final int GROUP = 50;

  /** Writes one source file: package, class name, and whether it carries a leak. */
  private interface Template {
    String write(String pkg, String name, boolean defect);
  }

  private record Kind(String prefix, Template template) {}

  /** The files of a package after its model and helper, in turn: a realistic function's mix. */
  private static final List<Kind> ROTATION =
      List.of(
          new Kind("ApiHandler", GenerateModule::apiHandler),
          new Kind("QueueHandler", GenerateModule::queueHandler),
          new Kind("StorageService", GenerateModule::storageService),
          new Kind("HttpGateway", GenerateModule::apacheGateway),
          new Kind("OkGateway", GenerateModule::okGateway),
          new Kind("ApiHandler", GenerateModule::apiHandler),
          new Kind("OrderRepository", GenerateModule::repository),
          new Kind("Fanout", GenerateModule::fanout),
          new Kind("Pricing", (pkg, name, defect) -> pricing(pkg, name)),
          new Kind("OrderView", (pkg, name, defect) -> view(pkg, name)));

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
    // Whether files may carry their planted defect: "none" generates the same module with every
    // defect fixed, to tell the cost of analysing code from the cost of reporting findings.
    boolean defects = args.length <= 3 || !args[3].equals("none");
    for (int i = 0; i < count; i++) {
      int group = i / GROUP;
      String pkg = "com.example.fn.g" + group;
      int slot = i % GROUP;
      boolean defect = random.nextInt(4) == 0 && defects;
      String name;
      String body;
      if (slot == 0) {
        name = "Order";
        body = model(pkg);
      } else if (slot == 1) {
        name = "Text";
        body = helper(pkg);
      } else {
        Kind kind = ROTATION.get(slot % ROTATION.size());
        name = kind.prefix() + i;
        body = kind.template().write(pkg, name, defect);
      }
      Path file = out.resolve(pkg.replace('.', '/')).resolve(name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, body);
    }
  }

  private static String model(String pkg) {
    return """
        package %s;

        import java.math.BigDecimal;
        import java.time.Instant;
        import java.util.List;
        import java.util.Objects;

        /** An order as the functions of this group pass it around. */
        public record Order(String id, String customer, List<String> items, BigDecimal total,
            Instant created) {
          public Order {
            Objects.requireNonNull(id, "id");
            items = List.copyOf(items);
          }

          public static Order parse(String line) {
            String[] parts = line.split(",");
            if (parts.length < 3) {
              throw new IllegalArgumentException("bad order: " + line);
            }
            return new Order(parts[0].trim(), parts[1].trim(), List.of(parts).subList(2, parts.length),
                new BigDecimal(parts.length * 3), Instant.EPOCH);
          }

          public String toLine() {
            return id + "," + customer + "," + String.join(",", items);
          }

          public boolean isLarge() {
            return total.compareTo(BigDecimal.valueOf(1000)) > 0 || items.size() > 20;
          }
        }
        """
        .formatted(pkg);
  }

  private static String helper(String pkg) {
    return """
        package %s;

        import java.nio.charset.StandardCharsets;
        import java.util.ArrayList;
        import java.util.Base64;
        import java.util.List;
        import java.util.Locale;
        import java.util.Map;
        import java.util.TreeMap;
        import java.util.stream.Collectors;

        /** Text helpers shared by the functions of this group. */
        public final class Text {
          private Text() {}

          public static String json(Map<String, ?> fields) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<String, ?> e : new TreeMap<>(fields).entrySet()) {
              if (out.length() > 1) {
                out.append(',');
              }
              out.append('"').append(escape(e.getKey())).append("\\":");
              Object v = e.getValue();
              out.append(v instanceof Number ? v.toString() : '"' + escape(String.valueOf(v)) + '"');
            }
            return out.append('}').toString();
          }

          public static String escape(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
              switch (c) {
                case '"' -> out.append("\\\\\\"");
                case '\\\\' -> out.append("\\\\\\\\");
                case '\\n' -> out.append("\\\\n");
                default -> out.append(c);
              }
            }
            return out.toString();
          }

          public static List<String> lines(String body) {
            List<String> out = new ArrayList<>();
            for (String line : body.split("\\\\R")) {
              if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.strip());
              }
            }
            return out;
          }

          public static String key(String prefix, String id) {
            return prefix.toLowerCase(Locale.ROOT) + "/" + id.substring(0, Math.min(2, id.length()))
                + "/" + id;
          }

          public static String encode(String s) {
            return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
          }

          public static String summary(List<Order> orders) {
            return orders.stream()
                .filter(Order::isLarge)
                .map(Order::id)
                .sorted()
                .collect(Collectors.joining(",", "[", "]"));
          }
        }
        """
        .formatted(pkg);
  }

  private static String apiHandler(String pkg, String name, boolean defect) {
    String client =
        defect
            ? "    S3Client s3 = S3Client.builder().region(Region.EU_WEST_1).build();\n"
            : "    S3Client s3 = S3;\n";
    return """
        package %1$s;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
        import java.util.Map;
        import software.amazon.awssdk.core.sync.RequestBody;
        import software.amazon.awssdk.regions.Region;
        import software.amazon.awssdk.services.s3.S3Client;
        import software.amazon.awssdk.services.s3.model.GetObjectRequest;
        import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
        import software.amazon.awssdk.services.s3.model.PutObjectRequest;

        /** Stores and reads orders through an API Gateway proxy integration. */
        public class %2$s
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
          private static final S3Client S3 = S3Client.builder().region(Region.EU_WEST_1).build();
          private static final String BUCKET = System.getenv().getOrDefault("BUCKET", "orders");

          @Override
          public APIGatewayProxyResponseEvent handleRequest(
              APIGatewayProxyRequestEvent request, Context context) {
        %3$s    String id = request.getPathParameters() == null ? null : request.getPathParameters().get("id");
            if (id == null || id.isBlank()) {
              return respond(400, Map.of("error", "missing id"));
            }
            String key = Text.key("orders", id);
            if ("POST".equals(request.getHttpMethod())) {
              Order order = Order.parse(request.getBody());
              s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(),
                  RequestBody.fromString(order.toLine()));
              context.getLogger().log("stored " + key);
              return respond(201, Map.of("id", order.id()));
            }
            try {
              String line = s3.getObjectAsBytes(
                  GetObjectRequest.builder().bucket(BUCKET).key(key).build()).asUtf8String();
              Order order = Order.parse(line);
              return respond(200, Map.of("id", order.id(), "items", order.items().size()));
            } catch (NoSuchKeyException e) {
              return respond(404, Map.of("error", "no order " + id));
            }
          }

          private static APIGatewayProxyResponseEvent respond(int status, Map<String, ?> body) {
            return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Text.json(body));
          }
        }
        """
        .formatted(pkg, name, client);
  }

  private static String queueHandler(String pkg, String name, boolean defect) {
    String client =
        defect
            ? "      DynamoDbClient dynamo = DynamoDbClient.create();\n"
            : "      DynamoDbClient dynamo = DYNAMO;\n";
    return """
        package %1$s;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
        import com.amazonaws.services.lambda.runtime.events.SQSEvent;
        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
        import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

        /** Writes each order of an SQS batch to DynamoDB, reporting the failures for retry. */
        public final class %2$s implements RequestHandler<SQSEvent, SQSBatchResponse> {
          private static final DynamoDbClient DYNAMO = DynamoDbClient.create();
          private final String table = System.getenv().getOrDefault("TABLE", "orders");

          @Override
          public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
              try {
                save(Order.parse(message.getBody()));
              } catch (RuntimeException e) {
                context.getLogger().log("failed " + message.getMessageId() + ": " + e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
              }
            }
            return new SQSBatchResponse(failures);
          }

          private void save(Order order) {
        %3$s      Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.builder().s(order.id()).build());
            item.put("customer", AttributeValue.builder().s(order.customer()).build());
            item.put("items", AttributeValue.builder().ss(order.items()).build());
            item.put("total", AttributeValue.builder().n(order.total().toPlainString()).build());
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
          }
        }
        """
        .formatted(pkg, name, client);
  }

  private static String storageService(String pkg, String name, boolean defect) {
    String httpClient =
        defect
            ? "ApacheHttpClient.builder().build()"
            : "ApacheHttpClient.builder()\n"
                + "          .maxConnections(50)\n"
                + "          .connectionTimeout(Duration.ofSeconds(2))\n"
                + "          .connectionMaxIdleTime(Duration.ofSeconds(30))\n"
                + "          .build()";
    return """
        package %1$s;

        import java.time.Duration;
        import java.util.List;
        import java.util.stream.Collectors;
        import software.amazon.awssdk.core.sync.RequestBody;
        import software.amazon.awssdk.http.SdkHttpClient;
        import software.amazon.awssdk.http.apache.ApacheHttpClient;
        import software.amazon.awssdk.regions.Region;
        import software.amazon.awssdk.services.s3.S3Client;
        import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
        import software.amazon.awssdk.services.s3.model.PutObjectRequest;
        import software.amazon.awssdk.services.s3.model.S3Object;
        import software.amazon.awssdk.services.sqs.SqsClient;
        import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

        /** Archives orders to S3 and announces them on a queue; built once per environment. */
        public final class %2$s {
          private static final SdkHttpClient HTTP = %3$s;
          private static final S3Client S3 =
              S3Client.builder().region(Region.EU_WEST_1).httpClient(HTTP).build();
          private static final SqsClient SQS = SqsClient.builder().httpClient(HTTP).build();

          private final String bucket;
          private final String queueUrl;

          public %2$s(String bucket, String queueUrl) {
            this.bucket = bucket;
            this.queueUrl = queueUrl;
          }

          public void archive(List<Order> orders) {
            String body = orders.stream().map(Order::toLine).collect(Collectors.joining("\\n"));
            String key = Text.key("archive", Integer.toHexString(body.hashCode()));
            S3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(),
                RequestBody.fromString(body));
            SQS.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(key).build());
          }

          public List<String> archived(String prefix) {
            return S3.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                .contents().stream()
                .map(S3Object::key)
                .sorted()
                .collect(Collectors.toList());
          }
        }
        """
        .formatted(pkg, name, httpClient);
  }

  private static String apacheGateway(String pkg, String name, boolean defect) {
    // The "defect" here is not a leak: EntityUtils.toString consumes the entity, which releases
    // the pooled connection, so LeakGuard reports nothing (bench/NOTES.md, fifth look). It is
    // kept as it is so that modules stay the same as in the runs the docs record; it still costs
    // the release analysis a control-flow graph, as a real leak would.
    String call =
        defect
            ? """
                CloseableHttpResponse response = CLIENT.execute(get);
                return EntityUtils.toString(response.getEntity());
            """
            : """
                return CLIENT.execute(get, response -> EntityUtils.toString(response.getEntity()));
            """;
    return """
        package %1$s;

        import java.io.IOException;
        import java.util.concurrent.TimeUnit;
        import org.apache.hc.client5.http.classic.methods.HttpGet;
        import org.apache.hc.client5.http.classic.methods.HttpPost;
        import org.apache.hc.client5.http.config.RequestConfig;
        import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
        import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
        import org.apache.hc.client5.http.impl.classic.HttpClients;
        import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
        import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
        import org.apache.hc.core5.http.ContentType;
        import org.apache.hc.core5.http.ParseException;
        import org.apache.hc.core5.http.io.entity.EntityUtils;
        import org.apache.hc.core5.http.io.entity.StringEntity;
        import org.apache.hc.core5.util.TimeValue;
        import org.apache.hc.core5.util.Timeout;

        /** Calls the partner order API over a bounded, shared connection pool. */
        public final class %2$s {
          private static final PoolingHttpClientConnectionManager POOL =
              PoolingHttpClientConnectionManagerBuilder.create()
                  .setMaxConnTotal(100)
                  .setMaxConnPerRoute(20)
                  .build();
          private static final CloseableHttpClient CLIENT =
              HttpClients.custom()
                  .setConnectionManager(POOL)
                  .evictIdleConnections(TimeValue.ofSeconds(30))
                  .setDefaultRequestConfig(
                      RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(5)).build())
                  .build();

          private final String baseUrl;

          public %2$s(String baseUrl) {
            this.baseUrl = baseUrl;
          }

          public String fetch(String id) throws IOException, ParseException {
            HttpGet get = new HttpGet(baseUrl + "/orders/" + id);
            get.addHeader("Accept", "application/json");
        %3$s  }

          public int submit(Order order) throws IOException {
            HttpPost post = new HttpPost(baseUrl + "/orders");
            post.setEntity(new StringEntity(Text.json(java.util.Map.of("id", order.id())),
                ContentType.APPLICATION_JSON));
            return CLIENT.execute(post, response -> response.getCode());
          }

          public static long idleSeconds() {
            return TimeUnit.MINUTES.toSeconds(1);
          }
        }
        """
        .formatted(pkg, name, call);
  }

  private static String okGateway(String pkg, String name, boolean defect) {
    String call =
        defect
            ? """
                Response response = CLIENT.newCall(request).execute();
                if (!response.isSuccessful()) {
                  throw new IOException("unexpected " + response.code());
                }
                return response.body().string();
            """
            : """
                try (Response response = CLIENT.newCall(request).execute()) {
                  if (!response.isSuccessful()) {
                    throw new IOException("unexpected " + response.code());
                  }
                  return response.body().string();
                }
            """;
    return """
        package %1$s;

        import java.io.IOException;
        import java.time.Duration;
        import java.util.concurrent.TimeUnit;
        import okhttp3.ConnectionPool;
        import okhttp3.MediaType;
        import okhttp3.OkHttpClient;
        import okhttp3.Request;
        import okhttp3.RequestBody;
        import okhttp3.Response;

        /** Calls the shipping API with OkHttp. */
        public final class %2$s {
          private static final MediaType JSON = MediaType.get("application/json");
          private static final OkHttpClient CLIENT =
              new OkHttpClient.Builder()
                  .connectionPool(new ConnectionPool(10, 30, TimeUnit.SECONDS))
                  .connectTimeout(Duration.ofSeconds(2))
                  .readTimeout(Duration.ofSeconds(5))
                  .build();

          private final String baseUrl;

          public %2$s(String baseUrl) {
            this.baseUrl = baseUrl;
          }

          public String track(String id) throws IOException {
            Request request = new Request.Builder().url(baseUrl + "/track/" + id).get().build();
        %3$s  }

          public boolean ship(Order order) throws IOException {
            Request request = new Request.Builder()
                .url(baseUrl + "/ship")
                .post(RequestBody.create(Text.json(java.util.Map.of("id", order.id())), JSON))
                .build();
            try (Response response = CLIENT.newCall(request).execute()) {
              return response.isSuccessful();
            }
          }
        }
        """
        .formatted(pkg, name, call);
  }

  private static String repository(String pkg, String name, boolean defect) {
    String find =
        defect
            ? """
                Connection connection = DriverManager.getConnection(url);
                PreparedStatement statement = connection.prepareStatement(
                    "select id, customer from orders where id = ?");
                statement.setString(1, id);
                ResultSet rows = statement.executeQuery();
                return rows.next() ? Optional.of(rows.getString("customer")) : Optional.empty();
            """
            : """
                try (Connection connection = POOL.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                        "select id, customer from orders where id = ?")) {
                  statement.setString(1, id);
                  try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString("customer")) : Optional.empty();
                  }
                }
            """;
    return """
        package %1$s;

        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        import java.sql.Connection;
        import java.sql.DriverManager;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Optional;

        /** Reads and writes orders in PostgreSQL through a small pool. */
        public final class %2$s {
          private static final HikariDataSource POOL = pool();

          private final String url;

          public %2$s(String url) {
            this.url = url;
          }

          private static HikariDataSource pool() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(System.getenv().getOrDefault("JDBC_URL", "jdbc:postgresql://db/orders"));
            config.setMaximumPoolSize(2);
            config.setIdleTimeout(60_000);
            config.setMaxLifetime(300_000);
            return new HikariDataSource(config);
          }

          public Optional<String> customerOf(String id) throws SQLException {
        %3$s  }

          public int insert(List<Order> orders) throws SQLException {
            try (Connection connection = POOL.getConnection();
                PreparedStatement statement =
                    connection.prepareStatement("insert into orders(id, customer) values (?, ?)")) {
              for (Order order : orders) {
                statement.setString(1, order.id());
                statement.setString(2, order.customer());
                statement.addBatch();
              }
              int total = 0;
              for (int n : statement.executeBatch()) {
                total += n;
              }
              return total;
            }
          }

          public List<String> ids() throws SQLException {
            List<String> ids = new ArrayList<>();
            try (Connection connection = POOL.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select id from orders")) {
              while (rows.next()) {
                ids.add(rows.getString(1));
              }
            }
            return ids;
          }
        }
        """
        .formatted(pkg, name, find);
  }

  private static String fanout(String pkg, String name, boolean defect) {
    String pool =
        defect
            ? "    ExecutorService workers = Executors.newCachedThreadPool();\n"
            : "    ExecutorService workers = WORKERS;\n";
    return """
        package %1$s;

        import java.util.ArrayList;
        import java.util.List;
        import java.util.concurrent.CompletableFuture;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;
        import java.util.function.Function;

        /** Runs one lookup per order in parallel on a bounded pool. */
        public final class %2$s {
          private static final ExecutorService WORKERS = Executors.newFixedThreadPool(8);

          public List<String> lookUp(List<Order> orders, Function<Order, String> lookup) {
        %3$s    List<CompletableFuture<String>> futures = new ArrayList<>();
            for (Order order : orders) {
              futures.add(CompletableFuture.supplyAsync(() -> lookup.apply(order), workers));
            }
            List<String> results = new ArrayList<>(futures.size());
            for (CompletableFuture<String> future : futures) {
              results.add(future.join());
            }
            return results;
          }
        }
        """
        .formatted(pkg, name, pool);
  }

  private static String pricing(String pkg, String name) {
    return """
        package %1$s;

        import java.math.BigDecimal;
        import java.math.RoundingMode;
        import java.util.EnumMap;
        import java.util.List;
        import java.util.Map;

        /** Prices orders by tier; pure computation. */
        public final class %2$s {
          public enum Tier { BASIC, SILVER, GOLD }

          private static final Map<Tier, BigDecimal> DISCOUNT = new EnumMap<>(Tier.class);

          static {
            DISCOUNT.put(Tier.BASIC, BigDecimal.ZERO);
            DISCOUNT.put(Tier.SILVER, new BigDecimal("0.05"));
            DISCOUNT.put(Tier.GOLD, new BigDecimal("0.12"));
          }

          public BigDecimal price(Order order, Tier tier) {
            BigDecimal base = order.total();
            BigDecimal discount = base.multiply(DISCOUNT.getOrDefault(tier, BigDecimal.ZERO));
            BigDecimal shipping = order.items().size() > 10 ? BigDecimal.ZERO : BigDecimal.TEN;
            return base.subtract(discount).add(shipping).setScale(2, RoundingMode.HALF_UP);
          }

          public Tier tierOf(List<Order> history) {
            BigDecimal spent = history.stream().map(Order::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (spent.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
              return Tier.GOLD;
            }
            return spent.compareTo(BigDecimal.valueOf(1_000)) >= 0 ? Tier.SILVER : Tier.BASIC;
          }
        }
        """
        .formatted(pkg, name);
  }

  private static String view(String pkg, String name) {
    return """
        package %1$s;

        import java.util.LinkedHashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;

        /** The JSON view of an order returned by the API. */
        public final class %2$s {
          private final Order order;
          private final Optional<String> trackingId;

          public %2$s(Order order, Optional<String> trackingId) {
            this.order = order;
            this.trackingId = trackingId;
          }

          public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", order.id());
            fields.put("customer", order.customer());
            fields.put("items", order.items().size());
            fields.put("total", order.total());
            trackingId.ifPresent(t -> fields.put("tracking", t));
            return fields;
          }

          public String render() {
            return Text.json(fields());
          }

          public static String renderAll(List<%2$s> views) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < views.size(); i++) {
              out.append(i == 0 ? "" : ",").append(views.get(i).render());
            }
            return out.append(']').toString();
          }
        }
        """
        .formatted(pkg, name);
  }

  private GenerateModule() {}
}
