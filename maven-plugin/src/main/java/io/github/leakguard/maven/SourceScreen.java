package io.github.leakguard.maven;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.TypeParameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the source files worth analysing, so a big module pays only for the code that matters.
 *
 * <p>Every LeakGuard finding is about a value of a library or I/O type (a client, connection,
 * response, pool) or about a handler. A file is analysed when it declares a handler, or when any
 * name in it can reach a type outside a small set of inert JDK packages ({@link #INERT_PACKAGES}
 * and most of {@code java.lang}): an import, a qualified name or an unresolvable simple name from
 * elsewhere. A file whose every name resolves to inert JDK types or to other files of the module
 * is skipped unless one of those files is analysed, since a value of a watched type could flow in
 * through it. Anything the screen cannot parse or resolve is analysed. Skipped files stay visible
 * to javac as compiled classes on the classpath.
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

  private static final String LAMBDA_CONTEXT = "Context";

  /** What one file needs from the others. */
  private record Facts(boolean live, Set<String> moduleNames) {}

  private final SourceIndex index;
  private final Set<String> handlerTypes;
  private final Set<String> handlerAnnotations;
  private final Map<String, List<Path>> declaredBy = new HashMap<>();
  private final Set<String> moduleTypes = new HashSet<>();
  private final Map<String, Set<String>> packageTypes = new HashMap<>();
  private final Map<String, Boolean> javaLang = new HashMap<>();

  /**
   * @param handlerTypes simple names of handler supertypes
   * @param handlerAnnotations simple names of handler annotations
   */
  SourceScreen(SourceIndex index, Set<String> handlerTypes, Set<String> handlerAnnotations) {
    this.index = index;
    this.handlerTypes = handlerTypes;
    this.handlerAnnotations = handlerAnnotations;
  }

  /** The files to analyse, in the index's order. */
  List<Path> select() {
    Map<Path, Optional<CompilationUnit>> units = new LinkedHashMap<>();
    for (Path file : index.files()) {
      Optional<CompilationUnit> unit = index.parse(file);
      units.put(file, unit);
      unit.ifPresent(u -> declare(file, u));
    }
    Map<Path, Facts> facts = new LinkedHashMap<>();
    units.forEach(
        (file, unit) -> facts.put(file, unit.map(this::facts).orElse(new Facts(true, Set.of()))));
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

  private void declare(Path file, CompilationUnit unit) {
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      declaredBy.computeIfAbsent(type.getNameAsString(), k -> new ArrayList<>()).add(file);
      type.getFullyQualifiedName().ifPresent(moduleTypes::add);
      packageTypes.computeIfAbsent(pkg, k -> new HashSet<>()).add(type.getNameAsString());
    }
  }

  private Facts facts(CompilationUnit unit) {
    if (declaresHandler(unit)) {
      return new Facts(true, Set.of());
    }
    Set<String> moduleNames = new HashSet<>();
    Set<String> known = new HashSet<>();
    unit.findAll(TypeDeclaration.class).forEach(t -> known.add(t.getNameAsString()));
    unit.findAll(TypeParameter.class).forEach(t -> known.add(t.getNameAsString()));
    unit.findAll(VariableDeclarator.class).forEach(v -> known.add(v.getNameAsString()));
    unit.findAll(Parameter.class).forEach(p -> known.add(p.getNameAsString()));
    for (ImportDeclaration imported : unit.getImports()) {
      if (!importIsInert(imported, moduleNames)) {
        return new Facts(true, Set.of());
      }
      known.add(imported.getName().getIdentifier());
    }
    Set<String> simpleNames = new HashSet<>();
    for (ClassOrInterfaceType type : unit.findAll(ClassOrInterfaceType.class)) {
      if (type.getParentNode().filter(ClassOrInterfaceType.class::isInstance).isPresent()) {
        continue; // the qualifier of a qualified type, judged with it
      }
      if (type.getScope().isEmpty()) {
        simpleNames.add(type.getNameAsString());
      } else if (!qualifiedIsInert(type.getNameWithScope(), moduleNames)) {
        return new Facts(true, Set.of());
      }
    }
    for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
      String name = annotation.getNameAsString();
      if (!name.contains(".")) {
        simpleNames.add(name);
      } else if (!qualifiedIsInert(name, moduleNames)) {
        return new Facts(true, Set.of());
      }
    }
    for (NameExpr name : unit.findAll(NameExpr.class)) {
      String id = name.getNameAsString();
      if (known.contains(id)) {
        continue;
      }
      if (Character.isUpperCase(id.charAt(0))) {
        simpleNames.add(id);
      } else if (isQualifierRoot(name) && !qualifiedIsInert(qualifier(name), moduleNames)) {
        return new Facts(true, Set.of());
      }
    }
    for (String name : simpleNames) {
      if (declaredBy.containsKey(name)) {
        moduleNames.add(name);
      } else if (!known.contains(name) && !inertJavaLang(name)) {
        return new Facts(true, Set.of());
      }
    }
    return new Facts(false, moduleNames);
  }

  private boolean declaresHandler(CompilationUnit unit) {
    for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      for (ClassOrInterfaceType supertype : type.getExtendedTypes()) {
        if (handlerTypes.contains(supertype.getNameAsString())) {
          return true;
        }
      }
      for (ClassOrInterfaceType supertype : type.getImplementedTypes()) {
        if (handlerTypes.contains(supertype.getNameAsString())) {
          return true;
        }
      }
    }
    for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
      for (AnnotationExpr annotation : method.getAnnotations()) {
        if (handlerAnnotations.contains(simple(annotation.getNameAsString()))) {
          return true;
        }
      }
      for (Parameter parameter : method.getParameters()) {
        if (simple(parameter.getType().asString()).equals(LAMBDA_CONTEXT)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether an import brings in nothing but inert JDK types or module types (noted). */
  private boolean importIsInert(ImportDeclaration imported, Set<String> moduleNames) {
    String name = imported.getNameAsString();
    String type = imported.isStatic() && !imported.isAsterisk() ? parent(name) : name;
    if (imported.isAsterisk() && !imported.isStatic()) {
      Set<String> types = packageTypes.get(type);
      if (types != null) {
        moduleNames.addAll(types);
        return true;
      }
      if (INERT_PACKAGES.contains(type)) {
        return true;
      }
    }
    return qualifiedIsInert(type, moduleNames);
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

  /** A lower-case name that is not a variable and starts a dotted chain: a package, perhaps. */
  private static boolean isQualifierRoot(NameExpr name) {
    return name.getParentNode().filter(FieldAccessExpr.class::isInstance).isPresent();
  }

  /** The longest dotted chain that {@code root} starts, as written. */
  private static String qualifier(NameExpr root) {
    Node node = root;
    while (node.getParentNode().filter(FieldAccessExpr.class::isInstance).isPresent()) {
      node = node.getParentNode().get();
    }
    return node.toString();
  }

  private static String parent(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }

  private static String simple(String qualified) {
    String name = qualified.replaceFirst("<.*", "");
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
