package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form of {@code checks} and {@code extraChecks}; the names are the runner's to judge. */
final class CheckSelectionTest {

  private static Map<String, Object> entry(String name, String setting) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("name", name);
    entry.put("setting", setting);
    return entry;
  }

  @Test
  void readsNamesAndSettingsInAnyCase() throws Exception {
    assertEquals(
        List.of(
            entry("ClientBuiltInHandler", "WARN"),
            entry("UnclosedResponse", "OFF"),
            entry("MissingIdleTimeout", "ERROR"),
            entry("StreamResourceLeak", null)),
        CheckSelection.parse(
            "checks",
            "ClientBuiltInHandler:WARN, UnclosedResponse:off,MissingIdleTimeout:error"
                + " StreamResourceLeak"));
  }

  @Test
  void nothingSetNothingChanged() throws Exception {
    assertEquals(List.of(), CheckSelection.parse("checks", null));
    assertEquals(List.of(), CheckSelection.parse("extraChecks", "  "));
  }

  @Test
  void badSeverityAndBadNameNameTheParameter() {
    ConfigurationException severity =
        assertThrows(
            ConfigurationException.class,
            () -> CheckSelection.parse("checks", "ClientBuiltInHandler:INFO"));
    assertEquals(
        "LeakGuard parameter 'checks': 'INFO' in 'ClientBuiltInHandler:INFO' is not a severity;"
            + " accepted: ERROR, WARN, OFF",
        severity.getMessage());
    ConfigurationException name =
        assertThrows(
            ConfigurationException.class,
            () -> CheckSelection.parse("extraChecks", "Not-A-Check:ERROR"));
    assertEquals(
        "LeakGuard parameter 'extraChecks': 'Not-A-Check:ERROR' is not a check name; accepted:"
            + " check names such as ClientBuiltInHandler, optionally followed by :ERROR|WARN|OFF",
        name.getMessage());
  }
}
