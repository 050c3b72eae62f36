package io.github.leakguard.maven;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; the order matters: a finding fails the gate at or above a threshold. */
public enum Severity {
  WARN("warning"),
  ERROR("error");

  /** The values users may write, for error messages. */
  public static final String ACCEPTED = "ERROR, WARN";

  private final String sarifLevel;

  Severity(String sarifLevel) {
    this.sarifLevel = sarifLevel;
  }

  /** The SARIF {@code level} of a result of this severity. */
  public String sarifLevel() {
    return sarifLevel;
  }

  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) >= 0;
  }

  /** Parses {@code ERROR}, {@code WARN} or {@code WARNING}, in any case. */
  public static Optional<Severity> parse(String raw) {
    return switch (raw.trim().toUpperCase(Locale.ROOT)) {
      case "ERROR" -> Optional.of(ERROR);
      case "WARN", "WARNING" -> Optional.of(WARN);
      default -> Optional.empty();
    };
  }
}
