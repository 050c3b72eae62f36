package io.github.leakguard.catalog;

import java.util.OptionalLong;

/**
 * The most connections a client opens when its configuration states no bound, as its library
 * documents it.
 *
 * <p>A client matches when one of the types its construction names (the class of a {@code new}, the
 * owner of a static factory such as {@code ApacheHttpClient.builder()}, the type of a builder in
 * the chain) is a subtype of {@link #origin}. Entries marked {@link #fallback} apply only when no
 * other entry matches: an SDK service client uses its HTTP client's default unless one is named.
 *
 * @param family the library family, for messages
 * @param origin the fully qualified type that marks the client
 * @param max the default maximum, or empty when the library has none (unbounded) or it depends on
 *     the environment in a way the compiler cannot know
 * @param source where the number comes from, in a message ("ApacheHttpClient default
 *     maxConnections")
 * @param fallback whether this entry applies only when no other does
 */
public record ConnectionDefault(
    String family, String origin, OptionalLong max, String source, boolean fallback) {

  public static ConnectionDefault of(String family, String origin, long max, String source) {
    return new ConnectionDefault(family, origin, OptionalLong.of(max), source, false);
  }

  public static ConnectionDefault unknown(String family, String origin, String source) {
    return new ConnectionDefault(family, origin, OptionalLong.empty(), source, false);
  }

  public ConnectionDefault asFallback() {
    return new ConnectionDefault(family, origin, max, source, true);
  }
}
