package io.github.leakguard.maven;

/**
 * The gate was configured wrongly: the message names the parameter and what it accepts. The mojo
 * turns it into a {@code MojoExecutionException}, since no analysis result can be trusted.
 */
public final class ConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String parameter, String problem, String accepted) {
    super("LeakGuard parameter '" + parameter + "': " + problem + "; accepted: " + accepted);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
