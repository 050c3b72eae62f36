package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.leakguard.catalog.platform.Platforms;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate reads the checker's platform catalog, not a copy: every module the checker would
 * analyse as a function module is one for the gate, and the catalog runs in the plugin's class
 * realm, which has the checker jar but no Guava and no Error Prone.
 */
final class PlatformCatalogTest {
  @TempDir Path module;

  @Test
  void eachAdapterOfTheCatalogMakesAFunctionModule() throws Exception {
    for (String coordinates :
        List.of(
            "org.springframework.cloud:spring-cloud-function-adapter-aws",
            "com.amazonaws.serverless:aws-serverless-java-container-jersey",
            "io.micronaut.aws:micronaut-function-aws",
            "io.micronaut.aws:micronaut-function-aws-api-proxy",
            "io.quarkus:quarkus-amazon-lambda-http",
            "io.quarkus:quarkus-funqy-amazon-lambda",
            "io.quarkus:quarkus-amazon-lambda")) {
      Optional<String> reason =
          FunctionModules.reason(
              List.of("org.springframework:spring-web", coordinates),
              module,
              List.of(),
              name -> Optional.empty());
      assertTrue(reason.orElse("").startsWith("it depends on " + coordinates), coordinates);
    }
    assertEquals(
        Optional.of(
            "it depends on org.springframework.cloud:spring-cloud-function-adapter-aws"
                + " (spring-cloud-function-adapter-aws, which serves Spring Cloud Function beans on"
                + " AWS Lambda)"),
        FunctionModules.reason(
            List.of("org.springframework.cloud:spring-cloud-function-adapter-aws"),
            module,
            List.of(),
            name -> Optional.empty()));
  }

  @Test
  void aFrameworkWithoutItsAdapterIsNoFunctionModule() throws Exception {
    assertEquals(
        Optional.empty(),
        FunctionModules.reason(
            List.of(
                "org.springframework:spring-web",
                "org.springframework.cloud:spring-cloud-function-context",
                "io.micronaut:micronaut-http",
                "io.quarkus:quarkus-rest",
                "io.quarkus:quarkus-funqy-http",
                "jakarta.ws.rs:jakarta.ws.rs-api"),
            module,
            List.of(),
            name -> Optional.empty()));
  }

  @Test
  void thePreScreenKeepsFilesNamingAnyHandlerShapeOfTheCatalog() {
    assertTrue(
        SourceScreen.catalogHandlerNames()
            .containsAll(
                List.of(
                    "RequestHandler", "Context", "FunctionName", "HttpFunction", "RestController",
                    "GetMapping", "GET", "Bean", "MicronautRequestHandler", "FunctionBean", "Funq")));
    assertFalse(SourceScreen.catalogHandlerNames().contains("Function"), "a JDK interface");
  }

  @Test
  void theCatalogRunsWithNothingButTheCheckerJarAndTheJdk() throws Exception {
    URL checker = Platforms.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader realm =
        new URLClassLoader(new URL[] {checker}, ClassLoader.getPlatformClassLoader())) {
      Class<?> platforms = Class.forName(Platforms.class.getName(), true, realm);
      assertEquals(realm, platforms.getClassLoader());
      for (String method : List.of("shapes", "functionModuleCoordinates", "handlerNames")) {
        Method read = platforms.getMethod(method);
        assertFalse(((Collection<?>) read.invoke(null)).isEmpty(), method);
      }
      Object coordinates =
          ((List<?>) platforms.getMethod("functionModuleCoordinates").invoke(null)).get(0);
      assertEquals(
          true,
          coordinates
              .getClass()
              .getMethod("matches", String.class)
              .invoke(coordinates, "com.amazonaws:aws-lambda-java-core"));
    }
  }
}
