package io.github.leakguard.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The methods declared in a compilation unit, found in one scan that every analysis of the unit
 * shares: the invocation paths and the release analysis both look a unit's methods up by symbol.
 */
public final class UnitMethods {

  private static final UnitLocal<UnitMethods> CURRENT = new UnitLocal<>();

  private final Map<MethodSymbol, TreePath> paths = new HashMap<>();
  private final List<MethodSymbol> members = new ArrayList<>();
  private final List<ClassSymbol> classes = new ArrayList<>();

  private UnitMethods(CompilationUnitTree unit) {
    new TreePathScanner<Void, Void>() {
      private int bodies;

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        ClassSymbol declared = ASTHelpers.getSymbol(tree);
        if (declared != null && bodies == 0 && tree.getSimpleName().length() > 0) {
          classes.add(declared);
        }
        return super.visitClass(tree, null);
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol declared = ASTHelpers.getSymbol(tree);
        if (declared != null) {
          paths.put(declared, getCurrentPath());
          if (bodies == 0) {
            members.add(declared);
          }
        }
        bodies++;
        try {
          return super.visitMethod(tree, null);
        } finally {
          bodies--;
        }
      }
    }.scan(unit, null);
  }

  /** The methods of {@code unit}, scanned on the first question about the unit. */
  public static UnitMethods of(CompilationUnitTree unit) {
    return CURRENT.get(unit, UnitMethods::new);
  }

  /** The path to the declaration of {@code method}, or null when the unit does not declare it. */
  public @Nullable TreePath path(MethodSymbol method) {
    return paths.get(method);
  }

  /**
   * The methods declared outside any method body (members of the unit's classes, and of anonymous
   * classes in field initializers), in source order.
   */
  public List<MethodSymbol> members() {
    return Collections.unmodifiableList(members);
  }

  /** The named classes declared outside any method body, in source order. */
  public List<ClassSymbol> classes() {
    return Collections.unmodifiableList(classes);
  }
}
