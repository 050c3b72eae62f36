package io.github.leakguard.catalog;

/**
 * Which argument of a call a catalog entry reads: the {@code ordinal}-th parameter (from 0) whose
 * erased type is {@code type}. Naming the argument by type rather than position lets one entry
 * cover every overload of a constructor such as Netty's {@code FixedChannelPool}, whose {@code int
 * maxConnections} moves but is always its first {@code int}.
 *
 * @param type the parameter's fully qualified erased type ({@code int}, {@code java.time.Duration})
 * @param ordinal which parameter of that type, from 0
 */
public record Parameter(String type, int ordinal) {

  public static Parameter first(String type) {
    return new Parameter(type, 0);
  }

  public static Parameter second(String type) {
    return new Parameter(type, 1);
  }
}
