package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FunctionModulesTest {
  @TempDir Path module;
  private SourceIndex sources;

  @BeforeEach
  void sources() throws Exception {
    Path root = module.resolve("src/main/java");
    write(root.resolve("com/example/App.java"), "package com.example; public class App {}");
    // Declared in a file whose name does not match: found by parsing.
    write(
        root.resolve("com/example/Handlers.java"),
        "package com.example; class Jobs { static class Nightly {} }");
    sources = SourceIndex.scan(List.of(root), List.of(), List.of(), StandardCharsets.UTF_8);
  }

  private Optional<String> reason(List<String> dependencies, List<Path> templates)
      throws ConfigurationException {
    return FunctionModules.reason(dependencies, module, templates, sources::sourceOf);
  }

  @Test
  void eachRuntimeLibraryMakesAFunctionModule() throws Exception {
    for (String coordinates :
        List.of(
            "com.amazonaws:aws-lambda-java-core",
            "com.amazonaws:aws-lambda-java-events",
            "com.amazonaws.serverless:aws-serverless-java-container-springboot3",
            "software.amazon.lambda:powertools-logging",
            "com.google.cloud.functions:functions-framework-api",
            "com.microsoft.azure.functions:azure-functions-java-library")) {
      Optional<String> reason = reason(List.of("org.slf4j:slf4j-api", coordinates), List.of());
      assertTrue(reason.orElse("").startsWith("it depends on " + coordinates), coordinates);
    }
  }

  @Test
  void aPlainLibraryIsNot() throws Exception {
    assertEquals(
        Optional.empty(),
        reason(List.of("com.amazonaws:aws-java-sdk-s3", "com.squareup.okhttp3:okhttp"), List.of()));
  }

  @Test
  void aSamTemplateNamingAHandlerOfTheSourcesMakesAFunctionModule() throws Exception {
    write(
        module.resolve("template.yaml"),
        """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.example.App::handleRequest
        """);

    assertEquals(
        Optional.of(
            "template.yaml names handler com.example.App (src/main/java/com/example/App.java)"),
        reason(List.of(), List.of()));
  }

  @Test
  void serverlessAndCdkTemplatesAndNestedClassesCount() throws Exception {
    write(module.resolve("serverless.yml"), "functions:\n  nightly:\n    handler: com.example.Jobs$Nightly\n");
    assertTrue(reason(List.of(), List.of()).orElse("").contains("com.example.Jobs$Nightly"));

    Files.delete(module.resolve("serverless.yml"));
    write(
        module.resolve("cdk.out/Stack.template.json"),
        "{\"Resources\":{\"Fn\":{\"Properties\":{\"Handler\": \"com.example.App\"}}}}");
    assertTrue(reason(List.of(), List.of()).orElse("").startsWith("cdk.out/Stack.template.json"));
  }

  @Test
  void aTemplateNamingSomeoneElsesHandlerDoesNot() throws Exception {
    write(module.resolve("template.yml"), "      Handler: com.other.Fn::handleRequest\n");

    assertEquals(Optional.empty(), reason(List.of(), List.of()));
  }

  @Test
  void unreadableTemplatesNameTheParameter() throws Exception {
    Files.createDirectories(module);
    Files.write(module.resolve("template.yaml"), new byte[] {'H', ':', (byte) 0xC3, (byte) 0x28});
    ConfigurationException invalid =
        assertThrows(ConfigurationException.class, () -> reason(List.of(), List.of()));
    assertTrue(invalid.getMessage().startsWith("LeakGuard parameter 'templates': cannot read"));

    ConfigurationException missing =
        assertThrows(
            ConfigurationException.class,
            () -> reason(List.of("com.amazonaws:aws-lambda-java-core"), List.of(Path.of("x.yaml"))));
    assertTrue(missing.getMessage().contains("is not a readable file"), missing.getMessage());
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
