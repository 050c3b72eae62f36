package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CompilerSettingsTest {

  private static CompilerSettings settings(
      String release,
      String source,
      String target,
      List<String> args,
      String proc,
      List<String> processors) {
    return new CompilerSettings(
        release,
        source,
        target,
        true,
        true,
        args,
        proc,
        processors,
        null,
        List.of(),
        List.of(),
        null,
        null);
  }

  @Test
  void releaseWinsOverSourceAndTargetAsInTheCompilerPlugin() {
    assertEquals(
        List.of("--release", "11", "--enable-preview", "-parameters"),
        settings("11", "1.8", "1.8", List.of(), null, List.of()).javacOptions());
    assertEquals(
        List.of(
            "-source",
            "17",
            "-target",
            "17",
            "--enable-preview",
            "-parameters",
            "-proc:full",
            "-processor",
            "a.P,b.Q"),
        settings(null, "17", "17", List.of(), "full", List.of("a.P", "b.Q")).javacOptions());
  }

  @Test
  void keepsLanguageAndProcessorArgumentsAndDropsWhatTheGateSetsOrMustNotTake() {
    List<String> args =
        List.of(
            "-Xlint:all",
            "-Werror",
            "-Xplugin:ErrorProne -XepDisableAllChecks",
            "-d",
            "out",
            "-s",
            "gen",
            "-classpath",
            "x.jar",
            "-proc:only",
            "-Amapstruct.verbose=true",
            "--add-exports",
            "jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "-J-Xmx1g",
            "-XDcompilePolicy=byfile",
            "--should-stop=ifError=FLOW",
            "-nowarn",
            "-implicit:class",
            "-Xmaxwarns",
            "10",
            "--enable-preview");
    assertEquals(
        List.of(
            "-Xlint:all",
            "-Amapstruct.verbose=true",
            "--add-exports",
            "jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--enable-preview"),
        CompilerSettings.kept(args));
  }

  @Test
  void processorsRunUnlessTheBuildTurnsThemOff() {
    assertTrue(CompilerSettings.defaults().runsProcessors());
    assertFalse(settings(null, null, null, List.of(), "none", List.of()).runsProcessors());
    assertFalse(
        settings(null, null, null, List.of("-proc:none"), null, List.of()).runsProcessors());
    assertEquals(
        List.of(),
        settings(null, null, null, List.of(), "only", List.of()).javacOptions().stream()
            .filter(o -> o.startsWith("-proc"))
            .toList());
  }
}
