package io.github.leakguard.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Reads which checks a checker jar registers, and their {@code @BugPattern}s, so the gate runs
 * whatever the jar holds instead of a list the plugin would have to keep in step.
 *
 * <p>The check classes are loaded, not initialised, in a class loader of their own that is closed
 * afterwards; only their annotations are read, by reflection, since the annotation type belongs to
 * that loader and not to the plugin.
 */
final class CheckerRules {
  static final String SERVICES = "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";
  private static final String BUG_PATTERN = "com.google.errorprone.BugPattern";

  private CheckerRules() {}

  /**
   * The checks registered in {@code checkerJar}, in the order the jar lists them.
   *
   * @param errorProne Error Prone's jars, which define {@code BugChecker} and {@code BugPattern}
   */
  static List<Rule> read(Path checkerJar, List<Path> errorProne) throws ConfigurationException {
    List<String> classes = registered(checkerJar);
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(checkerJar.toUri().toURL());
      for (Path jar : errorProne) {
        urls.add(jar.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new ConfigurationException("cannot load " + checkerJar, e);
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      @SuppressWarnings("unchecked")
      Class<? extends Annotation> bugPattern =
          (Class<? extends Annotation>) Class.forName(BUG_PATTERN, false, loader);
      List<Rule> rules = new ArrayList<>();
      for (String name : classes) {
        Class<?> check = Class.forName(name, false, loader);
        Annotation pattern = check.getAnnotation(bugPattern);
        if (pattern != null) {
          rules.add(rule(check, pattern));
        }
      }
      return rules;
    } catch (ReflectiveOperationException | IOException | LinkageError e) {
      throw new ConfigurationException(
          "cannot read the checks registered in " + checkerJar + ": " + e, e);
    }
  }

  private static Rule rule(Class<?> check, Annotation pattern) throws ReflectiveOperationException {
    String name = (String) attribute(pattern, "name");
    String severity = ((Enum<?>) attribute(pattern, "severity")).name();
    return new Rule(
        name.isEmpty() ? check.getSimpleName() : name,
        (String) attribute(pattern, "summary"),
        severity.equals("ERROR") ? Severity.ERROR : Severity.WARN,
        (String) attribute(pattern, "link"));
  }

  private static Object attribute(Annotation annotation, String name)
      throws ReflectiveOperationException {
    Method method = annotation.annotationType().getMethod(name);
    return method.invoke(annotation);
  }

  private static List<String> registered(Path checker) throws ConfigurationException {
    try {
      if (Files.isDirectory(checker)) {
        Path services = checker.resolve(SERVICES);
        if (!Files.isRegularFile(services)) {
          throw noServices(checker);
        }
        return classNames(Files.newInputStream(services));
      }
      try (JarFile jar = new JarFile(checker.toFile())) {
        ZipEntry services = jar.getEntry(SERVICES);
        if (services == null) {
          throw noServices(checker);
        }
        return classNames(jar.getInputStream(services));
      }
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the checker " + checker + ": " + e, e);
    }
  }

  private static ConfigurationException noServices(Path checker) {
    return new ConfigurationException(
        "the checker " + checker + " registers no checks (" + SERVICES + " is missing)", null);
  }

  private static List<String> classNames(InputStream in) throws IOException {
    List<String> classes = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.replaceFirst("#.*", "").trim();
        if (!name.isEmpty()) {
          classes.add(name);
        }
      }
    }
    return classes;
  }
}
