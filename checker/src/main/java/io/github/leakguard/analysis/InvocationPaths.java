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
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.util.Options;
import io.github.leakguard.catalog.ClientKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What runs on every invocation of a function: the handler methods of a compilation unit, the
 * lambdas and anonymous classes inside them, and the methods they call, transitively. Calls made
 * once per environment (lazy initialization under a field guard, a {@code computeIfAbsent} on a
 * cache field) are not followed.
 *
 * <p>Calls into other classes compiled in the same javac run are followed too; what those reach is
 * reported at the call that leaves this unit ({@link #remoteClients}), so the finding, and its
 * suppression, stay in the handler's file.
 *
 * <p>Built once per compilation unit and shared by every node the checks ask about.
 */
public final class InvocationPaths {

  /** How far calls are followed outside the unit, to bound the cost on large code bases. */
  private static final int MAX_REMOTE_METHODS = 200;

  private static final InvocationPaths NONE = new InvocationPaths(Map.of(), new HashMap<>());

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

    Chain then(MethodSymbol call) {
      List<MethodSymbol> longer = new ArrayList<>(calls);
      longer.add(call);
      return new Chain(handler, handlerReason, Collections.unmodifiableList(longer));
    }
  }

  /** A client built in another class, on a path that leaves this unit at a call. */
  public record RemoteClient(
      ClientKind kind, ExpressionTree construction, MethodSymbol builtIn, Chain chain) {}

  private final Map<MethodSymbol, Chain> reached;
  private final Map<Tree, List<RemoteClient>> remoteClients;

  private InvocationPaths(
      Map<MethodSymbol, Chain> reached, Map<Tree, List<RemoteClient>> remoteClients) {
    this.reached = reached;
    this.remoteClients = remoteClients;
  }

  /**
   * The methods of other units that paths have reached, kept for the compilation: every handler
   * unit that reaches a shared service would otherwise find, scan and index it again.
   */
  public static final class RemoteMethods {
    private final CompilationCache<Map<MethodSymbol, Optional<Remote>>> known =
        new CompilationCache<>(state -> new HashMap<>());

    private record Remote(TreePath path, List<Callee> callees, List<Construction> constructions) {}

    private Optional<Remote> get(MethodSymbol method, Enter enter, VisitorState state) {
      return known
          .get(state)
          .computeIfAbsent(
              method,
              m ->
                  Optional.ofNullable(remoteMethod(m, state))
                      .map(
                          path ->
                              new Remote(
                                  path, callees(path, enter), constructionsIn(path, state))));
    }
  }

  /** Computes the per-invocation methods of {@code unit}. */
  public static InvocationPaths of(
      CompilationUnitTree unit,
      Handlers handlers,
      RemoteMethods remoteMethods,
      VisitorState state) {
    Map<MethodSymbol, Chain> reached = new HashMap<>();
    Deque<MethodSymbol> work = new ArrayDeque<>();
    UnitMethods local = UnitMethods.of(unit);
    for (MethodSymbol method : local.members()) {
      Optional<String> reason = handlers.reason(method, state);
      if (reason.isPresent()) {
        reached.put(method, new Chain(method, reason.get(), List.of()));
        work.add(method);
      }
    }
    if (work.isEmpty()) {
      return NONE;
    }
    // In the order the paths reach them, so a call that reaches several clients names them in the
    // same order in every build.
    Map<MethodSymbol, RemoteMethods.Remote> remote = new LinkedHashMap<>();
    // For a method outside the unit: the call inside the unit through which the path left it.
    Map<MethodSymbol, Tree> exits = new HashMap<>();
    boolean followRemote = treesOfOtherUnitsAreIntact(state);
    Enter enter = Enter.instance(state.context);
    while (!work.isEmpty()) {
      MethodSymbol from = work.poll();
      TreePath fromPath = local.path(from);
      List<Callee> callees =
          fromPath != null ? callees(fromPath, enter) : remote.get(from).callees();
      for (Callee callee : callees) {
        if (reached.containsKey(callee.method)) {
          continue;
        }
        boolean isLocal = local.path(callee.method) != null;
        if (!isLocal) {
          Optional<RemoteMethods.Remote> found =
              followRemote && remote.size() < MAX_REMOTE_METHODS
                  ? remoteMethods.get(callee.method, enter, state)
                  : Optional.empty();
          if (found.isEmpty()) {
            continue;
          }
          remote.put(callee.method, found.get());
          exits.put(callee.method, exits.getOrDefault(from, callee.site));
        }
        Chain chain = reached.get(from);
        reached.put(callee.method, callee.anonymous ? chain : chain.then(callee.method));
        work.add(callee.method);
      }
    }
    Map<Tree, List<RemoteClient>> remoteClients = new HashMap<>();
    for (Map.Entry<MethodSymbol, RemoteMethods.Remote> entry : remote.entrySet()) {
      Chain chain = reached.get(entry.getKey());
      Tree exit = exits.get(entry.getKey());
      for (Construction built : entry.getValue().constructions()) {
        remoteClients
            .computeIfAbsent(exit, e -> new ArrayList<>())
            .add(new RemoteClient(built.kind, built.tree, entry.getKey(), chain));
      }
    }
    return new InvocationPaths(reached, remoteClients);
  }

  /**
   * The chain by which the node at {@code path} runs on every invocation, or empty when it runs
   * once per environment or outside any handler.
   */
  public Optional<Chain> chainTo(TreePath path) {
    if (reached.isEmpty()) {
      return Optional.empty();
    }
    MethodSymbol method = perInvocationMethod(path);
    return method == null ? Optional.empty() : Optional.ofNullable(reached.get(method));
  }

  /**
   * Clients built in other classes on every invocation, reached through the call {@code site}, the
   * nearest first.
   */
  public List<RemoteClient> remoteClients(Tree site) {
    return remoteClients.getOrDefault(site, List.of());
  }

  /**
   * The method whose every run runs the node at {@code path}, or null when the node runs once per
   * environment (guarded lazy initialization, a cache loader, a field initializer).
   */
  private static MethodSymbol perInvocationMethod(TreePath path) {
    if (OnceGuards.isGuarded(path)) {
      return null;
    }
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method);
      }
      if (leaf instanceof ClassTree || isDeferredToCache(child, p)) {
        return null;
      }
      child = leaf;
    }
    return null;
  }

  private record Callee(MethodSymbol method, Tree site, boolean anonymous) {}

  private record Construction(ClientKind kind, ExpressionTree tree) {}

  /**
   * Error Prone's required {@code -XDcompilePolicy=simple} attributes every unit before any is
   * lowered; under another policy a different unit's trees may already be rewritten, so they are
   * not read.
   */
  private static boolean treesOfOtherUnitsAreIntact(VisitorState state) {
    return "simple".equals(Options.instance(state.context).get("compilePolicy"));
  }

  /** The attributed tree of a method compiled from source in this javac run, or null. */
  private static TreePath remoteMethod(MethodSymbol method, VisitorState state) {
    try {
      TreePath path = JavacTrees.instance(state.context).getPath(method);
      if (path != null
          && path.getLeaf() instanceof MethodTree tree
          && tree.getBody() != null
          && ASTHelpers.getSymbol(tree) == method) {
        return path;
      }
    } catch (RuntimeException e) {
      // A class javac knows only from its class file, or one it has not entered: not followed.
    }
    return null;
  }

  /** The methods {@code method} runs, directly or in its lambdas and anonymous classes. */
  private static List<Callee> callees(TreePath method, Enter enter) {
    List<Callee> callees = new ArrayList<>();
    OnceGuards.Memo guards = new OnceGuards.Memo();
    new CallScanner() {
      @Override
      void call(ExpressionTree site) {
        // Only a method compiled from source has a body to follow: library calls go first.
        if (calledMethod(site) instanceof MethodSymbol callee
            && isFromSource(callee, enter)
            && !OnceGuards.isGuarded(getCurrentPath(), guards)) {
          callees.add(new Callee(callee, site, false));
        }
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        call(node);
        return super.visitMemberReference(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        if (isDeferredToCache(node, getCurrentPath().getParentPath())) {
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
              callees.add(new Callee(ASTHelpers.getSymbol(m), node, true));
            }
          }
        }
        return null;
      }
    }.scan(method, null);
    return callees;
  }

  private static @Nullable Symbol calledMethod(ExpressionTree site) {
    if (site instanceof MethodInvocationTree invocation) {
      return ASTHelpers.getSymbol(invocation.getMethodSelect());
    }
    if (site instanceof NewClassTree creation) {
      return ASTHelpers.getSymbol(creation);
    }
    return ASTHelpers.getSymbol(site);
  }

  /** Whether javac entered the method's class from source in this compilation: it has a body. */
  private static boolean isFromSource(MethodSymbol method, Enter enter) {
    ClassSymbol owner = method.outermostClass();
    return owner != null && enter.getEnv(owner) != null;
  }

  /** The client constructions in a method that run each time the method runs. */
  private static List<Construction> constructionsIn(TreePath method, VisitorState state) {
    List<Construction> found = new ArrayList<>();
    new CallScanner() {
      @Override
      void call(ExpressionTree node) {
        ClientConstructions.built(node, getCurrentPath(), state)
            .filter(kind -> perInvocationMethod(getCurrentPath()) != null)
            .ifPresent(kind -> found.add(new Construction(kind, node)));
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // an anonymous class's methods are reached, and scanned, on their own
      }
    }.scan(method, null);
    return found;
  }

  /** Visits every call and constructor call, with its path. */
  private abstract static class CallScanner extends TreePathScanner<Void, Void> {
    abstract void call(ExpressionTree site);

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      call(node);
      return super.visitMethodInvocation(node, null);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      call(node);
      return super.visitNewClass(node, null);
    }
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
