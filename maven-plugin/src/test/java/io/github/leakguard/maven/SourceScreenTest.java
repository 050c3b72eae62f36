package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SourceScreenTest {
  @TempDir Path root;

  private List<String> kept(String... files) throws Exception {
    for (int i = 0; i < files.length; i += 2) {
      Path file = root.resolve(files[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files[i + 1]);
    }
    SourceIndex index =
        SourceIndex.scan(List.of(root), List.of(), List.of(), StandardCharsets.UTF_8);
    return new SourceScreen(index, Set.of("MyHandler"))
        .select().stream()
        .map(file -> root.relativize(file).toString().replace('\\', '/'))
        .toList();
  }

  @Test
  void keepsHandlersAndSkipsPlainData() throws Exception {
    assertEquals(
        List.of("a/Ctx.java", "a/Fn.java", "a/Named.java"),
        kept(
            "a/Fn.java", "package a; class Fn implements RequestHandler<String, String> {}",
            "a/Named.java", "package a; class Named { @FunctionName(\"x\") void run() {} }",
            "a/Ctx.java", "package a; class Ctx { public void run(String in, Context c) {} }",
            "a/Money.java",
                "package a; import java.util.List; import java.math.BigDecimal;"
                    + " record Money(BigDecimal amount, List<String> tags) {"
                    + " Money { if (amount == null) throw new IllegalArgumentException(); } }"));
  }

  @Test
  void keepsEverythingThatCanReachIoOrALibrary() throws Exception {
    assertEquals(
        List.of("a/Fqn.java", "a/Import.java", "a/Unknown.java", "a/Wildcard.java"),
        kept(
            "a/Import.java", "package a; import okhttp3.OkHttpClient; class Import {}",
            "a/Fqn.java",
                "package a; class Fqn { Object c = java.net.http.HttpClient.newHttpClient(); }",
            "a/Wildcard.java", "package a; import java.sql.*; class Wildcard {}",
            // A same-package type from a dependency: not in the module, not java.lang.
            "a/Unknown.java", "package a; class Unknown { Object c = PooledThing.create(); }",
            "a/Thread.java.txt", "not java"));
  }

  @Test
  void keepsCodeThatReachesAKeptFileTransitively() throws Exception {
    assertEquals(
        List.of("a/Caller.java", "a/Clients.java", "a/Indirect.java", "b/QualifiedLive.java"),
        kept(
            "a/Clients.java",
                "package a; import java.net.http.HttpClient;"
                    + " class Clients { static HttpClient http() { return null; } }",
            "a/Caller.java", "package a; class Caller { Object x = Clients.http(); }",
            "a/Indirect.java", "package a; class Indirect { Caller c; }",
            "a/Alone.java", "package a; class Alone { int twice(int x) { return 2 * x; } }",
            "b/Qualified.java", "package b; class Qualified { Class<?> c = a.Alone.class; }",
            "b/QualifiedLive.java", "package b; class QualifiedLive { Object x = a.Clients.http(); }"));
  }

  @Test
  void keepsWhatItCannotParseAndLiveJavaLangTypes() throws Exception {
    assertEquals(
        List.of("a/Broken.java", "a/Proc.java"),
        kept(
            "a/Broken.java", "package a; class Broken { /* never closed",
            "a/Proc.java", "package a; class Proc { Object p = new ProcessBuilder(\"ls\"); }",
            "a/Plain.java", "package a; class Plain { String s = String.valueOf(Math.max(1, 2)); }"));
  }

  @Test
  void namesInCommentsAndStringsDoNotCountButConstantsAndTypeVariablesDoNotKeep() throws Exception {
    assertEquals(
        List.of(),
        kept(
            "a/Quiet.java",
            """
            package a;

            import java.util.List;

            /** Not java.net.Socket, which this comment mentions. */
            final class Quiet<T> {
              static final int MAX_SIZE = 10;
              enum Mode { FAST, SLOW }

              String text = "java.net.http.HttpClient.newHttpClient()";
              String block = \"""
                  okhttp3.OkHttpClient \\\""" still in the block
                  \""";
              char quote = '"';

              int size(List<T> items, Mode mode) {
                return mode == Mode.FAST ? Math.min(items.size(), MAX_SIZE) : 0x1F + 1e-3 > 0 ? 1 : 0;
              }
            }
            """));
  }
}
