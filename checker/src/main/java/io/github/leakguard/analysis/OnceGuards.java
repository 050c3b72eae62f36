package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Recognises code that runs once per execution environment although it sits on a per-invocation
 * path: lazy initialization guarded by a field that the same method sets ({@code if (client ==
 * null) client = build();}, an {@code initialized} flag, an early {@code return} when the field is
 * already set, or a {@code compareAndSet} on an atomic field).
 */
public final class OnceGuards {

  private static final ImmutableSet<String> ATOMIC_ONCE =
      ImmutableSet.of("compareAndSet", "getAndSet");

  /**
   * What a method's guards are made of, found in one scan of the method: the fields it assigns, and
   * whether it calls {@code compareAndSet} or {@code getAndSet} on a field. A method with neither
   * guards nothing, and its calls are answered without a look at their conditions.
   */
  private record Setters(Set<Symbol> assignedFields, boolean atomicOnce) {
    boolean mayGuard() {
      return atomicOnce || !assignedFields.isEmpty();
    }
  }

  /**
   * Answers kept across many questions about the same methods: each method's {@link Setters}, and
   * each condition's verdict, would otherwise be found again for every call under them.
   */
  public static final class Memo {
    private final IdentityHashMap<MethodTree, Setters> setters = new IdentityHashMap<>();
    private final IdentityHashMap<ExpressionTree, Boolean> guards = new IdentityHashMap<>();
  }

  /** Whether the node at {@code path} runs only while a field guard says it has not run yet. */
  public static boolean isGuarded(TreePath path) {
    return isGuarded(path, new Memo());
  }

  /** As {@link #isGuarded(TreePath)}, for many calls of the same methods. */
  public static boolean isGuarded(TreePath path, Memo memo) {
    MethodTree method = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) {
        method = m;
        break;
      }
    }
    if (method == null) {
      return false;
    }
    Setters setters = memo.setters.computeIfAbsent(method, OnceGuards::settersIn);
    if (!setters.mayGuard()) {
      return false;
    }
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath();
        p != null && p.getLeaf() != method;
        p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      for (ExpressionTree guard : guardsOf(leaf, child)) {
        if (memo.guards.computeIfAbsent(guard, g -> isOnceGuard(g, setters.assignedFields()))) {
          return true;
        }
      }
      child = leaf;
    }
    return false;
  }

  /** The conditions that decide whether {@code child}, a child of {@code parent}, runs. */
  private static ImmutableSet<ExpressionTree> guardsOf(Tree parent, Tree child) {
    if (parent instanceof IfTree ifTree && child != ifTree.getCondition()) {
      return ImmutableSet.of(ifTree.getCondition());
    }
    if (parent instanceof ConditionalExpressionTree conditional
        && child != conditional.getCondition()) {
      return ImmutableSet.of(conditional.getCondition());
    }
    if (parent instanceof BlockTree block) {
      // if (client != null) return client;  ...  client = build();
      ImmutableSet.Builder<ExpressionTree> earlier = ImmutableSet.builder();
      for (StatementTree statement : block.getStatements()) {
        if (statement == child) {
          break;
        }
        if (statement instanceof IfTree ifTree && exitsAbruptly(ifTree.getThenStatement())) {
          earlier.add(ifTree.getCondition());
        }
      }
      return earlier.build();
    }
    return ImmutableSet.of();
  }

  private static boolean exitsAbruptly(StatementTree statement) {
    if (statement instanceof BlockTree block) {
      return !block.getStatements().isEmpty()
          && exitsAbruptly(block.getStatements().get(block.getStatements().size() - 1));
    }
    return statement instanceof ReturnTree || statement instanceof ThrowTree;
  }

  private static boolean isOnceGuard(ExpressionTree condition, Set<Symbol> assigned) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (found[0] || tree == null) {
          return null;
        }
        if (tree instanceof MethodInvocationTree call && isAtomicOnce(call)) {
          found[0] = true;
          return null;
        }
        if (tree instanceof ExpressionTree expression) {
          Symbol sym = ASTHelpers.getSymbol(expression);
          if (isField(sym) && assigned.contains(sym)) {
            found[0] = true;
            return null;
          }
        }
        return super.scan(tree, null);
      }
    }.scan(condition, null);
    return found[0];
  }

  private static boolean isAtomicOnce(MethodInvocationTree call) {
    Symbol method = ASTHelpers.getSymbol((Tree) call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    // Asked of every call of a method: the receiver rules most out before the name is decoded.
    return method != null
        && receiver != null
        && isField(ASTHelpers.getSymbol(receiver))
        && ATOMIC_ONCE.contains(method.getSimpleName().toString());
  }

  private static Setters settersIn(MethodTree method) {
    Set<Symbol> assigned = new HashSet<>();
    boolean[] atomicOnce = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        add(node.getVariable());
        return super.visitAssignment(node, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        add(node.getVariable());
        return super.visitCompoundAssignment(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        atomicOnce[0] |= isAtomicOnce(node);
        return super.visitMethodInvocation(node, null);
      }

      private void add(ExpressionTree variable) {
        Symbol sym = ASTHelpers.getSymbol(variable);
        if (isField(sym)) {
          assigned.add(sym);
        }
      }
    }.scan(method, null);
    return new Setters(assigned, atomicOnce[0]);
  }

  static boolean isField(Symbol sym) {
    return sym instanceof VarSymbol && sym.getKind() == ElementKind.FIELD;
  }

  private OnceGuards() {}
}
