package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        "jdk toolchain",
        "cannot tell the version of " + javac + " from " + release,
        "a JDK 17 or newer");
  }

  private static Jdk of(Path javac, int feature) throws ConfigurationException {
    if (!Files.isExecutable(javac)) {
      throw new ConfigurationException(
          "jdk",
          "there is no javac at " + javac + " (Maven runs on a JRE?)",
          "a JDK 17 or newer, running Maven or given as a jdk toolchain");
    }
    if (feature < 17) {
      throw new ConfigurationException(
          "jdk", "JDK " + feature + " cannot run Error Prone", "a JDK 17 or newer");
    }
    return new Jdk(javac, feature);
  }

  /** The java launcher beside javac, which runs the analysis. */
  Path java() {
    return javac.resolveSibling(executable("java"));
  }

  /** The newest Error Prone this JDK runs: 2.42.0 is the last for JDK 17 to 20. */
  String errorProneVersion() {
    return feature < 21 ? "2.42.0" : "2.52.0";
  }

  /**
   * Fails when this JDK cannot run the given Error Prone: its classes are newer than the JDK (Error
   * Prone 2.43 and later need JDK 21).
   */
  void checkRuns(List<Path> errorProne, String version) throws ConfigurationException {
    for (Path jar : errorProne) {
      if (!jar.getFileName().toString().startsWith("error_prone_core")) {
        continue;
      }
      int needed = classFileFeature(jar);
      if (needed > feature) {
        throw new ConfigurationException(
            "errorProneVersion",
            "Error Prone "
                + version
                + " needs JDK "
                + needed
                + " or newer, and the analysis runs"
                + " on JDK "
                + feature,
            "Error Prone "
                + errorProneVersion()
                + " or older on JDK "
                + feature
                + " (the default), or a newer JDK to run Maven or as a jdk toolchain");
      }
    }
  }

  /** The Java feature version Error Prone's plugin class was compiled for; 0 if unknown. */
  private static int classFileFeature(Path jar) {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      java.util.zip.ZipEntry entry =
          zip.getEntry("com/google/errorprone/ErrorProneJavacPlugin.class");
      if (entry == null) {
        return 0;
      }
      try (java.io.DataInputStream in = new java.io.DataInputStream(zip.getInputStream(entry))) {
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        return in.readUnsignedShort() - 44;
      }
    } catch (IOException e) {
      return 0;
    }
  }

  private static String executable(String tool) {
    return System.getProperty("os.name").startsWith("Windows") ? tool + ".exe" : tool;
  }
}
