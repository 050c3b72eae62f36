package io.github.leakguard.maven;

/** Where the engine reports progress; the mojo adapts Maven's log, tests collect lines. */
public interface GateLog {
  void info(String line);

  void warn(String line);

  /** A log that keeps nothing. */
  static GateLog silent() {
    return new GateLog() {
      @Override
      public void info(String line) {}

      @Override
      public void warn(String line) {}
    };
  }
}
