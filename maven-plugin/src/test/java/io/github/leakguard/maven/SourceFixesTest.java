package io.github.leakguard.maven;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patch applied in memory, in the module's encoding, or the file left as it is and why. */
final class SourceFixesTest {
  @TempDir Path root;

  private static String patch(String from, String to) {
    return "--- A.java\n+++ A.java\n@@ -1,3 +1,3 @@\n class A {\n-" + from + "\n+" + to + "\n }\n";
  }

  private SourceFixes.Prepared prepare(String patch, Path file, List<Path> analysed, Charset cs)
      throws Exception {
    return SourceFixes.prepare(UnifiedPatch.parse(patch, file.getParent()), analysed, cs, root);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path file = root.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  @Test
  void aChangeIsEncodedInTheModulesEncoding() throws Exception {
    Path file = write("A.java", "class A {\n  int x;\n}\n".getBytes(ISO_8859_1));

    SourceFixes.Prepared prepared =
        prepare(
            patch("  int x;", "  String s = \"\u00e9t\u00e9\";"), file, List.of(file), ISO_8859_1);

    SourceFixes.FileChange change = prepared.changes().get(0);
    assertEquals("A.java", change.path());
    assertArrayEquals(
        "class A {\n  String s = \"\u00e9t\u00e9\";\n}\n".getBytes(ISO_8859_1), change.after());
    assertEquals(List.of(), prepared.untouched());
  }

  @Test
  void filesThePatchCannotBeTrustedOnAreLeftUntouchedWithTheReason() throws Exception {
    Path latin = write("A.java", "class A {\n  int caf\u00e9;\n}\n".getBytes(ISO_8859_1));
    assertEquals(
        "it holds characters that Error Prone's patching reads as UTF-8, not as the module's"
            + " ISO-8859-1; apply the fix by hand (the message says how) or convert the file to"
            + " UTF-8",
        only(prepare(patch("  int caf\u00e9;", "  int x;"), latin, List.of(latin), ISO_8859_1)));

    Path euro = write("A.java", "class A {\n  int x;\n}\n".getBytes(ISO_8859_1));
    assertEquals(
        "the fix writes characters ISO-8859-1 cannot encode",
        only(
            prepare(
                patch("  int x;", "  String s = \"\u20ac\";"), euro, List.of(euro), ISO_8859_1)));

    Path broken = write("A.java", new byte[] {'c', 'l', (byte) 0xff, '\n'});
    assertEquals(
        "not valid UTF-8 text",
        only(prepare(patch("  int x;", "  int y;"), broken, List.of(broken), UTF_8)));

    Path edited = write("A.java", "class A {\n  int y;\n}\n".getBytes(UTF_8));
    assertTrue(
        only(prepare(patch("  int x;", "  int z;"), edited, List.of(edited), UTF_8))
            .startsWith("it changed during the analysis (line 2 is not what Error Prone read"));

    Path other = write("A.java", "class A {\n  int x;\n}\n".getBytes(UTF_8));
    assertEquals(
        "not one of the sources LeakGuard analysed",
        only(prepare(patch("  int x;", "  int y;"), other, List.of(), UTF_8)));
  }

  @Test
  void theDiffNamesFilesAsGitDoesAndDropsCarriageReturnsOnlyForReading() throws Exception {
    Path file = write("A.java", "class A {\r\n  int x;\r\n}\r\n".getBytes(UTF_8));
    String crlf =
        "--- A.java\n+++ A.java\n@@ -1,3 +1,3 @@\n class A {\r\n-  int x;\r\n+  int y;\n }\r\n";
    List<SourceFixes.FileChange> changes = prepare(crlf, file, List.of(file), UTF_8).changes();

    assertEquals(
        List.of(
            "diff --git a/A.java b/A.java",
            "--- a/A.java",
            "+++ b/A.java",
            "@@ -1,3 +1,3 @@",
            " class A {",
            "-  int x;",
            "+  int y;",
            " }"),
        SourceFixes.diff(changes, false));
    assertEquals("+  int y;\r", SourceFixes.diff(changes, true).get(6));
  }

  private static String only(SourceFixes.Prepared prepared) {
    assertEquals(List.of(), prepared.changes());
    assertEquals(1, prepared.untouched().size());
    return prepared.untouched().get(0).reason();
  }
}
