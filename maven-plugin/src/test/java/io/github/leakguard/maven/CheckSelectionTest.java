package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CheckSelectionTest {
  private static final List<Rule> RULES =
      List.of(
          new Rule("ClientBuiltInHandler", "s", Severity.ERROR, "l"),
          new Rule("UnclosedResponse", "s", Severity.ERROR, "l"),
          new Rule("MissingIdleTimeout", "s", Severity.WARN, "l"));

  @Test
  void everyCheckRunsAtItsOwnSeverityByDefault() throws Exception {
    assertEquals(
        Map.of(
            "ClientBuiltInHandler", Severity.ERROR,
            "UnclosedResponse", Severity.ERROR,
            "MissingIdleTimeout", Severity.WARN),
        CheckSelection.of(RULES, null, null).severities());
  }

  @Test
  void regradesDisablesAndAddsChecks() throws Exception {
    Map<String, Severity> severities =
        CheckSelection.of(
                RULES,
                "ClientBuiltInHandler:WARN, UnclosedResponse:OFF,MissingIdleTimeout:error",
                "StreamResourceLeak:ERROR")
            .severities();

    assertEquals(
        Map.of(
            "ClientBuiltInHandler", Severity.WARN,
            "MissingIdleTimeout", Severity.ERROR,
            "StreamResourceLeak", Severity.ERROR),
        severities);
  }

  @Test
  void unknownCheckNamesTheParameterAndTheChecks() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> CheckSelection.of(RULES, "UnclosedSocket:OFF", ""));
    assertEquals(
        "LeakGuard parameter 'checks': unknown check 'UnclosedSocket'; accepted: the LeakGuard"
            + " checks ClientBuiltInHandler, UnclosedResponse, MissingIdleTimeout, each optionally"
            + " followed by :ERROR|WARN|OFF",
        e.getMessage());
  }

  @Test
  void badSeverityIsRejected() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> CheckSelection.of(RULES, "ClientBuiltInHandler:INFO", ""));
    assertTrue(e.getMessage().contains("accepted: ERROR, WARN, OFF"), e.getMessage());
    assertThrows(
        ConfigurationException.class, () -> CheckSelection.of(RULES, "", "Not-A-Check:ERROR"));
  }
}
