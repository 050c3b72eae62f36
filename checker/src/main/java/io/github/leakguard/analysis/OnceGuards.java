package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Recognises code that runs once per execution environment although it sits on a per-invocation
 * path: lazy initialization guarded by a field that the same method sets ({@code if (client ==
 * null) client = build();}, an {@code initialized} flag, an early {@code return} when the field is
 * already set, or a {@code compareAndSet} on an atomic field).
 *
 * <p>A guard made of the object's own instance fields holds only as long as the object lives: on
 * an object built on every invocation, a lazy getter builds its client on every invocation too.
 * So a guard says how far it holds ({@link Guard}), and the caller, who knows which object it is
 * on, decides.
 */
public final class OnceGuards {

  /** How far a guard keeps the code under it from running again. */
  public enum Guard {
    /** No guard: the code runs each time its method runs. */
    NONE,
    /** Once per object: a guard on the instance fields of {@code this}. */
    PER_OBJECT,
    /** Once per environment: a guard on static state, or on another object's fields. */
    ONCE;

    /**
     * Whether the code runs only once, on an object built for this invocation ({@code fresh}) or
     * one kept across invocations.
     */
    public boolean holds(boolean fresh) {
      return this == ONCE || (this == PER_OBJECT && !fresh);
    }

    Guard or(Guard other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

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
    private final IdentityHashMap<ExpressionTree, Guard> guards = new IdentityHashMap<>();
  }

  /** The strongest field guard under which the node at {@code path} runs. */
  public static Guard guard(TreePath path) {
    return guard(path, new Memo());
  }

  /** As {@link #guard(TreePath)}, for many calls of the same methods. */
  public static Guard guard(TreePath path, Memo memo) {
    MethodTree method = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) {
        method = m;
        break;
      }
    }
    if (method == null) {
      return Guard.NONE;
    }
    Setters setters = memo.setters.computeIfAbsent(method, OnceGuards::settersIn);
    if (!setters.mayGuard()) {
      return Guard.NONE;
    }
    Symbol declared = ASTHelpers.getSymbol(method);
    Symbol self = declared == null ? null : declared.owner;
    Guard strongest = Guard.NONE;
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath();
        p != null && p.getLeaf() != method && strongest != Guard.ONCE;
        p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      for (ExpressionTree condition : guardsOf(leaf, child)) {
        strongest =
            strongest.or(
                memo.guards.computeIfAbsent(
                    condition, g -> guardOf(g, setters.assignedFields(), self)));
      }
      child = leaf;
    }
    return strongest;
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

  private static Guard guardOf(
      ExpressionTree condition, Set<Symbol> assigned, @Nullable Symbol self) {
    Guard[] found = {Guard.NONE};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (found[0] == Guard.ONCE || tree == null) {
          return null;
        }
        if (tree instanceof MethodInvocationTree call && isAtomicOnce(call)) {
          found[0] = found[0].or(reach(ASTHelpers.getReceiver(call), self));
          return null;
        }
        if (tree instanceof ExpressionTree expression) {
          Symbol sym = ASTHelpers.getSymbol(expression);
          if (isField(sym) && assigned.contains(sym)) {
            found[0] = found[0].or(reach(expression, self));
            return null;
          }
        }
        return super.scan(tree, null);
      }
    }.scan(condition, null);
    return found[0];
  }

  /** How long the field read by {@code field} lives: with the program, or with {@code this}. */
  private static Guard reach(ExpressionTree field, @Nullable Symbol self) {
    Symbol sym = ASTHelpers.getSymbol(field);
    if (sym == null || ASTHelpers.isStatic(sym)) {
      return Guard.ONCE;
    }
    return isOnThis(field, self) ? Guard.PER_OBJECT : Guard.ONCE;
  }

  /**
   * Whether {@code field}, read in class {@code self}, is a field of {@code this}: {@code
   * this.client}, or {@code client} declared in {@code self} or a superclass. In an anonymous or
   * inner class a plain {@code client} may be the enclosing object's field, which lives as long as
   * that object: not {@code this}'s.
   */
  static boolean isOnThis(ExpressionTree field, @Nullable Symbol self) {
    if (field instanceof IdentifierTree) {
      Symbol sym = ASTHelpers.getSymbol(field);
      return sym != null && self instanceof ClassSymbol type && declaredIn(sym.owner, type);
    }
    return field instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree qualifier
        && qualifier.getName().contentEquals("this");
  }

  private static boolean declaredIn(Symbol owner, ClassSymbol type) {
    try {
      for (ClassSymbol c = type; c != null; ) {
        if (c == owner) {
          return true;
        }
        Type superclass = c.getSuperclass();
        c = superclass != null && superclass.tsym instanceof ClassSymbol s ? s : null;
      }
    } catch (CompletionFailure e) {
      // A superclass missing from the classpath: not known to be this object's field.
    }
    return false;
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
