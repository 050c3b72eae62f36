package io.github.leakguard.maven;

/** The analysis could not run to the end (javac could not compile the sources, or crashed). */
public final class AnalysisException extends Exception {
  private static final long serialVersionUID = 1L;

  public AnalysisException(String message) {
    super(message);
  }
}
