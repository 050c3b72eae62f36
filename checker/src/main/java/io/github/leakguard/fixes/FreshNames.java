package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
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
      inFile = namesIn(current);
    }
    String separator = Character.isUpperCase(base.charAt(0)) ? "_" : "";
    String name = base;
    for (int i = 2; members.contains(name) || inFile.contains(name) || given.contains(name); i++) {
      name = base + separator + i;
    }
    given.add(name);
    return name;
  }

  private static Set<String> namesIn(CompilationUnitTree unit) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        names.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        names.add(node.getIdentifier().toString());
        return super.visitMemberSelect(node, null);
      }
    }.scan(unit, null);
    return names;
  }
}
