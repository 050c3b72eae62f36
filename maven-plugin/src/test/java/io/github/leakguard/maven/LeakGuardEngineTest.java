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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end: a real forked javac with Error Prone and the checker, real libraries. */
final class LeakGuardEngineTest {
  @TempDir Path project;

  private static final String BROKEN = TestRequests.UPLOAD;

  private GateRequest request(String checks, CheckOptions options) throws Exception {
    return request(checks, "", options, CompilerSettings.defaults(), List.of(), Set.of());
  }

  private GateRequest request(
      String checks,
      String extraChecks,
      CheckOptions options,
      CompilerSettings compiler,
      List<String> excludes,
      Set<String> templateHandlers)
      throws Exception {
    return TestRequests.request(
        project,
        checks,
        extraChecks,
        options,
        compiler,
        excludes,
        templateHandlers,
        StandardCharsets.UTF_8);
  }

  private SourceIndex sources(List<String> excludes) throws Exception {
    return SourceIndex.scan(
        List.of(project.resolve("fn/src/main/java")), List.of(), excludes, StandardCharsets.UTF_8);
  }

  private SourceIndex sources() throws Exception {
    return sources(List.of());
  }

  private void write(String name, String source) throws Exception {
    Path file = project.resolve("fn/src/main/java/com/example").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
  }

  private static CheckOptions noOptions() {
    return CheckOptions.none();
  }

  @Test
  void reportsLeaksWithPathsRelativeToTheProjectRootAndValidSarif() throws Exception {
    write("Upload.java", BROKEN);

    GateResult result =
        new LeakGuardEngine(GateLog.silent()).analyse(request(null, noOptions()), sources());

    assertEquals(1, result.findings().size());
    Finding finding = result.findings().get(0);
    assertEquals("ClientBuiltInHandler", finding.check());
    assertEquals("fn/src/main/java/com/example/Upload.java", finding.path());
    assertEquals(10, finding.line());
    assertEquals(Severity.ERROR, finding.severity());
    assertTrue(finding.hint().startsWith("Did you mean"), finding.hint());
    assertTrue(result.rules().stream().anyMatch(r -> r.name().equals("ClientBuiltInHandler")));
    assertTrue(
        result.summary().startsWith("LeakGuard: 1 finding (ClientBuiltInHandler: 1); 1 of 1"));
    assertTrue(Files.readString(result.text()).contains(finding.render()));

    JsonNode sarif = new ObjectMapper().readTree(result.sarif().toFile());
    assertEquals(Set.of(), schemaErrors(sarif));
    JsonNode rule = sarif.at("/runs/0/tool/driver/rules/0");
    assertEquals("ClientBuiltInHandler", rule.at("/id").asText());
    assertTrue(rule.at("/helpUri").asText().endsWith("/docs/bugpattern/ClientBuiltInHandler.md"));
    assertEquals("error", rule.at("/defaultConfiguration/level").asText());
    JsonNode location = sarif.at("/runs/0/results/0/locations/0/physicalLocation");
    assertEquals(
        "fn/src/main/java/com/example/Upload.java", location.at("/artifactLocation/uri").asText());
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

    GateResult warned =
        engine.analyse(request("ClientBuiltInHandler:WARN", noOptions()), sources());
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
    CheckOptions runnable =
        new CheckOptions("java.lang.Runnable", null, null, null, null, Map.of());
    assertEquals(1, engine.analyse(request(null, runnable), sources()).findings().size());
  }

  @Test
  void codeJavacCannotCompileIsDiagnosedInOneLineThenJavacsOwnErrors() throws Exception {
    write("Broken.java", "package com.example;\nclass Broken {\n  Missing m;\n}\n");

    AnalysisException e =
        assertThrows(
            AnalysisException.class,
            () ->
                new LeakGuardEngine(GateLog.silent())
                    .analyse(request(null, noOptions()), sources()));
    List<String> lines = e.getMessage().lines().toList();
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "LeakGuard could not analyse fn: javac cannot resolve 'Missing' in"
                    + " fn/src/main/java/com/example/Broken.java:3; likely a name generated during"
                    + " the build"),
        lines.get(0));
    assertTrue(lines.get(0).contains(LeakGuardEngine.CANNOT_ANALYSE_DOC), lines.get(0));
    assertTrue(lines.get(1).endsWith("Broken.java:3: error: cannot find symbol"), lines.get(1));
    assertTrue(Files.notExists(project.resolve("fn/target/leakguard/leakguard.sarif")));
  }

  @Test
  void unknownCheckOptionIsTheCheckersVerdictBeforeAnyAnalysis() throws Exception {
    write("Upload.java", BROKEN);
    CheckOptions unknown =
        new CheckOptions(null, null, null, null, null, Map.of("NoSuchOption", "1"));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new LeakGuardEngine(GateLog.silent()).analyse(request(null, unknown), sources()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "LeakGuard parameter 'checkOptions': unknown option -XepOpt:LeakGuard:NoSuchOption;"
                    + " LeakGuard's options are LeakGuard:HandlerTypes"),
        e.getMessage());
    assertTrue(Files.notExists(project.resolve("fn/target/leakguard/javac.log")));
  }

  @Test
  void badOptionValueNamesItsParameterWithTheCheckersAcceptedValues() throws Exception {
    write("Upload.java", BROKEN);
    CheckOptions budget = new CheckOptions(null, null, null, "abc", null, Map.of());

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new LeakGuardEngine(GateLog.silent()).analyse(request(null, budget), sources()));
    assertEquals(
        "LeakGuard parameter 'fdBudget': 'abc' is not valid; accepted: a whole number from 1 to"
            + " 1048576 (default 1024)",
        e.getMessage());
    assertTrue(Files.notExists(project.resolve("fn/target/leakguard/javac.log")));
  }

  @Test
  void unknownChecksAreConfigurationErrors() throws Exception {
    write("Upload.java", BROKEN);
    LeakGuardEngine engine = new LeakGuardEngine(GateLog.silent());

    ConfigurationException extra =
        assertThrows(
            ConfigurationException.class,
            () ->
                engine.analyse(
                    request(
                        null,
                        "NoSuchCheck",
                        noOptions(),
                        CompilerSettings.defaults(),
                        List.of(),
                        Set.of()),
                    sources()));
    assertEquals(
        "LeakGuard parameter 'extraChecks': 'NoSuchCheck' is not a check that Error Prone or"
            + " LeakGuard registers; accepted: names of Error Prone's checks"
            + " (https://errorprone.info/bugpatterns), each optionally followed by :ERROR|WARN|OFF",
        extra.getMessage());
    ConfigurationException ours =
        assertThrows(
            ConfigurationException.class,
            () -> engine.analyse(request("UnclosedSocket:OFF", noOptions()), sources()));
    assertTrue(
        ours.getMessage()
            .startsWith(
                "LeakGuard parameter 'checks': unknown check 'UnclosedSocket'; accepted: the"
                    + " LeakGuard checks ClientBuiltInHandler,"),
        ours.getMessage());
  }

  @Test
  void extraErrorProneChecksRunAndLinkToTheirPages() throws Exception {
    write(
        "Lines.java",
        """
        package com.example;

        import java.nio.file.Files;
        import java.nio.file.Path;

        class Lines {
          long count(Path file) throws java.io.IOException {
            return Files.lines(file).count();
          }
        }
        """);

    GateResult result =
        new LeakGuardEngine(GateLog.silent())
            .analyse(
                request(
                    null,
                    "StreamResourceLeak:WARN",
                    noOptions(),
                    CompilerSettings.defaults(),
                    List.of(),
                    Set.of()),
                sources());
    assertEquals(
        List.of("StreamResourceLeak"), result.findings().stream().map(Finding::check).toList());
    assertEquals(Severity.WARN, result.findings().get(0).severity());
    Rule rule =
        result.rules().stream()
            .filter(r -> r.name().equals("StreamResourceLeak"))
            .findFirst()
            .orElseThrow();
    assertEquals("https://errorprone.info/bugpattern/StreamResourceLeak", rule.link());
  }

  @Test
  void javacsLintWarningsAreNeverFindings() throws Exception {
    write(
        "Counter.java",
        """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;

        public class Counter implements RequestHandler<Integer, Integer> {
          @Override
          @SuppressWarnings("unused")
          public Integer handleRequest(Integer n, Context context) {
            Integer boxed = new Integer(n);
            synchronized (boxed) {
              java.util.List raw = new java.util.ArrayList();
              return boxed + raw.size();
            }
          }
        }
        """);
    CompilerSettings lint =
        new CompilerSettings(
            null,
            null,
            null,
            false,
            false,
            List.of("-Xlint:all", "-Werror"),
            null,
            List.of(),
            null,
            List.of(),
            List.of(),
            null,
            null);

    GateResult result =
        new LeakGuardEngine(GateLog.silent())
            .analyse(request(null, "", noOptions(), lint, List.of(), Set.of()), sources());
    assertEquals(List.of(), result.findings());
    String log = Files.readString(project.resolve("fn/target/leakguard/javac.log"));
    // javac did warn (removal or deprecation, by JDK), into the log only.
    assertTrue(log.contains("Counter.java:10: warning: ["), log);
    assertTrue(log.contains("warning: [rawtypes]"), log);
  }

  @Test
  void filesLeftOutStillResolveWithoutAPriorCompile() throws Exception {
    write(
        "Upload.java",
        BROKEN.replace("S3Client s3 = S3Client.create();", "S3Client s3 = Clients.s3();"));
    write(
        "Clients.java",
        """
        package com.example;

        import software.amazon.awssdk.services.s3.S3Client;

        class Clients {
          static S3Client s3() {
            return S3Client.create();
          }
        }
        """);
    List<String> excludes = List.of("**/Clients.java");

    GateResult result =
        new LeakGuardEngine(GateLog.silent())
            .analyse(
                request(null, "", noOptions(), CompilerSettings.defaults(), excludes, Set.of()),
                sources(excludes));
    // Clients is compiled (so Upload resolves) but not reported: the finding is at the call.
    assertEquals(
        List.of("fn/src/main/java/com/example/Upload.java"),
        result.findings().stream().map(Finding::path).toList());
    assertEquals(1, result.filesAnalysed());
  }

  @Test
  void identicalLinesGetTheirOwnFingerprintsAndNonAsciiTextSurvives() throws Exception {
    write(
        "Twice.java",
        """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import software.amazon.awssdk.services.s3.S3Client;

        public class Twice implements RequestHandler<String, String> {
          @Override
          public String handleRequest(String key, Context context) {
            String a = S3Client.create().toString() + "Größe → ✓";
            String b = S3Client.create().toString() + "Größe → ✓";
            return a + b;
          }
        }
        """);

    GateResult result =
        new LeakGuardEngine(GateLog.silent()).analyse(request(null, noOptions()), sources());
    assertEquals(2, result.findings().size());
    assertTrue(result.findings().get(0).sourceLine().endsWith("\"Größe → ✓\";"));
    JsonNode sarif = new ObjectMapper().readTree(result.sarif().toFile());
    assertEquals(Set.of(), schemaErrors(sarif));
    String first = sarif.at("/runs/0/results/0/partialFingerprints/leakguard~1v2").asText();
    String second = sarif.at("/runs/0/results/1/partialFingerprints/leakguard~1v2").asText();
    assertEquals(32, first.length());
    assertTrue(!first.equals(second), first);
    assertTrue(sarif.at("/runs/0/results/0/message/text").asText().contains("S3Client.create()"));
    assertTrue(
        sarif
            .at("/runs/0/tool/driver/rules/0/help/markdown")
            .asText()
            .startsWith("**ClientBuiltInHandler**: "));
    assertTrue(
        sarif.at("/runs/0/tool/driver/rules/0/fullDescription/text").asText().contains("EMFILE"));
  }

  @Test
  void handlersNamedInTemplatesReachTheChecker() throws Exception {
    write(
        "App.java",
        """
        package com.example;

        import java.util.Map;
        import software.amazon.awssdk.services.s3.S3Client;

        public class App {
          public String handle(Map<String, String> event) {
            return S3Client.create().toString();
          }
        }
        """);
    LeakGuardEngine engine = new LeakGuardEngine(GateLog.silent());

    assertEquals(List.of(), engine.analyse(request(null, noOptions()), sources()).findings());
    GateResult named =
        engine.analyse(
            request(
                null,
                "",
                noOptions(),
                CompilerSettings.defaults(),
                List.of(),
                Set.of("com.example.App::handle")),
            sources());
    assertEquals(1, named.findings().size());
    assertTrue(named.findings().get(0).message().contains("which a deployment template names"));
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
