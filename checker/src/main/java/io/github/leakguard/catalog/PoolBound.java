package io.github.leakguard.catalog;

/**
 * A setting that bounds a connection pool: one argument of one method or constructor.
 *
 * @param family the library family, for messages
 * @param method the method or constructor that sets it
 * @param argument which argument carries the bound
 * @param meaning what the number bounds
 * @param unlimited which values the library documents as "no limit"
 */
public record PoolBound(
    String family, MethodRef method, Parameter argument, Meaning meaning, Unlimited unlimited) {

  /** What a bound's number limits. */
  public enum Meaning {
    MAX_TOTAL("maximum connections", true, true),
    MAX_PER_ROUTE("maximum connections per route", false, true),
    MAX_CONCURRENCY("maximum concurrent connections", true, true),
    MAX_REQUESTS("maximum concurrent requests", true, true),
    MAX_REQUESTS_PER_HOST("maximum concurrent requests per host", false, true),
    POOL_SIZE("maximum pool size", true, true),
    // Waiting acquisitions hold no socket, but an unlimited queue hides an overloaded pool.
    PENDING_ACQUIRES("maximum pending connection acquisitions", false, false);

    private final String text;
    private final boolean caps;
    private final boolean sockets;

    Meaning(String text, boolean caps, boolean sockets) {
      this.text = text;
      this.caps = caps;
      this.sockets = sockets;
    }

    /** "maximum connections per route". */
    public String text() {
      return text;
    }

    /** Whether the number caps every socket the pool opens (not only those to one host). */
    public boolean capsPool() {
      return caps;
    }

    /** Whether the number counts sockets, so a value above the descriptor budget is a finding. */
    public boolean countsSockets() {
      return sockets;
    }
  }

  /** The values a library documents as "no limit", besides {@code MAX_VALUE} which always is. */
  public enum Unlimited {
    MAX_VALUE_ONLY,
    NEGATIVE,
    ZERO_OR_NEGATIVE;

    public boolean isUnlimited(long value) {
      if (value == Integer.MAX_VALUE || value == Long.MAX_VALUE) {
        return true;
      }
      return switch (this) {
        case MAX_VALUE_ONLY -> false;
        case NEGATIVE -> value < 0;
        case ZERO_OR_NEGATIVE -> value <= 0;
      };
    }
  }
}
