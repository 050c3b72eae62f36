package io.github.leakguard.catalog.platform;

import static io.github.leakguard.catalog.platform.HandlerShape.JAVA_FUNCTIONS;
import static io.github.leakguard.catalog.platform.HandlerShape.annotated;
import static io.github.leakguard.catalog.platform.HandlerShape.contextLast;
import static io.github.leakguard.catalog.platform.HandlerShape.implementing;
import static io.github.leakguard.catalog.platform.HandlerShape.returningFunctions;

import io.github.leakguard.catalog.MethodRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every platform and framework LeakGuard knows, in a fixed order: the one home of what a handler
 * is. The checker's handler analysis reads it, and so does the Maven gate (which modules are
 * function modules, which files its pre-screen keeps). The gate runs in a class realm with no
 * Guava and no Error Prone, so this package uses nothing but {@code java.*}; a test keeps it so.
 *
 * <p>Adding a platform is an entry here, its adapter's jar in {@code test-fixtures}, and tests.
 */
public final class Platforms {

  private static final String SPRING_WEB = "org.springframework.web.bind.annotation.";
  private static final String MICRONAUT_HTTP = "io.micronaut.http.annotation.";
  private static final String LAMBDA = "com.amazonaws.services.lambda.runtime.";
  private static final String GCF = "com.google.cloud.functions.";

  /** The Lambda runtime's context, which a handler configured by name takes last. */
  public static final String LAMBDA_CONTEXT = LAMBDA + "Context";

  static final Adapter SPRING_CLOUD_FUNCTION_AWS =
      new Adapter(
          "spring-cloud-function-adapter-aws",
          "Spring Cloud Function beans",
          "org.springframework.cloud.function.adapter.aws.FunctionInvoker",
          "org.springframework.cloud",
          "spring-cloud-function-adapter-aws");

  static final Adapter SERVERLESS_JAVA_CONTAINER =
      new Adapter(
          "aws-serverless-java-container",
          "Spring MVC and JAX-RS applications",
          "com.amazonaws.serverless.proxy.internal.LambdaContainerHandler",
          "com.amazonaws.serverless",
          "aws-serverless-java-container-");

  static final Adapter MICRONAUT_FUNCTION_AWS =
      new Adapter(
          "micronaut-function-aws",
          "Micronaut functions",
          "io.micronaut.function.aws.MicronautRequestStreamHandler",
          "io.micronaut.aws",
          "micronaut-function-aws");

  static final Adapter MICRONAUT_API_PROXY =
      new Adapter(
          "micronaut-function-aws-api-proxy",
          "Micronaut controllers",
          "io.micronaut.function.aws.proxy.MicronautLambdaHandler",
          "io.micronaut.aws",
          "micronaut-function-aws-api-proxy");

  static final Adapter QUARKUS_LAMBDA_HTTP =
      new Adapter(
          "quarkus-amazon-lambda-http",
          "Quarkus REST endpoints",
          "io.quarkus.amazon.lambda.http.LambdaHttpHandler",
          "io.quarkus",
          "quarkus-amazon-lambda-http");

  static final Adapter QUARKUS_FUNQY_LAMBDA =
      new Adapter(
          "quarkus-funqy-amazon-lambda",
          "Quarkus Funqy functions",
          "io.quarkus.funqy.lambda.FunqyStreamHandler",
          "io.quarkus",
          "quarkus-funqy-amazon-lambda");

  /** Every platform and framework, in the order their shapes are tried. */
  public static final List<Platform> ALL =
      List.of(
          new Platform(
              "AWS Lambda",
              List.of(
                  new Coordinates("com.amazonaws", "aws-lambda-java-", "an AWS Lambda runtime library"),
                  new Coordinates("software.amazon.lambda", "powertools-", "Powertools for AWS Lambda")),
              List.of(
                  implementing(
                      "handler {handler}, which implements RequestHandler",
                      MethodRef.method(LAMBDA + "RequestHandler", "handleRequest")),
                  implementing(
                      "handler {handler}, which implements RequestStreamHandler",
                      MethodRef.method(LAMBDA + "RequestStreamHandler", "handleRequest")),
                  contextLast("handler {handler}, which takes a Lambda Context last", LAMBDA_CONTEXT))),
          new Platform(
              "Google Cloud Functions",
              List.of(
                  new Coordinates(
                      "com.google.cloud.functions",
                      "functions-framework-api",
                      "the Cloud Functions API")),
              List.of(
                  implementing("handler {handler}, which implements HttpFunction", MethodRef.method(GCF + "HttpFunction", "service")),
                  implementing(
                      "handler {handler}, which implements BackgroundFunction",
                      MethodRef.method(GCF + "BackgroundFunction", "accept")),
                  implementing(
                      "handler {handler}, which implements RawBackgroundFunction",
                      MethodRef.method(GCF + "RawBackgroundFunction", "accept")),
                  implementing(
                      "handler {handler}, which implements CloudEventsFunction",
                      MethodRef.method(GCF + "CloudEventsFunction", "accept")),
                  implementing(
                      "handler {handler}, which implements TypedFunction", MethodRef.method(GCF + "TypedFunction", "apply")))),
          new Platform(
              "Azure Functions",
              List.of(
                  new Coordinates(
                      "com.microsoft.azure.functions",
                      "azure-functions-java-library",
                      "the Azure Functions API")),
              List.of(
                  annotated(
                      "handler {handler}, which is annotated @FunctionName",
                      "com.microsoft.azure.functions.annotation.FunctionName"))),
          new Platform(
              "Spring Cloud Function",
              List.of(),
              List.of(
                  returningFunctions(
                          "the function returned by {handler}, a Spring Cloud Function bean served"
                              + " per invocation by {adapter}",
                          "org.springframework.context.annotation.Bean")
                      .servedBy(SPRING_CLOUD_FUNCTION_AWS),
                  implementing(
                          "{handler}, a Spring Cloud Function bean served per invocation by {adapter}",
                          JAVA_FUNCTIONS)
                      .inClassesAnnotated(
                          "org.springframework.stereotype.Component",
                          "org.springframework.stereotype.Service")
                      .servedBy(SPRING_CLOUD_FUNCTION_AWS))),
          new Platform(
              "Spring MVC",
              List.of(),
              List.of(
                  annotated(
                          "{handler}, a Spring MVC endpoint served per request by {adapter}",
                          SPRING_WEB + "RequestMapping",
                          SPRING_WEB + "GetMapping",
                          SPRING_WEB + "PostMapping",
                          SPRING_WEB + "PutMapping",
                          SPRING_WEB + "DeleteMapping",
                          SPRING_WEB + "PatchMapping")
                      .inClassesAnnotated(
                          SPRING_WEB + "RestController", "org.springframework.stereotype.Controller")
                      .servedBy(SERVERLESS_JAVA_CONTAINER))),
          new Platform(
              "JAX-RS",
              List.of(),
              List.of(
                  annotated(
                          "{handler}, a JAX-RS resource method served per request by {adapter}",
                          jaxRs("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"))
                      .servedBy(SERVERLESS_JAVA_CONTAINER, QUARKUS_LAMBDA_HTTP))),
          new Platform(
              "Micronaut",
              List.of(),
              List.of(
                  implementing(
                      "handler {handler}, which extends MicronautRequestHandler",
                      MethodRef.method("io.micronaut.function.aws.MicronautRequestHandler", "execute")),
                  implementing(
                          "{handler}, a Micronaut function bean served per invocation by {adapter}",
                          JAVA_FUNCTIONS)
                      .inClassesAnnotated("io.micronaut.function.FunctionBean")
                      .servedBy(MICRONAUT_FUNCTION_AWS),
                  annotated(
                          "{handler}, a Micronaut endpoint served per request by {adapter}",
                          MICRONAUT_HTTP + "Get",
                          MICRONAUT_HTTP + "Post",
                          MICRONAUT_HTTP + "Put",
                          MICRONAUT_HTTP + "Delete",
                          MICRONAUT_HTTP + "Patch",
                          MICRONAUT_HTTP + "Head",
                          MICRONAUT_HTTP + "Options")
                      .inClassesAnnotated(MICRONAUT_HTTP + "Controller")
                      .servedBy(MICRONAUT_API_PROXY))),
          new Platform(
              "Quarkus",
              List.of(
                  new Coordinates(
                      "io.quarkus", "quarkus-amazon-lambda", "Quarkus's AWS Lambda extensions")),
              List.of(
                  annotated(
                          "{handler}, a Funqy function served per invocation by {adapter}",
                          "io.quarkus.funqy.Funq")
                      .servedBy(QUARKUS_FUNQY_LAMBDA))));

  private Platforms() {}

  /** Every handler shape of every platform, in order. */
  public static List<HandlerShape> shapes() {
    List<HandlerShape> shapes = new ArrayList<>();
    ALL.forEach(platform -> shapes.addAll(platform.shapes()));
    return shapes;
  }

  /** Every dependency that marks a function module, in the order of {@link #ALL}. */
  public static List<Coordinates> functionModuleCoordinates() {
    List<Coordinates> all = new ArrayList<>();
    for (Platform platform : ALL) {
      for (Coordinates coordinates : platform.functionModuleCoordinates()) {
        if (!all.contains(coordinates)) {
          all.add(coordinates);
        }
      }
    }
    return all;
  }

  /**
   * The fully qualified names one of which a handler's source file mentions: the handler types,
   * method and class annotations of every shape, and the Lambda context.
   */
  public static Set<String> handlerNames() {
    Set<String> names = new LinkedHashSet<>();
    for (HandlerShape shape : shapes()) {
      names.addAll(shape.names());
      shape.methods().forEach(method -> names.add(method.owner()));
      names.addAll(shape.classAnnotations());
    }
    // Function, Consumer, Supplier: a file is a framework's function by its annotations, not by
    // naming a JDK interface that most code uses.
    names.removeIf(name -> name.startsWith("java."));
    return names;
  }

  private static String[] jaxRs(String... methods) {
    List<String> names = new ArrayList<>();
    for (String pkg : List.of("jakarta.ws.rs.", "javax.ws.rs.")) {
      for (String method : methods) {
        names.add(pkg + method);
      }
    }
    return names.toArray(new String[0]);
  }
}
