package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BaselineTest {
  @TempDir Path dir;

  private static Finding finding(String path, int line, String source) {
    return new Finding(
        "ClientBuiltInHandler", Severity.ERROR, path, line, "builds a client", "", source);
  }

  @org.junit.jupiter.api.BeforeEach
  void sources() throws Exception {
    for (String name : List.of("src/A.java", "src/B.java")) {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), "class X {}");
    }
  }

  @Test
  void acceptedFindingsSurviveLineShiftsAndWhitespaceChanges() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Baseline.write(file, dir, "", List.of(finding("src/A.java", 10, "S3Client s3 = S3Client.create();")));

    List<Finding> moved = List.of(finding("src/A.java", 42, "S3Client   s3 =\tS3Client.create();"));

    assertTrue(Baseline.read(file, dir, "").newFindings(moved).isEmpty());
  }

  @Test
  void anotherFileOrCheckOrLineIsNew() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Baseline.write(file, dir, "", List.of(finding("src/A.java", 10, "S3Client s3 = S3Client.create();")));
    Finding otherFile = finding("src/B.java", 10, "S3Client s3 = S3Client.create();");
    Finding otherLine = finding("src/A.java", 10, "DynamoDbClient d = DynamoDbClient.create();");
    Finding otherCheck =
        new Finding(
            "UnclosedResponse",
            Severity.ERROR,
            "src/A.java",
            10,
            "m",
            "",
            "S3Client s3 = S3Client.create();");

    assertEquals(
        List.of(otherFile, otherLine, otherCheck),
        Baseline.read(file, dir, "").newFindings(List.of(otherFile, otherLine, otherCheck)));
  }

  @Test
  void aSecondCopyOfABaselinedLineIsNew() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Finding leak = finding("src/A.java", 10, "S3Client s3 = S3Client.create();");
    Baseline.write(file, dir, "", List.of(leak));
    Finding copy = finding("src/A.java", 20, "S3Client s3 = S3Client.create();");

    assertEquals(List.of(copy), Baseline.read(file, dir, "").newFindings(List.of(leak, copy)));
  }

  @Test
  void malformedBaselineNamesTheParameterAndTheFormat() throws Exception {
    Path noHeader = Files.writeString(dir.resolve("a.txt"), "ClientBuiltInHandler\tA.java\tx\n");
    Path badLine =
        Files.writeString(dir.resolve("b.txt"), Baseline.HEADER + "\nonly\ttwo fields\n");

    for (Path file : List.of(noHeader, badLine, dir.resolve("missing.txt"))) {
      ConfigurationException e =
          assertThrows(ConfigurationException.class, () -> Baseline.read(file, dir, ""));
      assertTrue(e.getMessage().startsWith("LeakGuard parameter 'baseline': "), e.getMessage());
      assertTrue(e.getMessage().contains("leakguard:baseline"), e.getMessage());
    }
  }

  @Test
  void aMissingBaselineSaysHowToCreateIt() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> Baseline.read(dir.resolve("fn-new/b.txt"), dir, "fn-new"));
    assertEquals(
        "LeakGuard parameter 'baseline': "
            + dir.resolve("fn-new/b.txt")
            + " does not exist (a"
            + " module added after the baseline was written?); accepted: a baseline written for"
            + " this module: create it with 'mvn compile leakguard:baseline"
            + " -Dleakguard.baseline=b.txt' in the module (or -pl it) and commit it",
        e.getMessage());
  }

  @Test
  void aBinaryBaselineIsNotUtf8Text() throws Exception {
    Path binary = Files.write(dir.resolve("b.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Baseline.read(binary, dir, ""));
    assertTrue(e.getMessage().contains("is not UTF-8 text (a binary file?)"), e.getMessage());
  }

  @Test
  void aBaselineOfAnotherModuleIsRejected() throws Exception {
    Path file = dir.resolve("fn-orders/baseline.txt");
    Files.createDirectories(dir.resolve("fn-orders/src"));
    Baseline.write(
        file,
        dir,
        "fn-orders",
        List.of(finding("fn-orders/src/A.java", 10, "S3Client s3 = S3Client.create();")));

    Files.writeString(dir.resolve("fn-orders/src/A.java"), "class A {}");

    assertEquals(1, Baseline.read(file, dir, "fn-orders").size());
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Baseline.read(file, dir, "fn-billing"));
    assertTrue(
        e.getMessage()
            .contains(
                "was written for another module or project: none of its entries is a file of this"
                    + " module (fn-billing/...); the first is fn-orders/src/A.java"),
        e.getMessage());
    // At the root too: a baseline that names only files this project does not have.
    Path foreign = dir.resolve("foreign.txt");
    Baseline.write(foreign, dir, "", List.of(finding("src/com/acme/Billing.java", 3, "x")));
    assertThrows(ConfigurationException.class, () -> Baseline.read(foreign, dir, ""));
  }

  @Test
  void entriesNoFindingMatchesAreCounted() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Finding leak = finding("src/A.java", 10, "S3Client s3 = S3Client.create();");
    Baseline.write(file, dir, "", List.of(leak, finding("src/B.java", 3, "x")));

    assertEquals(1, Baseline.read(file, dir, "").unmatched(List.of(leak)));
    assertEquals(2, Baseline.read(file, dir, "").unmatched(List.of()));
  }

  @Test
  void oneBaselineAtTheRootIsSharedByTheReactorsModules() throws Exception {
    for (String name : List.of("fn-orders/src/A.java", "fn-billing/src/B.java", "lib/src/C.java")) {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), "class X {}");
    }
    Path file = dir.resolve("leakguard-baseline.txt");
    Finding orders = finding("fn-orders/src/A.java", 10, "S3Client s3 = S3Client.create();");
    Finding billing = finding("fn-billing/src/B.java", 4, "new OkHttpClient()");

    Baseline.write(file, dir, "fn-orders", List.of(orders));
    Baseline.write(file, dir, "fn-billing", List.of(billing));
    // Written again, a module replaces its own entries and keeps the others'.
    Baseline.write(file, dir, "fn-orders", List.of(orders));

    assertEquals(
        List.of(Baseline.HEADER, Baseline.key(billing), Baseline.key(orders)),
        Files.readAllLines(file));
    Baseline ordersView = Baseline.read(file, dir, "fn-orders");
    assertEquals(1, ordersView.size());
    assertEquals(0, ordersView.unmatched(List.of(orders)));
    assertEquals(List.of(billing), ordersView.newFindings(List.of(billing)));
    assertEquals(0, Baseline.read(file, dir, "fn-billing").unmatched(List.of(billing)));
    // A module with nothing baselined reads the shared file without complaint.
    assertEquals(0, Baseline.read(file, dir, "lib").size());
  }
}
