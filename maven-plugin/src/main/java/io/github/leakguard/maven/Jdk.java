package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK whose javac runs the analysis, and the Error Prone release that JDK can run.
 *
 * @param javac the javac executable
 * @param feature the JDK's feature version (17, 21, 25)
 */
record Jdk(Path javac, int feature) {
  private static final Pattern RELEASE_VERSION =
      Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)(?:[.\"+-]|$)");

  /** The JDK that runs Maven. */
  static Jdk running() throws ConfigurationException {
    return of(
        Path.of(System.getProperty("java.home"), "bin", executable("javac")),
        Runtime.version().feature());
  }

  /** A JDK known by its javac, as a toolchain gives it; the version comes from its release file. */
  static Jdk ofJavac(Path javac) throws ConfigurationException {
    Path release = javac.toAbsolutePath().getParent().getParent().resolve("release");
    try {
      Matcher version = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
      if (version.find()) {
        return of(javac, Integer.parseInt(version.group(1)));
      }
    } catch (IOException | NumberFormatException e) {
      // Falls through to the error below.
    }
    throw new ConfigurationException(
        "jdk toolchain", "cannot tell the version of " + javac + " from " + release,
        "a JDK 17 or newer");
  }

  private static Jdk of(Path javac, int feature) throws ConfigurationException {
    if (!Files.isExecutable(javac)) {
      throw new ConfigurationException(
          "jdk", "there is no javac at " + javac + " (Maven runs on a JRE?)",
          "a JDK 17 or newer, running Maven or given as a jdk toolchain");
    }
    if (feature < 17) {
      throw new ConfigurationException(
          "jdk", "JDK " + feature + " cannot run Error Prone", "a JDK 17 or newer");
    }
    return new Jdk(javac, feature);
  }

  /** The newest Error Prone this JDK runs: 2.42.0 is the last for JDK 17 to 20. */
  String errorProneVersion() {
    return feature < 21 ? "2.42.0" : "2.52.0";
  }

  private static String executable(String tool) {
    return System.getProperty("os.name").startsWith("Windows") ? tool + ".exe" : tool;
  }
}
