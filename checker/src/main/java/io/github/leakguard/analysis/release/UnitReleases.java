package io.github.leakguard.analysis.release;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.ArgumentValues;
import io.github.leakguard.analysis.BodyScanner;
import io.github.leakguard.analysis.SourceMethods;
import io.github.leakguard.analysis.UnitMethods;
import io.github.leakguard.catalog.ResourceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The release analysis of one compilation unit, computed lazily and once: the graph and leaks of
 * each method, and the summaries of the unit's own methods that callers rely on (which close a
 * parameter, which return a new resource).
 */
final class UnitReleases {

  /** How a method treats a resource passed to one of its parameters. */
  enum Closing {
    /** The method's body cannot be read: another unit, a library, an abstract method. */
    UNKNOWN,
    NEVER,
    /** Released when the method returns normally; its checked exceptions leak it. */
    NORMALLY,
    ALWAYS,
    /** Handed over (returned, stored) when the method returns normally. */
    HANDS_OVER
  }

  private record MethodKey(Tree tree, boolean strict) {}

  private record ParameterKey(MethodSymbol method, int index) {}

  private final CompilationUnitTree unit;

  private final IdentityHashMap<Tree, Optional<MethodGraph>> graphs = new IdentityHashMap<>();
  private final Map<MethodKey, ImmutableList<Leak>> leaks = new HashMap<>();
  private final Map<ParameterKey, Closing> closers = new HashMap<>();
  private final Map<MethodSymbol, Optional<CompiledKind>> factories = new HashMap<>();
  private final Set<Object> inProgress = new HashSet<>();

  UnitReleases(CompilationUnitTree unit) {
    this.unit = unit;
  }

  private @Nullable TreePath method(MethodSymbol symbol) {
    return UnitMethods.of(unit).path(symbol);
  }

  ImmutableList<Leak> leaks(TreePath path, boolean strict, VisitorState state) {
    MethodKey key = new MethodKey(path.getLeaf(), strict);
    ImmutableList<Leak> known = leaks.get(key);
    if (known != null) {
      return known;
    }
    // Most methods open nothing, or only what their syntax plainly releases: a scan of their calls
    // is far cheaper than their graph.
    MethodGraph graph = needsGraph(path.getLeaf(), strict, state) ? graph(path, state) : null;
    ImmutableList<Leak> found =
        graph == null ? ImmutableList.of() : new MethodAnalysis(graph, this, state, strict).leaks();
    leaks.put(key, found);
    return found;
  }

  /** Whether a parameter is annotated {@code @Owning}: the callee takes the duty to close it. */
  static boolean owns(MethodSymbol method, int index) {
    List<VarSymbol> parameters = method.getParameters();
    return index < parameters.size() && annotated(parameters.get(index), "Owning");
  }

  /** How a method of this unit treats what is passed to its parameter {@code index}. */
  Closing closes(MethodSymbol method, int index, VisitorState state) {
    TreePath path = method(method);
    if (path == null) {
      return Closing.UNKNOWN;
    }
    if (index >= method.getParameters().size()
        || (method.isVarArgs() && index == method.getParameters().size() - 1)) {
      return Closing.NEVER;
    }
    ParameterKey key = new ParameterKey(method, index);
    Closing known = closers.get(key);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(key)) {
      return Closing.NEVER;
    }
    Closing closing = Closing.NEVER;
    try {
      MethodGraph graph = graph(path, state);
      if (graph != null) {
        VarSymbol parameter = method.getParameters().get(index);
        CompiledKind kind =
            CompiledKind.ofType(parameter.type, state)
                .orElseGet(() -> CompiledKind.generic("parameter"));
        closing = new MethodAnalysis(graph, this, state, false).closes(parameter, kind);
      }
    } finally {
      inProgress.remove(key);
    }
    closers.put(key, closing);
    return closing;
  }

  /**
   * The kind of resource every call of {@code method} returns new: a {@code @MustBeClosed} method,
   * or a method compiled from source (in this unit or another of the compilation) whose every
   * {@code return} hands out a resource it opened, or {@code null} when it fails.
   */
  Optional<CompiledKind> factoryKind(MethodSymbol method, VisitorState state) {
    // Asked of nearly every call: the cheap tests first.
    if (method.getReturnType().isPrimitiveOrVoid()) {
      return Optional.empty();
    }
    if (!method.getRawAttributes().isEmpty() && annotated(method, "MustBeClosed")) {
      return CompiledKind.ofType(method.getReturnType(), state);
    }
    TreePath path = method(method);
    if (path == null) {
      // Another file's helper (Pool.getConnection()): read only when it returns a resource type.
      if (!CompiledKind.mayHold(method.getReturnType(), state)) {
        return Optional.empty();
      }
      path = SourceMethods.path(method, state);
      if (path == null) {
        return Optional.empty();
      }
    }
    Optional<CompiledKind> known = factories.get(method);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(method)) {
      return Optional.empty();
    }
    Optional<CompiledKind> kind;
    try {
      kind = returnedKind((MethodTree) path.getLeaf(), state);
    } finally {
      inProgress.remove(method);
    }
    factories.put(method, kind);
    return kind;
  }

  private Optional<CompiledKind> returnedKind(MethodTree method, VisitorState state) {
    List<ExpressionTree> returned = new ArrayList<>();
    Map<Symbol, List<ExpressionTree>> assigned = new HashMap<>();
    new BodyScanner.WithoutPaths() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (node.getExpression() != null) {
          returned.add(node.getExpression());
        }
        return super.visitReturn(node, null);
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getInitializer() != null) {
          assigned
              .computeIfAbsent(ASTHelpers.getSymbol(node), s -> new ArrayList<>())
              .add(node.getInitializer());
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        Symbol target = ASTHelpers.getSymbol(node.getVariable());
        if (target != null) {
          assigned.computeIfAbsent(target, s -> new ArrayList<>()).add(node.getExpression());
        }
        return super.visitAssignment(node, null);
      }
    }.scan(method.getBody(), null);
    CompiledKind kind = null;
    for (ExpressionTree expression : returned) {
      ExpressionTree value = ArgumentValues.strip(expression);
      if (value.getKind() == Tree.Kind.NULL_LITERAL) {
        continue; // the failure path of a factory: return null from its catch block
      }
      CompiledKind each = openedBy(value, assigned, state);
      if (each == null || (kind != null && kind != each)) {
        return Optional.empty();
      }
      kind = each;
    }
    return Optional.ofNullable(kind);
  }

  private @Nullable CompiledKind openedBy(
      ExpressionTree expression, Map<Symbol, List<ExpressionTree>> assigned, VisitorState state) {
    if (expression instanceof IdentifierTree
        && ASTHelpers.getSymbol(expression) instanceof VarSymbol local
        && local.getKind() == ElementKind.LOCAL_VARIABLE) {
      CompiledKind kind = null;
      List<ExpressionTree> values = assigned.getOrDefault(local, List.of());
      for (ExpressionTree value : values) {
        ExpressionTree stripped = ArgumentValues.strip(value);
        if (stripped.getKind() == Tree.Kind.NULL_LITERAL) {
          continue;
        }
        CompiledKind each = openedBy(stripped, Map.of(), state);
        if (each == null || (kind != null && kind != each)) {
          return null;
        }
        kind = each;
      }
      return kind;
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    Type result = ASTHelpers.getType(expression);
    if (!(symbol instanceof MethodSymbol method) || result == null) {
      return null;
    }
    if (expression instanceof NewClassTree) {
      return CompiledKind.opened(method, null, result, state).orElse(null);
    }
    if (expression instanceof MethodInvocationTree call) {
      Type receiver = method.isStatic() ? null : ASTHelpers.getReceiverType(call);
      return CompiledKind.opened(method, receiver, result, state)
          .or(() -> factoryKind(method, state))
          .orElse(null);
    }
    return null;
  }

  /**
   * Whether the body of a method or lambda (not its nested lambdas and classes, which have graphs
   * of their own) opens a resource that only its graph can follow. One opened as a
   * try-with-resources variable is closed on every path; one returned as opened is the caller's to
   * close; one that its opener releases (a statement of a connection, a result set of a statement),
   * opened on a try-with-resources variable, goes with it. A body that opens nothing else cannot
   * leak.
   */
  private boolean needsGraph(Tree root, boolean strict, VisitorState state) {
    Set<Tree> released = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Symbol> resourceVariables = new HashSet<>();
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      /** Loops around the current node: a statement opened in one may pile up on its opener. */
      private int loops;

      @Override
      public Void scan(Tree tree, Void unused) {
        if (found[0]) {
          return null;
        }
        boolean loop =
            tree instanceof ForLoopTree
                || tree instanceof EnhancedForLoopTree
                || tree instanceof WhileLoopTree
                || tree instanceof DoWhileLoopTree;
        loops += loop ? 1 : 0;
        try {
          return super.scan(tree, null);
        } finally {
          loops -= loop ? 1 : 0;
        }
      }

      // A nested lambda or class body is not in this body's graph: it is judged on its own.
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return node == root ? super.visitLambdaExpression(node, null) : null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitTry(TryTree node, Void unused) {
        for (Tree resource : node.getResources()) {
          if (resource instanceof VariableTree variable && variable.getInitializer() != null) {
            released.add(ArgumentValues.strip(variable.getInitializer()));
            resourceVariables.add(ASTHelpers.getSymbol(variable));
          }
        }
        return super.visitTry(node, null);
      }

      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (node.getExpression() != null) {
          released.add(ArgumentValues.strip(node.getExpression()));
        }
        return super.visitReturn(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        found[0] |= !released.contains(node) && !releasedByOpener(node) && opens(node);
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        found[0] |= !released.contains(node) && opens(node);
        return super.visitNewClass(node, null);
      }

      private boolean opens(ExpressionTree node) {
        return openedBy(node, Map.of(), state) != null;
      }

      private boolean releasedByOpener(MethodInvocationTree node) {
        ExpressionTree receiver = ASTHelpers.getReceiver(node);
        if (receiver == null
            || !(ArgumentValues.strip(receiver) instanceof IdentifierTree identifier)
            || !resourceVariables.contains(ASTHelpers.getSymbol(identifier))) {
          return false;
        }
        CompiledKind kind = openedBy(node, Map.of(), state);
        return kind != null
            && kind.kind.opener().releasedWithOpener(strict)
            && (loops == 0 || kind.kind.opener() != ResourceKind.Opener.RELEASES_UNLESS_STRICT);
      }
    }.scan(root, null);
    return found[0];
  }

  private @Nullable MethodGraph graph(TreePath path, VisitorState state) {
    return graphs
        .computeIfAbsent(path.getLeaf(), t -> Optional.ofNullable(MethodGraph.build(path, state)))
        .orElse(null);
  }

  private static boolean annotated(Symbol symbol, String simpleName) {
    for (AnnotationMirror annotation : symbol.getAnnotationMirrors()) {
      if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
        return true;
      }
    }
    return false;
  }
}
