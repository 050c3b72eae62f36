package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The handler shapes of frameworks that serve Java code as functions, compiled against the real
 * framework jars: each shape is a handler where its AWS adapter is on the classpath, and nothing
 * where it is not (the same controller in a long-lived server). The code that frameworks run once
 * (bean factories, injection, {@code @PostConstruct}, static holders, caches) is never flagged.
 */
final class ClientBuiltInHandlerFrameworksTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  /**
   * A compilation whose classpath has the frameworks' own jars (Spring Web and Context, JAX-RS,
   * Micronaut HTTP and functions, Funqy) but none of the adapters that serve them as functions.
   */
  private CompilationTestHelper withoutAdapters() {
    return onClasspathOf(
        org.springframework.web.bind.annotation.RestController.class,
        org.springframework.stereotype.Controller.class,
        org.springframework.core.annotation.AliasFor.class,
        jakarta.ws.rs.GET.class,
        io.micronaut.http.annotation.Controller.class,
        io.micronaut.core.annotation.AnnotationMetadata.class,
        io.micronaut.context.annotation.Bean.class,
        io.micronaut.function.FunctionBean.class,
        io.quarkus.funqy.Funq.class);
  }

  /** A compilation whose classpath is the jars of {@code classes}, as a user's build has them. */
  private CompilationTestHelper onClasspathOf(Class<?>... classes) {
    return CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass())
        .setArgs("-classpath", jarsOf(classes));
  }

  static String jarsOf(Class<?>... classes) {
    return Arrays.stream(classes)
        .map(c -> c.getProtectionDomain().getCodeSource().getLocation())
        .map(
            url -> {
              try {
                return Path.of(url.toURI()).toString();
              } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
              }
            })
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void springMvcEndpointsServedByServerlessJavaContainer() {
    helper
        .addSourceLines(
            "PetController.java",
            """
            import java.net.http.HttpClient;
            import java.util.List;
            import org.springframework.stereotype.Controller;
            import org.springframework.web.bind.annotation.DeleteMapping;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PatchMapping;
            import org.springframework.web.bind.annotation.PostMapping;
            import org.springframework.web.bind.annotation.PutMapping;
            import org.springframework.web.bind.annotation.RequestMapping;
            import org.springframework.web.bind.annotation.RequestMethod;
            import org.springframework.web.bind.annotation.RestController;
            import software.amazon.awssdk.services.s3.S3Client;

            @RestController
            @RequestMapping("/pets")
            class PetController {
              @GetMapping("/{id}")
              String pet(String id) {
                // BUG: Diagnostic contains: S3Client.create() builds a new AWS SDK v2 service client (S3Client) on every invocation of PetController.pet, a Spring MVC endpoint served per request by aws-serverless-java-container; each warm call
                return S3Client.create().toString();
              }

              @PostMapping
              String add(String body) {
                return save(body);
              }

              @PutMapping("/{id}")
              String replace(String id) {
                // BUG: Diagnostic contains: PetController.replace, a Spring MVC endpoint
                return HttpClient.newHttpClient().toString();
              }

              @DeleteMapping("/{id}")
              void delete(String id) {
                // BUG: Diagnostic contains: PetController.delete, a Spring MVC endpoint
                HttpClient.newBuilder().build();
              }

              @PatchMapping("/{id}")
              void rename(List<String> names) {
                names.forEach(
                    name -> {
                      // BUG: Diagnostic contains: PetController.rename, a Spring MVC endpoint
                      HttpClient.newHttpClient();
                    });
              }

              private String save(String body) {
                // BUG: Diagnostic contains: (via PetController.add → save)
                return S3Client.builder().build().toString();
              }

              // A public method with no mapping is no endpoint.
              public String warmUp() {
                return S3Client.create().toString();
              }
            }

            @Controller
            class Legacy {
              @RequestMapping(value = "/legacy", method = RequestMethod.POST)
              String post() {
                // BUG: Diagnostic contains: Legacy.post, a Spring MVC endpoint served per request
                return HttpClient.newHttpClient().toString();
              }
            }

            // Mappings on a class that is no controller map nothing.
            class NotAController {
              @GetMapping("/x")
              String get() {
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void whatSpringRunsOnceIsNeverFlagged() {
    helper
        .addSourceLines(
            "Shop.java",
            """
            import jakarta.annotation.PostConstruct;
            import java.net.http.HttpClient;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            @Configuration
            class Clients {
              @Bean
              S3Client s3() {
                return S3Client.create();
              }

              @Bean
              DynamoDbClient dynamo() {
                return DynamoDbClient.builder().build();
              }
            }

            @RestController
            class Shop {
              private static final Map<String, S3Client> BY_REGION = new ConcurrentHashMap<>();
              private static final ThreadLocal<HttpClient> PER_THREAD =
                  ThreadLocal.withInitial(HttpClient::newHttpClient);

              private static final class Holder {
                static final HttpClient HTTP = HttpClient.newHttpClient();
              }

              private final S3Client s3;
              @Autowired private DynamoDbClient dynamo;
              private HttpClient lazy;
              private HttpClient started;

              Shop(S3Client s3) {
                this.s3 = s3;
              }

              @PostConstruct
              void start() {
                started = HttpClient.newHttpClient();
              }

              @GetMapping("/items")
              String items(String region) {
                S3Client regional =
                    BY_REGION.computeIfAbsent(
                        region, r -> S3Client.builder().region(Region.of(r)).build());
                return s3.toString() + dynamo + regional + PER_THREAD.get() + Holder.HTTP
                    + lazy() + started;
              }

              private HttpClient lazy() {
                if (lazy == null) {
                  lazy = HttpClient.newHttpClient();
                }
                return lazy;
              }
            }
            """)
        .doTest();
  }

  @Test
  void springControllersOutsideAFunctionAreNotHandlers() {
    withoutAdapters()
        .addSourceLines(
            "PetController.java",
            """
            import java.net.http.HttpClient;
            import org.springframework.stereotype.Controller;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RequestMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            class PetController {
              @GetMapping("/pets")
              String pets() {
                return HttpClient.newHttpClient().toString();
              }
            }

            @Controller
            class Legacy {
              @RequestMapping("/legacy")
              String legacy() {
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void springCloudFunctionBeans() {
    helper
        .addSourceLines(
            "Functions.java",
            """
            import java.net.http.HttpClient;
            import java.util.function.Consumer;
            import java.util.function.Function;
            import java.util.function.Supplier;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import software.amazon.awssdk.services.s3.S3Client;

            @Configuration
            class Functions {
              @Bean
              Function<String, String> uppercase() {
                return value -> {
                  // BUG: Diagnostic contains: HttpClient.newHttpClient() builds a new java.net.http HttpClient (HttpClient) on every invocation of the function returned by Functions.uppercase, a Spring Cloud Function bean served per invocation by spring-cloud-function-adapter-aws
                  HttpClient http = HttpClient.newHttpClient();
                  return http + value.toUpperCase();
                };
              }

              @Bean
              Consumer<String> archive() {
                return this::store;
              }

              @Bean
              Supplier<String> heartbeat() {
                return new Supplier<>() {
                  @Override
                  public String get() {
                    // BUG: Diagnostic contains: the function returned by Functions.heartbeat
                    return S3Client.create().toString();
                  }
                };
              }

              @Bean
              Function<String, Integer> length() {
                return new Measure();
              }

              private void store(String value) {
                // BUG: Diagnostic contains: (via Functions.archive → store)
                S3Client.builder().build().close();
              }
            }

            class Measure implements Function<String, Integer> {
              @Override
              public Integer apply(String value) {
                // BUG: Diagnostic contains: (via Functions.length → apply)
                return HttpClient.newHttpClient().hashCode() + value.length();
              }
            }
            """)
        .doTest();
  }

  @Test
  void whatASpringCloudFunctionBeanMethodBuildsItBuildsOnce() {
    helper
        .addSourceLines(
            "Functions.java",
            """
            import java.net.http.HttpClient;
            import java.util.function.Function;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import software.amazon.awssdk.services.s3.S3Client;

            @Configuration
            class Functions {
              @Bean
              S3Client s3() {
                return S3Client.create();
              }

              @Bean
              Function<String, String> captured() {
                HttpClient http = HttpClient.newHttpClient();
                return value -> http.toString() + value;
              }

              @Bean
              Function<String, String> injected(S3Client s3) {
                return value -> s3.toString() + value;
              }

              // Not a bean: Spring never calls it, and nothing serves what it returns.
              Function<String, String> notABean() {
                return value -> HttpClient.newHttpClient().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void springCloudFunctionComponents() {
    helper
        .addSourceLines(
            "Components.java",
            """
            import java.net.http.HttpClient;
            import java.util.function.Consumer;
            import java.util.function.Function;
            import java.util.function.Supplier;
            import org.springframework.stereotype.Component;
            import org.springframework.stereotype.Service;
            import software.amazon.awssdk.services.s3.S3Client;

            @Component
            class Upper implements Function<String, String> {
              @Override
              public String apply(String value) {
                // BUG: Diagnostic contains: on every invocation of Upper.apply, a Spring Cloud Function bean served per invocation by spring-cloud-function-adapter-aws
                return HttpClient.newHttpClient() + value;
              }

              // Not the function's method: run only if apply calls it.
              public String describe() {
                return S3Client.create().toString();
              }
            }

            @Service
            class Sink implements Consumer<String> {
              @Override
              public void accept(String value) {
                // BUG: Diagnostic contains: Sink.accept, a Spring Cloud Function bean
                S3Client.create().close();
              }
            }

            @Component
            class Clock implements Supplier<String> {
              private final HttpClient http;

              Clock() {
                http = HttpClient.newHttpClient();
              }

              @Override
              public String get() {
                return http.toString();
              }
            }

            // A function that is no bean is not served.
            class Plain implements Function<String, String> {
              @Override
              public String apply(String value) {
                return HttpClient.newHttpClient() + value;
              }
            }
            """)
        .doTest();
  }

  @Test
  void springCloudFunctionOutsideItsAdapterIsNotAFunction() {
    withoutAdapters()
        .addSourceLines(
            "Functions.java",
            """
            import java.net.http.HttpClient;
            import java.util.function.Function;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.stereotype.Component;

            @Configuration
            class Functions {
              @Bean
              Function<String, String> uppercase() {
                return value -> HttpClient.newHttpClient() + value;
              }
            }

            @Component
            class Upper implements Function<String, String> {
              @Override
              public String apply(String value) {
                return HttpClient.newHttpClient() + value;
              }
            }
            """)
        .doTest();
  }

  @Test
  void jaxRsResourcesServedByServerlessJavaContainer() {
    helper
        .addSourceLines(
            "OrderResource.java",
            """
            import jakarta.annotation.PostConstruct;
            import jakarta.ws.rs.DELETE;
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.POST;
            import jakarta.ws.rs.Path;
            import java.net.http.HttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            @Path("/orders")
            class OrderResource {
              private HttpClient started;

              @PostConstruct
              void start() {
                started = HttpClient.newHttpClient();
              }

              @GET
              String list() {
                // BUG: Diagnostic contains: on every invocation of OrderResource.list, a JAX-RS resource method served per request by aws-serverless-java-container
                return S3Client.create().toString() + started;
              }

              @POST
              void add(String order) {
                // BUG: Diagnostic contains: OrderResource.add, a JAX-RS resource method
                HttpClient.newHttpClient();
              }

              @DELETE
              @Path("/{id}")
              void cancel(String id) {
                audit(id);
              }

              private void audit(String id) {
                // BUG: Diagnostic contains: (via OrderResource.cancel → audit)
                S3Client.builder().build().close();
              }

              // A sub-resource helper without an HTTP method is not called per request by itself.
              public String format(String id) {
                return HttpClient.newHttpClient() + id;
              }
            }
            """)
        .doTest();
  }

  @Test
  void jaxRsResourcesOutsideAFunctionAreNotHandlers() {
    withoutAdapters()
        .addSourceLines(
            "OrderResource.java",
            """
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;
            import java.net.http.HttpClient;

            @Path("/orders")
            class OrderResource {
              @GET
              String list() {
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void quarkusRestEndpointsNameTheirAdapter() {
    onClasspathOf(
            jakarta.ws.rs.GET.class,
            io.quarkus.amazon.lambda.http.LambdaHttpHandler.class,
            com.amazonaws.services.lambda.runtime.RequestHandler.class)
        .addSourceLines(
            "Greeting.java",
            """
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;
            import java.net.http.HttpClient;

            @Path("/hello")
            class Greeting {
              @GET
              String hello() {
                // BUG: Diagnostic contains: on every invocation of Greeting.hello, a JAX-RS resource method served per request by quarkus-amazon-lambda-http
                return HttpClient.newHttpClient().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void micronautHandlersFunctionBeansAndControllers() {
    helper
        .addSourceLines(
            "Books.java",
            """
            import io.micronaut.context.annotation.Factory;
            import io.micronaut.function.FunctionBean;
            import io.micronaut.function.aws.MicronautRequestHandler;
            import io.micronaut.http.annotation.Controller;
            import io.micronaut.http.annotation.Get;
            import io.micronaut.http.annotation.Post;
            import jakarta.inject.Inject;
            import jakarta.inject.Singleton;
            import java.net.http.HttpClient;
            import java.util.function.Function;
            import software.amazon.awssdk.services.s3.S3Client;

            class BookHandler extends MicronautRequestHandler<String, String> {
              @Inject S3Client injected;

              @Override
              public String execute(String isbn) {
                // BUG: Diagnostic contains: on every invocation of handler BookHandler.execute, which extends MicronautRequestHandler
                return S3Client.create().toString() + injected;
              }
            }

            @FunctionBean("isbn")
            class IsbnFunction implements Function<String, String> {
              @Override
              public String apply(String isbn) {
                // BUG: Diagnostic contains: IsbnFunction.apply, a Micronaut function bean served per invocation by micronaut-function-aws
                return HttpClient.newHttpClient() + isbn;
              }
            }

            @Controller("/books")
            class BookController {
              private final S3Client s3;

              BookController(S3Client s3) {
                this.s3 = s3;
              }

              @Get("/{isbn}")
              String book(String isbn) {
                // BUG: Diagnostic contains: on every invocation of BookController.book, a Micronaut endpoint served per request by micronaut-function-aws-api-proxy
                return HttpClient.newHttpClient() + isbn;
              }

              @Post
              String add(String isbn) {
                return s3.toString() + isbn;
              }

              String notAnEndpoint() {
                return HttpClient.newHttpClient().toString();
              }
            }

            @Factory
            class Clients {
              @Singleton
              S3Client s3() {
                return S3Client.create();
              }
            }
            """)
        .doTest();
  }

  @Test
  void micronautOutsideItsAdaptersIsNotAFunction() {
    withoutAdapters()
        .addSourceLines(
            "Books.java",
            """
            import io.micronaut.function.FunctionBean;
            import io.micronaut.http.annotation.Controller;
            import io.micronaut.http.annotation.Get;
            import java.net.http.HttpClient;
            import java.util.function.Function;

            @FunctionBean("isbn")
            class IsbnFunction implements Function<String, String> {
              @Override
              public String apply(String isbn) {
                return HttpClient.newHttpClient() + isbn;
              }
            }

            @Controller("/books")
            class BookController {
              @Get("/{isbn}")
              String book(String isbn) {
                return HttpClient.newHttpClient() + isbn;
              }
            }
            """)
        .doTest();
  }

  @Test
  void funqyFunctions() {
    helper
        .addSourceLines(
            "Greetings.java",
            """
            import io.quarkus.funqy.Funq;
            import jakarta.inject.Inject;
            import java.net.http.HttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Greetings {
              @Inject S3Client s3;

              @Funq
              String greet(String name) {
                // BUG: Diagnostic contains: on every invocation of Greetings.greet, a Funqy function served per invocation by quarkus-funqy-amazon-lambda
                return HttpClient.newHttpClient() + name;
              }

              @Funq
              String stored(String name) {
                return s3.toString() + name;
              }
            }
            """)
        .doTest();
    withoutAdapters()
        .addSourceLines(
            "Greetings.java",
            """
            import io.quarkus.funqy.Funq;
            import java.net.http.HttpClient;

            // Funqy over plain HTTP (quarkus-funqy-http) is a server, not a function.
            class Greetings {
              @Funq
              String greet(String name) {
                return HttpClient.newHttpClient() + name;
              }
            }
            """)
        .doTest();
  }
}
