package io.github.leakguard.maven;

import io.github.leakguard.catalog.platform.Platforms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the source files worth analysing, so a big module pays only for the code that matters.
 *
 * <p>Every LeakGuard finding is about a value of a library or I/O type (a client, connection,
 * response, pool) or about a handler. A file is analysed when it names a handler type, handler
 * annotation or Lambda {@code Context} (of the checker's platform catalog, or the user's), or when any name in it can reach a type outside a small
 * set of inert JDK packages ({@link #INERT_PACKAGES} and most of {@code java.lang}): an import, a
 * qualified name or a simple name the screen cannot place. A file whose every name resolves to
 * inert JDK types or to other files of the module is skipped unless one of those files is
 * analysed, since a value of a watched type could flow in through it. Anything the screen cannot
 * read is analysed. Skipped files stay visible to javac as compiled classes on the classpath.
 *
 * <p>It reads names with {@link JavaNames}, a lexer, not a parser: JavaParser took 2 to 4 ms a file
 * here, which on a 1,000-file module cost more than the analysis it saved.
 */
final class SourceScreen {
  /** JDK packages whose types never hold a socket, file or pool. */
  static final Set<String> INERT_PACKAGES =
      Set.of(
          "java.lang.annotation", "java.math", "java.text", "java.time", "java.time.chrono",
          "java.time.format", "java.time.temporal", "java.util", "java.util.function",
          "java.util.regex", "java.util.stream");

  /** {@code java.lang} types that own threads, processes or resources. */
  private static final Set<String> LIVE_JAVA_LANG =
      Set.of("AutoCloseable", "ClassLoader", "Process", "ProcessBuilder", "Runtime", "Thread",
          "ThreadGroup");

  /** Constants ({@code MAX_SIZE}, enum constants) and one-letter type variables name no type. */
  private static final Pattern NOT_A_TYPE = Pattern.compile("[A-Z][A-Z0-9_]+|[A-Z]");

  /** What one file needs from the others. */
  private record Facts(boolean live, Set<String> moduleNames) {
    static final Facts LIVE = new Facts(true, Set.of());
  }

  private final SourceIndex index;
  private final Set<String> handlerNames = new HashSet<>();
  private final Map<String, List<Path>> declaredBy = new HashMap<>();
  private final Set<String> moduleTypes = new HashSet<>();
  private final Map<String, Set<String>> packageTypes = new HashMap<>();
  private final Map<String, Boolean> javaLang = new HashMap<>();

  /**
   * @param userHandlerNames simple names of the user's own handler types and annotations; those of
   *     every platform and framework LeakGuard knows come from the checker's platform catalog
   */
  SourceScreen(SourceIndex index, Set<String> userHandlerNames) {
    this.index = index;
    handlerNames.addAll(catalogHandlerNames());
    handlerNames.addAll(userHandlerNames);
  }

  /** The simple names of the catalog's handler types, annotations and the Lambda context. */
  static Set<String> catalogHandlerNames() {
    Set<String> names = new HashSet<>();
    for (String qualified : Platforms.handlerNames()) {
      names.add(simple(qualified));
    }
    return names;
  }

  /** The files to analyse, in the index's order. */
  List<Path> select() {
    Map<Path, Optional<JavaNames>> names = new LinkedHashMap<>();
    for (Path file : index.files()) {
      Optional<JavaNames> read = read(file);
      names.put(file, read);
      read.ifPresent(n -> declare(file, n));
    }
    Map<Path, Facts> facts = new LinkedHashMap<>();
    names.forEach((file, read) -> facts.put(file, read.map(this::facts).orElse(Facts.LIVE)));
    Set<Path> live = new HashSet<>();
    facts.forEach((file, fact) -> {
      if (fact.live()) {
        live.add(file);
      }
    });
    for (boolean grew = true; grew; ) {
      grew = false;
      for (Map.Entry<Path, Facts> entry : facts.entrySet()) {
        if (!live.contains(entry.getKey()) && reachesLive(entry.getValue(), live)) {
          live.add(entry.getKey());
          grew = true;
        }
      }
    }
    return index.files().stream().filter(live::contains).toList();
  }

  private Optional<JavaNames> read(Path file) {
    try {
      return JavaNames.read(Files.readString(file, index.encoding()));
    } catch (IOException e) {
      return Optional.empty(); // analysed: javac will say what is wrong with it
    }
  }

  private boolean reachesLive(Facts facts, Set<Path> live) {
    for (String name : facts.moduleNames()) {
      for (Path file : declaredBy.getOrDefault(name, List.of())) {
        if (live.contains(file)) {
          return true;
        }
      }
    }
    return false;
  }

  private void declare(Path file, JavaNames names) {
    for (String type : names.declaredTypes()) {
      declaredBy.computeIfAbsent(type, k -> new ArrayList<>()).add(file);
      moduleTypes.add(names.pkg().isEmpty() ? type : names.pkg() + "." + type);
      packageTypes.computeIfAbsent(names.pkg(), k -> new HashSet<>()).add(type);
    }
  }

  private Facts facts(JavaNames names) {
    Set<String> moduleNames = new HashSet<>();
    Set<String> imported = new HashSet<>();
    for (String declaration : names.imports()) {
      if (!importIsInert(declaration, moduleNames)) {
        return Facts.LIVE;
      }
      imported.add(simple(declaration));
    }
    for (List<String> chain : names.chains()) {
      if (handlerNames.contains(chain.get(0))) {
        return Facts.LIVE;
      }
      int type = firstCapitalised(chain);
      if (type < 0) {
        continue; // a variable, a method call: its type is named elsewhere in the file
      }
      if (type > 0) {
        String qualified = String.join(".", chain.subList(0, type + 1));
        if (!qualifiedIsInert(qualified, moduleNames)) {
          return Facts.LIVE;
        }
        continue;
      }
      String name = chain.get(0);
      if (NOT_A_TYPE.matcher(name).matches()
          || names.declaredTypes().contains(name)
          || imported.contains(name)) {
        continue;
      }
      if (declaredBy.containsKey(name)) {
        moduleNames.add(name);
      } else if (!inertJavaLang(name)) {
        return Facts.LIVE;
      }
    }
    return new Facts(false, moduleNames);
  }

  private static int firstCapitalised(List<String> chain) {
    for (int i = 0; i < chain.size(); i++) {
      if (Character.isUpperCase(chain.get(i).charAt(0))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether an import brings in nothing but inert JDK types or module types (noted). */
  private boolean importIsInert(String imported, Set<String> moduleNames) {
    boolean isStatic = imported.startsWith("static ");
    String name = isStatic ? imported.substring("static ".length()) : imported;
    if (name.endsWith(".*")) {
      String container = name.substring(0, name.length() - 2);
      if (!isStatic) {
        Set<String> types = packageTypes.get(container);
        if (types != null) {
          moduleNames.addAll(types);
          return true;
        }
        if (INERT_PACKAGES.contains(container)) {
          return true;
        }
      }
      return qualifiedIsInert(container, moduleNames);
    }
    return qualifiedIsInert(isStatic ? parent(name) : name, moduleNames);
  }

  /** Whether a qualified type name is a module type (noted) or lies in an inert package. */
  private boolean qualifiedIsInert(String qualified, Set<String> moduleNames) {
    for (String candidate = qualified; candidate.contains("."); candidate = parent(candidate)) {
      if (moduleTypes.contains(candidate)) {
        moduleNames.add(simple(candidate));
        return true;
      }
      if (INERT_PACKAGES.contains(parent(candidate))) {
        return true;
      }
    }
    return qualified.startsWith("java.lang.")
        && qualified.indexOf('.', "java.lang.".length()) < 0
        && inertJavaLang(simple(qualified));
  }

  private boolean inertJavaLang(String simpleName) {
    if (LIVE_JAVA_LANG.contains(simpleName)) {
      return false;
    }
    return javaLang.computeIfAbsent(
        simpleName,
        name -> {
          try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
          } catch (ClassNotFoundException | LinkageError e) {
            return false;
          }
        });
  }

  private static String parent(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
