package io.github.leakguard.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonTest {

  @Test
  void whatIsWrittenReadsBackTheSame() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "Größe → ✓ \"quoted\" back\\slash\ttab\nline\u0001");
    value.put("number", 42L);
    value.put("real", 1.5);
    value.put("flags", List.of(true, false));
    value.put("nothing", null);
    value.put("nested", Map.of("empty", List.of(), "map", Map.of()));

    assertEquals(value, Json.parse(Json.write(value)));
  }

  @Test
  void readsEscapesAndWhitespace() {
    assertEquals(
        Arrays.asList("é\n", -3L, 2.5e3, null),
        Json.parse(" [ \"\\u00e9\\n\" , -3 , 2.5e3 , null ] "));
  }

  @Test
  void malformedTextIsRejected() {
    for (String bad : List.of("{", "[1,]", "{\"a\" 1}", "\"open", "tru", "[] x", "{1: 2}")) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
    }
  }
}
