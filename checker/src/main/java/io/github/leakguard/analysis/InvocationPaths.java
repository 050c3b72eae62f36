package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What runs on every invocation of a function, within one compilation unit: the handler methods,
 * the lambdas and anonymous classes inside them, and the methods of the same unit they call,
 * transitively. Calls made once per environment (lazy initialization under a field guard, a
 * {@code computeIfAbsent} on a cache field) are not followed.
 *
 * <p>Built once per compilation unit and shared by every node the checks ask about.
 */
public final class InvocationPaths {

  /** How the platform reaches a per-invocation method: the handler, then each call in turn. */
  public record Chain(MethodSymbol handler, String handlerReason, List<MethodSymbol> calls) {

    /** {@code Handler.handleRequest → upload → newClient}. */
    public String describe() {
      StringBuilder text =
          new StringBuilder(handler.owner.getSimpleName() + "." + handler.getSimpleName());
      for (MethodSymbol call : calls) {
        text.append(" \u2192 ").append(call.getSimpleName());
      }
      return text.toString();
    }
  }

  private final Map<MethodSymbol, Chain> reached;

  private InvocationPaths(Map<MethodSymbol, Chain> reached) {
    this.reached = reached;
  }

  /** Computes the per-invocation methods of {@code unit}. */
  public static InvocationPaths of(CompilationUnitTree unit, Handlers handlers, VisitorState state) {
    Map<MethodSymbol, TreePath> methods = new HashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        MethodSymbol sym = ASTHelpers.getSymbol(node);
        if (sym != null) {
          methods.put(sym, getCurrentPath());
        }
        return super.visitMethod(node, null);
      }
    }.scan(unit, null);

    Map<MethodSymbol, Chain> reached = new IdentityHashMap<>();
    Deque<MethodSymbol> work = new ArrayDeque<>();
    for (MethodSymbol method : methods.keySet()) {
      handlers
          .reason(method, state)
          .ifPresent(
              reason -> {
                reached.put(method, new Chain(method, reason, List.of()));
                work.add(method);
              });
    }
    while (!work.isEmpty()) {
      MethodSymbol from = work.poll();
      Chain chain = reached.get(from);
      for (Callee callee : callees(methods.get(from), methods.keySet())) {
        if (reached.containsKey(callee.method)) {
          continue;
        }
        List<MethodSymbol> calls = new ArrayList<>(chain.calls());
        if (!callee.anonymous) {
          calls.add(callee.method);
        }
        reached.put(
            callee.method,
            new Chain(chain.handler(), chain.handlerReason(), Collections.unmodifiableList(calls)));
        work.add(callee.method);
      }
    }
    return new InvocationPaths(reached);
  }

  /**
   * The chain by which the node at {@code path} runs on every invocation, or empty when it runs
   * once per environment or outside any handler.
   */
  public Optional<Chain> chainTo(TreePath path) {
    if (reached.isEmpty() || OnceGuards.isGuarded(path)) {
      return Optional.empty();
    }
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return Optional.ofNullable(reached.get(ASTHelpers.getSymbol(method)));
      }
      if (leaf instanceof ClassTree) {
        return Optional.empty(); // a field or initializer block
      }
      if (isDeferredToCache(child, p)) {
        return Optional.empty();
      }
      child = leaf;
    }
    return Optional.empty();
  }

  private record Callee(MethodSymbol method, boolean anonymous) {}

  /** The methods of this unit that {@code method} runs, directly or in its lambdas. */
  private static List<Callee> callees(TreePath method, Set<MethodSymbol> local) {
    List<Callee> callees = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        add(ASTHelpers.getSymbol((Tree) node));
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        add(ASTHelpers.getSymbol((Tree) node));
        return super.visitNewClass(node, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        add(ASTHelpers.getSymbol((Tree) node));
        return super.visitMemberReference(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        TreePath parent = getCurrentPath().getParentPath();
        if (isDeferredToCache(node, parent)) {
          return null;
        }
        return super.visitLambdaExpression(node, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        // An anonymous class made here runs here (a Runnable, a callback); a named local or
        // member class runs only through the calls that reach it.
        if (node.getSimpleName().length() == 0) {
          for (Tree member : node.getMembers()) {
            if (member instanceof MethodTree m && ASTHelpers.getSymbol(m) != null) {
              callees.add(new Callee(ASTHelpers.getSymbol(m), true));
            }
          }
        }
        return null;
      }

      private void add(Symbol sym) {
        if (sym instanceof MethodSymbol callee
            && local.contains(callee)
            && !OnceGuards.isGuarded(getCurrentPath())) {
          callees.add(new Callee(callee, false));
        }
      }
    }.scan(method, null);
    return callees;
  }

  /**
   * Whether {@code child} (a lambda or method reference) is the loader of a cache kept in a field,
   * run once per key rather than once per call: {@code CLIENTS.computeIfAbsent(region, r -> ...)}.
   */
  private static boolean isDeferredToCache(Tree child, TreePath parentPath) {
    if (!(child instanceof LambdaExpressionTree || child instanceof MemberReferenceTree)
        || parentPath == null
        || !(parentPath.getLeaf() instanceof MethodInvocationTree call)
        || !call.getArguments().contains(child)) {
      return false;
    }
    Symbol method = ASTHelpers.getSymbol((Tree) call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (method == null || receiver == null) {
      return false;
    }
    String name = method.getSimpleName().toString();
    return (name.equals("computeIfAbsent") || name.equals("get"))
        && OnceGuards.isField(ASTHelpers.getSymbol(receiver));
  }
}
