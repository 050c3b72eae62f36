package io.github.leakguard.catalog.platform;

/**
 * Maven coordinates that make a module a function module: a dependency whose group is {@code
 * groupId} and whose artifact id starts with {@code artifactPrefix}.
 *
 * @param what the library, as the gate's log names it ("the Spring Cloud Function AWS adapter")
 */
public record Coordinates(String groupId, String artifactPrefix, String what) {

  /** Whether {@code coordinates}, given as {@code groupId:artifactId}, is such a dependency. */
  public boolean matches(String coordinates) {
    int colon = coordinates.indexOf(':');
    return colon == groupId.length()
        && coordinates.startsWith(groupId)
        && coordinates.startsWith(artifactPrefix, colon + 1);
  }
}
