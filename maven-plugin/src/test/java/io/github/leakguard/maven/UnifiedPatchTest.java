package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Error Prone's patch and applying it to the text a file has now. */
final class UnifiedPatchTest {
  private static final Path BASE = Path.of("/work/fn/target/leakguard/patch");

  private static final String SOURCE =
      """
      class Upload {
        String handle(String key) {
          S3Client s3 = S3Client.create();
          return s3.toString() + key;
        }
      }
      """;

  /**
   * What Error Prone 2.42.0 wrote for SOURCE (as captured): its path relative to the patch
   * directory, two lines of context, and the text after the last newline counted as a line.
   */
  private static final String PATCH =
      """
      --- ../../../src/main/java/Upload.java
      +++ ../../../src/main/java/Upload.java
      @@ -1,7 +1,10 @@
       class Upload {
         String handle(String key) {
      -    S3Client s3 = S3Client.create();
      +    S3Client s3 = S3_CLIENT;
           return s3.toString() + key;
         }
      +
      +
      +private static final S3Client S3_CLIENT = S3Client.create();
       }
      \s
      """;

  private static final String FIXED =
      """
      class Upload {
        String handle(String key) {
          S3Client s3 = S3_CLIENT;
          return s3.toString() + key;
        }


      private static final S3Client S3_CLIENT = S3Client.create();
      }
      """;

  private static UnifiedPatch.FilePatch only(String patch) throws Exception {
    List<UnifiedPatch.FilePatch> files = UnifiedPatch.parse(patch, BASE);
    assertEquals(1, files.size());
    return files.get(0);
  }

  @Test
  void readsThePathRelativeToThePatchDirectoryAndAppliesTheHunks() throws Exception {
    UnifiedPatch.FilePatch patch = only(PATCH);

    assertEquals(Path.of("/work/fn/src/main/java/Upload.java"), patch.file());
    UnifiedPatch.Applied applied = patch.applyTo(SOURCE);
    assertEquals(FIXED, applied.text());
    // The line Error Prone counts after the last newline is no line of the diff.
    assertEquals(
        List.of(
            "@@ -1,6 +1,9 @@",
            " class Upload {",
            "   String handle(String key) {",
            "-    S3Client s3 = S3Client.create();",
            "+    S3Client s3 = S3_CLIENT;",
            "     return s3.toString() + key;",
            "   }",
            "+",
            "+",
            "+private static final S3Client S3_CLIENT = S3Client.create();",
            " }"),
        applied.hunks());
  }

  @Test
  void aCrlfFileKeepsCrlfOnTheLinesTheFixWrites() throws Exception {
    // Error Prone splits on '\n' only: the file's lines keep their '\r', the fix's lines have none.
    String crlfPatch =
        PATCH
            .lines()
            .map(
                line ->
                    line.startsWith("+")
                            || line.startsWith("---")
                            || line.startsWith("+++")
                            || line.startsWith("@@")
                            || line.equals(" ")
                        ? line
                        : line + "\r")
            .reduce("", (a, b) -> a + b + "\n");

    UnifiedPatch.Applied applied = only(crlfPatch).applyTo(SOURCE.replace("\n", "\r\n"));

    assertEquals(FIXED.replace("\n", "\r\n"), applied.text());
    assertTrue(
        applied.hunks().contains("+    S3Client s3 = S3_CLIENT;\r"), applied.hunks()::toString);
  }

  @Test
  void aFileWithoutAFinalNewlineStaysWithoutOneAndTheDiffSaysSo() throws Exception {
    String source = "class A {\n  int x = 1;\n}";
    String patch =
        """
        --- A.java
        +++ A.java
        @@ -1,3 +1,3 @@
         class A {
        -  int x = 1;
        +  int x = 2;
         }
        """;

    UnifiedPatch.Applied applied = only(patch).applyTo(source);

    assertEquals("class A {\n  int x = 2;\n}", applied.text());
    assertEquals(
        List.of(
            "@@ -1,3 +1,3 @@",
            " class A {",
            "-  int x = 1;",
            "+  int x = 2;",
            " }",
            "\\ No newline at end of file"),
        applied.hunks());
  }

  @Test
  void hunksApplyInOrderAndAnInsertionGoesAfterItsLine() throws Exception {
    String source = "a\nb\nc\nd\ne\nf\n";
    String patch =
        """
        --- f
        +++ f
        @@ -1,1 +1,1 @@
        -a
        +A
        @@ -3,0 +4,1 @@
        +c2
        @@ -6,1 +7,1 @@
        -f
        +F
        """;

    assertEquals("A\nb\nc\nc2\nd\ne\nF\n", only(patch).applyTo(source).text());
  }

  @Test
  void aFileThatChangedSinceIsRefusedNamingTheLine() throws Exception {
    String changed = SOURCE.replace("S3Client s3 = S3Client.create();", "S3Client s3 = other();");

    UnifiedPatch.PatchException e =
        assertThrows(UnifiedPatch.PatchException.class, () -> only(PATCH).applyTo(changed));

    assertEquals(
        "line 3 is not what Error Prone read: '    S3Client s3 = S3Client.create();'",
        e.getMessage());
  }

  @Test
  void readsOneEntryPerFileAndRejectsWhatIsNoUnifiedDiff() throws Exception {
    String two =
        PATCH
            + """
            --- ../../../src/main/java/Other.java
            +++ ../../../src/main/java/Other.java
            @@ -1,1 +1,1 @@
            -x
            +y
            """;
    assertEquals(
        List.of(
            Path.of("/work/fn/src/main/java/Upload.java"),
            Path.of("/work/fn/src/main/java/Other.java")),
        UnifiedPatch.parse(two, BASE).stream().map(UnifiedPatch.FilePatch::file).toList());

    assertThrows(
        UnifiedPatch.PatchException.class,
        () -> UnifiedPatch.parse("--- a\n+++ a\n@@ -1,2 +1,2 @@\n-x\n", BASE));
    assertThrows(
        UnifiedPatch.PatchException.class,
        () -> UnifiedPatch.parse("@@ -1,1 +1,1 @@\n-x\n+y\n", BASE));
    assertThrows(UnifiedPatch.PatchException.class, () -> UnifiedPatch.parse("garbage\n", BASE));
    assertThrows(UnifiedPatch.PatchException.class, () -> UnifiedPatch.parse(PATCH + PATCH, BASE));
  }

  @Test
  void theSeparatorIsTheOneMostLinesEndWith() {
    assertEquals("\n", UnifiedPatch.separator("a\nb\n"));
    assertEquals("\r\n", UnifiedPatch.separator("a\r\nb\r\nc\n"));
    assertEquals("\r", UnifiedPatch.separator("a\rb\r"));
    assertEquals("\n", UnifiedPatch.separator("no line break"));
  }
}
