package io.github.leakguard.fixes;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the fixes look up in a tree before they rewrite it: names, and where a symbol is read. */
final class Scans {

  /** Every name declared in {@code tree}, and, unless {@code declaredOnly}, every name used. */
  static Set<String> names(Tree tree, boolean declaredOnly) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (!declaredOnly) {
          names.add(node.getName().toString());
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        if (!declaredOnly) {
          names.add(node.getIdentifier().toString());
        }
        return super.visitMemberSelect(node, null);
      }
    }.scan(tree, null);
    return names;
  }

  /** The identifiers in {@code tree} that name {@code symbol}. */
  static List<IdentifierTree> uses(Tree tree, Symbol symbol) {
    List<IdentifierTree> uses = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == symbol) {
          uses.add(node);
        }
        return null;
      }
    }.scan(tree, null);
    return uses;
  }

  /** Whether {@code tree} names one of {@code symbols}, by simple name or as a member. */
  static boolean mentions(Tree tree, Set<? extends Symbol> symbols) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        found[0] |= symbols.contains(ASTHelpers.getSymbol(node));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        found[0] |= symbols.contains(ASTHelpers.getSymbol(node));
        return super.visitMemberSelect(node, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  private Scans() {}
}
