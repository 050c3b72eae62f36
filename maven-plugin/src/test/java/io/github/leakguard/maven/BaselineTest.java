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

  @Test
  void acceptedFindingsSurviveLineShiftsAndWhitespaceChanges() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Baseline.write(file, List.of(finding("src/A.java", 10, "S3Client s3 = S3Client.create();")));

    List<Finding> moved =
        List.of(finding("src/A.java", 42, "S3Client   s3 =\tS3Client.create();"));

    assertTrue(Baseline.read(file).newFindings(moved).isEmpty());
  }

  @Test
  void anotherFileOrCheckOrLineIsNew() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Baseline.write(file, List.of(finding("src/A.java", 10, "S3Client s3 = S3Client.create();")));
    Finding otherFile = finding("src/B.java", 10, "S3Client s3 = S3Client.create();");
    Finding otherLine = finding("src/A.java", 10, "DynamoDbClient d = DynamoDbClient.create();");
    Finding otherCheck =
        new Finding(
            "UnclosedResponse", Severity.ERROR, "src/A.java", 10, "m", "",
            "S3Client s3 = S3Client.create();");

    assertEquals(
        List.of(otherFile, otherLine, otherCheck),
        Baseline.read(file).newFindings(List.of(otherFile, otherLine, otherCheck)));
  }

  @Test
  void aSecondCopyOfABaselinedLineIsNew() throws Exception {
    Path file = dir.resolve("baseline.txt");
    Finding leak = finding("src/A.java", 10, "S3Client s3 = S3Client.create();");
    Baseline.write(file, List.of(leak));
    Finding copy = finding("src/A.java", 20, "S3Client s3 = S3Client.create();");

    assertEquals(List.of(copy), Baseline.read(file).newFindings(List.of(leak, copy)));
  }

  @Test
  void malformedBaselineNamesTheParameterAndTheFormat() throws Exception {
    Path noHeader = Files.writeString(dir.resolve("a.txt"), "ClientBuiltInHandler\tA.java\tx\n");
    Path badLine =
        Files.writeString(dir.resolve("b.txt"), Baseline.HEADER + "\nonly\ttwo fields\n");

    for (Path file : List.of(noHeader, badLine, dir.resolve("missing.txt"))) {
      ConfigurationException e =
          assertThrows(ConfigurationException.class, () -> Baseline.read(file));
      assertTrue(e.getMessage().startsWith("LeakGuard parameter 'baseline': "), e.getMessage());
      assertTrue(e.getMessage().contains("mvn leakguard:baseline"), e.getMessage());
    }
  }
}
