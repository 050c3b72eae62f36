package io.github.leakguard;

/** Where LeakGuard's documentation lives, so every check links to its own page. */
public final class Documentation {

  /** The base of every check's page; the page is {@code <base><CheckName>.md}. */
  public static final String BUG_PATTERN_BASE =
      "https://github.com/leakguard/leakguard/blob/main/docs/bugpattern/";

  private Documentation() {}
}
