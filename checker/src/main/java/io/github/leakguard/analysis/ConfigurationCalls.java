package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;

/**
 * The other calls that configure the same object as a given call: the rest of its fluent chain
 * ({@code builder().a(1).b(2).c(3)}) and, when the chain starts at a variable, the calls made on
 * that variable anywhere in the compilation unit ({@code config.setA(1); config.setB(2);}).
 */
public final class ConfigurationCalls {

  /** How far along a fluent chain to look, either way. */
  private static final int MAX_CHAIN = 64;

  /** The calls configuring the same object as the call at {@code path}, itself excluded. */
  public static ImmutableList<MethodInvocationTree> siblings(TreePath path, VisitorState state) {
    if (!(path.getLeaf() instanceof MethodInvocationTree call)) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<MethodInvocationTree> siblings = ImmutableList.builder();
    // Up: calls made on this call's result.
    TreePath up = path;
    for (int i = 0; i < MAX_CHAIN; i++) {
      TreePath select = up.getParentPath();
      if (select == null
          || !(select.getLeaf() instanceof MemberSelectTree member)
          || member.getExpression() != up.getLeaf()
          || select.getParentPath() == null
          || !(select.getParentPath().getLeaf() instanceof MethodInvocationTree outer)) {
        break;
      }
      siblings.add(outer);
      up = select.getParentPath();
    }
    // Down: the calls this one is made on, to the root of the chain.
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    for (int i = 0; i < MAX_CHAIN && receiver instanceof MethodInvocationTree inner; i++) {
      siblings.add(inner);
      receiver = ASTHelpers.getReceiver(inner);
    }
    Symbol root = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    if ((receiver instanceof IdentifierTree || receiver instanceof MemberSelectTree)
        && root instanceof VarSymbol) {
      siblings.addAll(callsOn(root, state));
    }
    return siblings.build().stream()
        .filter(c -> c != call)
        .distinct()
        .collect(ImmutableList.toImmutableList());
  }

  private static ImmutableList<MethodInvocationTree> callsOn(Symbol variable, VisitorState state) {
    ImmutableList.Builder<MethodInvocationTree> calls = ImmutableList.builder();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(node);
        if (receiver != null && ASTHelpers.getSymbol((Tree) receiver) == variable) {
          calls.add(node);
        }
        return super.visitMethodInvocation(node, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    return calls.build();
  }

  private ConfigurationCalls() {}
}
