package io.github.leakguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import io.github.leakguard.config.LeakGuardOptions.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one definition of LeakGuard's options: defaults, values, and every bad value's verdict. */
final class LeakGuardOptionsTest {

  private static LeakGuardOptions options(Map<String, String> values) {
    ImmutableMap.Builder<String, String> flags = ImmutableMap.builder();
    values.forEach((name, value) -> flags.put(LeakGuardOptions.PREFIX + name, value));
    return LeakGuardOptions.from(ErrorProneFlags.fromMap(flags.buildOrThrow()));
  }

  @Test
  void defaults() {
    LeakGuardOptions options = LeakGuardOptions.defaults();
    assertEquals(1024, options.fdBudget());
    assertEquals(Duration.ofMinutes(5), options.maxIdle());
    assertEquals(ImmutableSet.of(), options.handlerTypes());
    assertEquals(ImmutableSet.of(), options.handlerMethods());
    assertEquals(false, options.strictStatementOwnership());
    assertEquals(List.of(), options.problems());
  }

  @Test
  void goodValuesAreReadTrimmed() {
    LeakGuardOptions options =
        options(
            Map.of(
                "HandlerTypes", " com.example.Handler , com.example.Other ",
                "HandlerAnnotations", "com.example.Fn",
                "HandlerMethods", "com.example.App::handle,com.example.Jobs$Nightly",
                "FdBudget", " 512 ",
                "MaxIdle", "PT2M",
                "StrictStatementOwnership", "TRUE"));
    assertEquals(List.of(), options.problems());
    assertEquals(
        ImmutableSet.of("com.example.Handler", "com.example.Other"), options.handlerTypes());
    assertEquals(ImmutableSet.of("com.example.Fn"), options.handlerAnnotations());
    assertEquals(
        ImmutableSet.of("com.example.App::handle", "com.example.Jobs$Nightly"),
        options.handlerMethods());
    assertEquals(512, options.fdBudget());
    assertEquals(Duration.ofMinutes(2), options.maxIdle());
    assertTrue(options.strictStatementOwnership());
  }

  @Test
  void everyBadValueIsOneProblemNamingOptionValueAndWhatIsAccepted() {
    Map<String, String> bad =
        Map.ofEntries(
            Map.entry("FdBudget", "abc"),
            Map.entry("MaxIdle", "5min"),
            Map.entry("HandlerTypes", "not a type"),
            Map.entry("HandlerAnnotations", "com.example."),
            Map.entry("HandlerMethods", "com.example.App::"),
            Map.entry("StrictStatementOwnership", "sometimes"));
    for (Map.Entry<String, String> entry : bad.entrySet()) {
      List<Problem> problems = options(Map.of(entry.getKey(), entry.getValue())).problems();
      assertEquals(1, problems.size(), entry.toString());
      Problem problem = problems.get(0);
      assertEquals(entry.getKey(), problem.option());
      assertEquals(entry.getValue(), problem.value());
      assertEquals(LeakGuardOptions.OPTIONS.get(entry.getKey()), problem.accepted());
      assertEquals(
          "-XepOpt:LeakGuard:"
              + entry.getKey()
              + "="
              + entry.getValue()
              + " is not valid; it takes "
              + problem.accepted(),
          problem.message());
    }
  }

  @Test
  void budgetOutOfRangeAndNonPositiveDurationsAreBad() {
    for (String budget : List.of("0", "-3", "1048577", "99999999999", "1.5", "")) {
      assertEquals(1, options(Map.of("FdBudget", budget)).problems().size(), budget);
    }
    assertEquals(1048576, options(Map.of("FdBudget", "1048576")).fdBudget());
    for (String idle : List.of("PT0S", "-PT1M", "P")) {
      assertEquals(1, options(Map.of("MaxIdle", idle)).problems().size(), idle);
    }
  }

  @Test
  void badValueKeepsTheDefaultSoTheCheckStillRuns() {
    LeakGuardOptions options = options(Map.of("FdBudget", "lots"));
    assertEquals(1024, options.fdBudget());
  }

  @Test
  void unknownOptionListsTheKnownOnes() {
    List<Problem> problems = options(Map.of("HandlerType", "x.Y")).problems();
    assertEquals(1, problems.size());
    assertEquals("HandlerType", problems.get(0).option());
    assertEquals(
        "unknown option -XepOpt:LeakGuard:HandlerType; LeakGuard's options are"
            + " LeakGuard:HandlerTypes, LeakGuard:HandlerAnnotations, LeakGuard:HandlerMethods,"
            + " LeakGuard:FdBudget, LeakGuard:MaxIdle, LeakGuard:StrictStatementOwnership",
        problems.get(0).message());
  }

  @Test
  void optionsOfOtherToolsAreNotOurs() {
    LeakGuardOptions options =
        LeakGuardOptions.from(ErrorProneFlags.fromMap(Map.of("NullAway:AnnotatedPackages", "x")));
    assertEquals(List.of(), options.problems());
  }
}
