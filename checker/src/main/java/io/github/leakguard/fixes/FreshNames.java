package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import java.util.HashSet;
import java.util.Set;

/**
 * Names for new fields and locals that clash with nothing: not a member of the class or its
 * supertypes, not a name declared or referred to anywhere in the file (so no local, parameter or
 * static import can shadow it or be shadowed), and not a name another fix in the same file was
 * given. Two fixes that apply together thus never declare the same name.
 */
final class FreshNames {

  private final Set<String> given = new HashSet<>();
  private CompilationUnitTree unit;
  private Set<String> inFile = Set.of();

  /** {@code base}, or {@code base_2}, {@code base_3}... for a new member of {@code owner}. */
  String fresh(String base, ClassSymbol owner, VisitorState state) {
    Set<String> members = new HashSet<>();
    for (Symbol member : state.getTypes().membersClosure(owner.type, false).getSymbols()) {
      members.add(member.getSimpleName().toString());
    }
    return fresh(base, members, state);
  }

  /** {@code base}, or {@code base2}, {@code base3}... for a new local. */
  String freshLocal(String base, VisitorState state) {
    return fresh(base, Set.of(), state);
  }

  private String fresh(String base, Set<String> members, VisitorState state) {
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (current != unit) {
      unit = current;
      given.clear();
      inFile = Scans.names(current, false);
    }
    String separator = Character.isUpperCase(base.charAt(0)) ? "_" : "";
    String name = base;
    for (int i = 2; members.contains(name) || inFile.contains(name) || given.contains(name); i++) {
      name = base + separator + i;
    }
    given.add(name);
    return name;
  }
}
