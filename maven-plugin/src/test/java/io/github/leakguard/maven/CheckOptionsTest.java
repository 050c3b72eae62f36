package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gate passes option values on unjudged (the checker's verdict is asserted in
 * LeakGuardEngineTest and LeakGuardOptionsTest); it only keeps checkOptions off the options that
 * have a parameter of their own.
 */
final class CheckOptionsTest {

  @Test
  void passesEveryOptionByNameWithTemplateHandlersAdded() throws Exception {
    CheckOptions options =
        new CheckOptions(
            "com.example.Handler, com.example.Other",
            "com.example.Fn",
            "com.example.Jobs::run",
            " 512 ",
            "PT2M",
            Map.of("StrictStatementOwnership", "true"));

    assertEquals(
        Map.of(
            "HandlerTypes", "com.example.Handler, com.example.Other",
            "HandlerAnnotations", "com.example.Fn",
            "HandlerMethods", "com.example.Jobs::run,com.example.App::handle",
            "FdBudget", "512",
            "MaxIdle", "PT2M",
            "StrictStatementOwnership", "true"),
        options.toOptions(Set.of("com.example.App::handle")));
  }

  @Test
  void badValuesAreNotJudgedHere() throws Exception {
    assertEquals(
        Map.of("FdBudget", "abc"),
        new CheckOptions(null, null, null, "abc", null, Map.of()).toOptions(Set.of()));
  }

  @Test
  void checkOptionsCannotSetAnOptionWithItsOwnParameter() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new CheckOptions(null, null, null, null, null, Map.of("FdBudget", "12"))
                    .toOptions(Set.of()));
    assertEquals(
        "LeakGuard parameter 'checkOptions': 'FdBudget' is not an option to set here; accepted:"
            + " LeakGuard option names such as StrictStatementOwnership (fdBudget,"
            + " handlerAnnotations, handlerMethods, handlerTypes, maxIdle are parameters of their"
            + " own)",
        e.getMessage());
  }

  @Test
  void eachOptionNamesItsParameter() {
    assertEquals("fdBudget", CheckOptions.parameterOf("FdBudget"));
    assertEquals("handlerMethods", CheckOptions.parameterOf("HandlerMethods"));
    assertEquals("checkOptions", CheckOptions.parameterOf("StrictStatementOwnership"));
    assertEquals("checkOptions", CheckOptions.parameterOf("NoSuchOption"));
  }
}
