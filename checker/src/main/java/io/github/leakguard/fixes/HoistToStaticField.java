package io.github.leakguard.fixes;

import com.google.common.base.CaseFormat;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.StaticInputs;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;

/**
 * Moves an expression built on every call into a {@code private static final} field, built once
 * when the class initializes (in a function: during the init phase, outside any invocation).
 *
 * <p>Offered only when the result is sure to compile and to mean the same: the expression uses only
 * constants and static state, throws no checked exception, is used (a bare {@code
 * S3Client.create();} statement has no expression to put the field in), is not closed by the method
 * (a closed client cannot be shared), and there is a class that may hold a static field.
 */
public final class HoistToStaticField {

  /** Names already handed out in this compilation unit, so two fixes never pick the same one. */
  private final Set<String> taken = new HashSet<>();

  private Object unit;

  public Optional<SuggestedFix> fix(ExpressionTree expression, VisitorState state) {
    TreePath path = state.getPath();
    if (path.getCompilationUnit() != unit) {
      unit = path.getCompilationUnit();
      taken.clear();
    }
    Type type = ASTHelpers.getType(expression);
    ClassTree owner = staticHolder(path);
    if (type == null
        || owner == null
        || !StaticInputs.onlyStaticInputs(expression, state)
        || path.getParentPath().getLeaf() instanceof ExpressionStatementTree
        || closedHere(path)) {
      return Optional.empty();
    }
    String name = freshName(type, ASTHelpers.getSymbol(owner));
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String typeName = SuggestedFixes.qualifyType(state, fix, type);
    fix.merge(
        SuggestedFixes.addMembers(
            owner,
            state,
            String.format(
                "private static final %s %s = %s;",
                typeName, name, state.getSourceForNode(expression))));
    fix.replace(expression, name);
    return Optional.of(fix.build());
  }

  /** The nearest enclosing class that may declare a private static field. */
  private static ClassTree staticHolder(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree classTree) {
        ClassSymbol sym = ASTHelpers.getSymbol(classTree);
        if (sym == null) {
          return null;
        }
        boolean canHoldStatic =
            sym.getNestingKind() == NestingKind.TOP_LEVEL
                || (sym.getNestingKind() == NestingKind.MEMBER && ASTHelpers.isStatic(sym));
        if (canHoldStatic
            && sym.getKind() != ElementKind.INTERFACE
            && sym.getKind() != ElementKind.ANNOTATION_TYPE) {
          return classTree;
        }
      }
    }
    return null;
  }

  /** Whether the method closes the value, directly or as a try-with-resources resource. */
  private static boolean closedHere(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    if (!(parent instanceof VariableTree variable)) {
      return false;
    }
    if (path.getParentPath().getParentPath().getLeaf() instanceof TryTree) {
      return true;
    }
    Symbol local = ASTHelpers.getSymbol(variable);
    MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    boolean[] closed = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("close")
            && ASTHelpers.getSymbol(select.getExpression()) == local) {
          closed[0] = true;
        }
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitTry(TryTree node, Void unused) {
        for (Tree resource : node.getResources()) {
          if (resource instanceof IdentifierTree id && ASTHelpers.getSymbol(id) == local) {
            closed[0] = true;
          }
        }
        return super.visitTry(node, null);
      }
    }.scan(method, null);
    return closed[0];
  }

  private String freshName(Type type, ClassSymbol owner) {
    String base =
        CaseFormat.UPPER_CAMEL.to(
            CaseFormat.UPPER_UNDERSCORE, type.tsym.getSimpleName().toString());
    Set<String> members = new HashSet<>();
    for (Symbol member : ASTHelpers.getEnclosedElements(owner)) {
      members.add(member.getSimpleName().toString());
    }
    String name = base;
    for (int i = 2; members.contains(name) || taken.contains(owner + "#" + name); i++) {
      name = base + "_" + i;
    }
    taken.add(owner + "#" + name);
    return name;
  }
}
