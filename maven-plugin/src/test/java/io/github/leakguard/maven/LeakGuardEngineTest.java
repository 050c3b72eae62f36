package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end: a real forked javac with Error Prone and the checker, real libraries. */
final class LeakGuardEngineTest {
  @TempDir Path project;

  private static final String BROKEN =
      """
      package com.example;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import software.amazon.awssdk.services.s3.S3Client;

      public class Upload implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String key, Context context) {
          S3Client s3 = S3Client.create();
          return s3.toString() + key;
        }
      }
      """;

  /** The test JVM's classpath: Error Prone, the checker, and the real libraries. */
  private static List<String> testClasspath() {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null || classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    return List.of(classpath.split(File.pathSeparator));
  }

  private static Path checker() {
    return testClasspath().stream()
        .map(Path::of)
        .filter(p -> p.toString().contains("leakguard-checker") || p.endsWith("checker/target/classes"))
        .findFirst()
        .orElseThrow();
  }

  private GateRequest request(String checks, CheckOptions options) throws Exception {
    List<Path> jars = new ArrayList<>();
    for (String entry : testClasspath()) {
      jars.add(Path.of(entry));
    }
    return new GateRequest(
        project,
        project.resolve("fn"),
        project.resolve("fn/target/leakguard"),
        List.of(project.resolve("fn/src/main/java")),
        List.of(),
        List.of(),
        StandardCharsets.UTF_8,
        testClasspath(),
        project.resolve("fn/target/classes"),
        Jdk.running(),
        jars,
        checker(),
        "test",
        checks,
        "",
        options,
        true);
  }

  private SourceIndex sources() throws Exception {
    return SourceIndex.scan(
        List.of(project.resolve("fn/src/main/java")), List.of(), List.of(), StandardCharsets.UTF_8);
  }

  private void write(String name, String source) throws Exception {
    Path file = project.resolve("fn/src/main/java/com/example").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
  }

  private static CheckOptions noOptions() {
    return new CheckOptions(null, null, null, null, Map.of());
  }

  @Test
  void reportsLeaksWithPathsRelativeToTheProjectRootAndValidSarif() throws Exception {
    write("Upload.java", BROKEN);

    GateResult result = new LeakGuardEngine(GateLog.silent()).analyse(request(null, noOptions()), sources());

    assertEquals(1, result.findings().size());
    Finding finding = result.findings().get(0);
    assertEquals("ClientBuiltInHandler", finding.check());
    assertEquals("fn/src/main/java/com/example/Upload.java", finding.path());
    assertEquals(10, finding.line());
    assertEquals(Severity.ERROR, finding.severity());
    assertTrue(finding.hint().startsWith("Did you mean"), finding.hint());
    assertTrue(result.rules().stream().anyMatch(r -> r.name().equals("ClientBuiltInHandler")));
    assertTrue(result.summary().startsWith("LeakGuard: 1 finding (ClientBuiltInHandler: 1); 1 of 1"));
    assertTrue(Files.readString(result.text()).contains(finding.render()));

    JsonNode sarif = new ObjectMapper().readTree(result.sarif().toFile());
    assertEquals(Set.of(), schemaErrors(sarif));
    JsonNode rule = sarif.at("/runs/0/tool/driver/rules/0");
    assertEquals("ClientBuiltInHandler", rule.at("/id").asText());
    assertTrue(rule.at("/helpUri").asText().endsWith("/docs/bugpattern/ClientBuiltInHandler.md"));
    assertEquals("error", rule.at("/defaultConfiguration/level").asText());
    JsonNode location = sarif.at("/runs/0/results/0/locations/0/physicalLocation");
    assertEquals("fn/src/main/java/com/example/Upload.java", location.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
    assertEquals(10, location.at("/region/startLine").asInt());
    // The module's outputs are untouched: javac stopped before writing classes.
    assertTrue(Files.notExists(project.resolve("fn/target/classes")));
    try (var written = Files.walk(project.resolve("fn/target/leakguard"))) {
      assertTrue(written.noneMatch(p -> p.toString().endsWith(".class")));
    }
  }

  @Test
  void regradedChecksReportAtTheirNewSeverityAndDisabledOnesNotAtAll() throws Exception {
    write("Upload.java", BROKEN);
    LeakGuardEngine engine = new LeakGuardEngine(GateLog.silent());

    GateResult warned = engine.analyse(request("ClientBuiltInHandler:WARN", noOptions()), sources());
    assertEquals(Severity.WARN, warned.findings().get(0).severity());

    GateResult off = engine.analyse(request("ClientBuiltInHandler:OFF", noOptions()), sources());
    assertEquals(List.of(), off.findings());
    JsonNode sarif = new ObjectMapper().readTree(off.sarif().toFile());
    assertEquals(Set.of(), schemaErrors(sarif));
  }

  @Test
  void handlerTypesOptionReachesTheChecker() throws Exception {
    write(
        "Job.java",
        """
        package com.example;

        import software.amazon.awssdk.services.s3.S3Client;

        public class Job implements Runnable {
          @Override
          public void run() {
            S3Client.create().listBuckets();
          }
        }
        """);
    LeakGuardEngine engine = new LeakGuardEngine(GateLog.silent());

    assertEquals(List.of(), engine.analyse(request(null, noOptions()), sources()).findings());
    CheckOptions runnable = new CheckOptions("java.lang.Runnable", null, null, null, Map.of());
    assertEquals(1, engine.analyse(request(null, runnable), sources()).findings().size());
  }

  @Test
  void codeJavacCannotCompileStopsTheGate() throws Exception {
    write("Broken.java", "package com.example; class Broken { Missing m; }");

    AnalysisException e =
        assertThrows(
            AnalysisException.class,
            () -> new LeakGuardEngine(GateLog.silent()).analyse(request(null, noOptions()), sources()));
    assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
  }

  @Test
  void unknownCheckOptionFromTheCheckerIsAConfigurationError() throws Exception {
    write("Upload.java", BROKEN);
    CheckOptions unknown = new CheckOptions(null, null, null, null, Map.of("NoSuchOption", "1"));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new LeakGuardEngine(GateLog.silent()).analyse(request(null, unknown), sources()));
    assertTrue(e.getMessage().startsWith("LeakGuard parameter 'checkOptions': unknown option"), e.getMessage());
  }

  /** Validation against the OASIS SARIF 2.1.0 JSON schema. */
  static Set<ValidationMessage> schemaErrors(JsonNode sarif) throws Exception {
    try (InputStream schema =
        LeakGuardEngineTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      JsonSchema validator =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      return validator.validate(sarif);
    }
  }
}
