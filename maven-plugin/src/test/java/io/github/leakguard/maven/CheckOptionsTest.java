package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CheckOptionsTest {

  @Test
  void passesEveryOptionAsAnErrorProneFlag() throws Exception {
    CheckOptions options =
        new CheckOptions(
            "com.example.Handler, com.example.Other",
            "com.example.Fn",
            512,
            "PT2M",
            Map.of("StrictStatementOwnership", "true"));

    assertEquals(
        List.of(
            "LeakGuard:HandlerTypes=com.example.Handler,com.example.Other",
            "LeakGuard:HandlerAnnotations=com.example.Fn",
            "LeakGuard:FdBudget=512",
            "LeakGuard:MaxIdle=PT2M",
            "LeakGuard:StrictStatementOwnership=true"),
        options.toFlags());
  }

  @Test
  void noOptionsNoFlags() throws Exception {
    assertEquals(List.of(), new CheckOptions(null, "", null, null, Map.of()).toFlags());
  }

  @Test
  void badValuesNameTheirParameter() {
    List<CheckOptions> bad =
        List.of(
            new CheckOptions("not a type!", null, null, null, Map.of()),
            new CheckOptions(null, "com.example.", null, null, Map.of()),
            new CheckOptions(null, null, 0, null, Map.of()),
            new CheckOptions(null, null, null, "5 minutes", Map.of()),
            new CheckOptions(null, null, null, "PT0S", Map.of()),
            new CheckOptions(null, null, null, null, Map.of("FdBudget", "12")));
    List<String> parameters =
        List.of("handlerTypes", "handlerAnnotations", "fdBudget", "maxIdle", "maxIdle",
            "checkOptions");
    for (int i = 0; i < bad.size(); i++) {
      CheckOptions options = bad.get(i);
      ConfigurationException e = assertThrows(ConfigurationException.class, options::toFlags);
      assertTrue(
          e.getMessage().startsWith("LeakGuard parameter '" + parameters.get(i) + "'"),
          e.getMessage());
      assertTrue(e.getMessage().contains("; accepted: "), e.getMessage());
    }
  }
}
