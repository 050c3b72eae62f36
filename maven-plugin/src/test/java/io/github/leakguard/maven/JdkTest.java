package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdkTest {
  @TempDir Path dir;

  /** A stand-in error_prone_core jar whose plugin class has the given class-file major version. */
  private Path errorProneCore(int major) throws Exception {
    Path jar = dir.resolve("error_prone_core-9.9.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("com/google/errorprone/ErrorProneJavacPlugin.class"));
      DataOutputStream out = new DataOutputStream(zip);
      out.writeInt(0xCAFEBABE);
      out.writeShort(0);
      out.writeShort(major);
      out.flush();
      zip.closeEntry();
    }
    return jar;
  }

  @Test
  void anErrorProneNewerThanTheJdkIsAConfigurationError() throws Exception {
    Jdk jdk17 = new Jdk(Path.of("javac"), 17);
    Path java21 = errorProneCore(65);

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> jdk17.checkRuns(List.of(java21), "2.52.0"));
    assertEquals(
        "LeakGuard parameter 'errorProneVersion': Error Prone 2.52.0 needs JDK 21 or newer, and the"
            + " analysis runs on JDK 17; accepted: Error Prone 2.42.0 or older on JDK 17 (the"
            + " default), or a newer JDK to run Maven or as a jdk toolchain",
        e.getMessage());
    new Jdk(Path.of("javac"), 21).checkRuns(List.of(java21), "2.52.0");
    jdk17.checkRuns(List.of(errorProneCore(61)), "2.42.0");
  }
}
