package io.github.leakguard.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user's choice of checks as written in {@code checks} ({@code ClientBuiltInHandler:WARN,
 * UnclosedResponse:OFF}) and {@code extraChecks} ({@code StreamResourceLeak[:ERROR]}): read and
 * checked for form here, before any analysis. Whether each name is a check is answered by the
 * analysis runner, which loads the checker and Error Prone on the analysing JDK.
 */
final class CheckSelection {
  private static final Pattern CHECK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final String SETTINGS = "ERROR, WARN, OFF";

  private CheckSelection() {}

  /**
   * The entries of one parameter, as the runner reads them: {@code name} and {@code setting}
   * (ERROR, WARN, OFF, or null for the check's own severity).
   */
  static List<Map<String, Object>> parse(String parameter, String raw)
      throws ConfigurationException {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    List<Map<String, Object>> entries = new java.util.ArrayList<>();
    for (String entry : Pattern.compile("[,\\s]+").split(raw.trim())) {
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String name = (colon < 0 ? entry : entry.substring(0, colon)).trim();
      if (!CHECK_NAME.matcher(name).matches()) {
        throw new ConfigurationException(
            parameter,
            "'" + entry + "' is not a check name",
            "check names such as ClientBuiltInHandler, optionally followed by :ERROR|WARN|OFF");
      }
      String setting = null;
      if (colon >= 0) {
        String written = entry.substring(colon + 1).trim();
        if (written.equalsIgnoreCase("OFF")) {
          setting = "OFF";
        } else {
          Optional<Severity> severity = Severity.parse(written);
          if (severity.isEmpty()) {
            throw new ConfigurationException(
                parameter, "'" + written + "' in '" + entry + "' is not a severity", SETTINGS);
          }
          setting = severity.get().name();
        }
      }
      Map<String, Object> parsed = new LinkedHashMap<>();
      parsed.put("name", name);
      parsed.put("setting", setting);
      entries.add(parsed);
    }
    return entries;
  }
}
