package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.util.Options;
import io.github.leakguard.analysis.OnceGuards.Guard;
import io.github.leakguard.catalog.ClientKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What runs on every invocation of a function: the handler methods of a compilation unit (and the
 * functions its framework beans return), the lambdas and anonymous classes inside them, and the
 * methods they call, transitively. Calls made once per environment (lazy initialization under a
 * field guard, a {@code computeIfAbsent} on a cache field) are not followed; a guard on the fields
 * of an object built on every invocation guards nothing, so on such an object they are.
 *
 * <p>A call on {@code this} goes to the implementation in the handler's class, so a template
 * method of a base class reaches the overrides of the handler class that inherits it; a call
 * through the project's own interface or abstract class goes to its implementation when the
 * compilation has exactly one.
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

  /** How many (method, object) pairs a unit's paths visit at most, for the same reason. */
  private static final int MAX_VISITS = 2_000;

  private static final InvocationPaths NONE =
      new InvocationPaths(Map.of(), Set.of(), new HashMap<>());

  /**
   * How the platform reaches a per-invocation method: the handler, then each call in turn.
   *
   * @param handler the handler method (for a framework bean, the method returning the function)
   * @param entry how the handler is one
   * @param calls the calls from the handler, in order
   * @param self the class of the object the handler runs on: the handler's own, or a subclass that
   *     inherits it
   */
  public record Chain(
      MethodSymbol handler, Handlers.Entry entry, List<MethodSymbol> calls, Symbol self) {

    /** {@code Handler.handleRequest}: the handler as its class has it. */
    public String handlerName() {
      return self.getSimpleName() + "." + handler.getSimpleName();
    }

    /** The handler and what makes it one, as a message says it. */
    public String describeHandler() {
      return entry.describe(handlerName());
    }

    /** {@code Handler.handleRequest → upload → newClient}. */
    public String describe() {
      StringBuilder text = new StringBuilder(handlerName());
      for (MethodSymbol call : calls) {
        text.append(" \u2192 ").append(call.isConstructor() ? "new " + call.owner.getSimpleName() : call.getSimpleName());
      }
      return text.toString();
    }

    Chain then(MethodSymbol call) {
      List<MethodSymbol> longer = new ArrayList<>(calls);
      longer.add(call);
      return new Chain(handler, entry, Collections.unmodifiableList(longer), self);
    }
  }

  /**
   * A method as a message names it: {@code Owner.method}, or {@code the Owner constructor}, never
   * javac's {@code <init>}.
   */
  public static String spokenName(MethodSymbol method) {
    return method.isConstructor()
        ? "the " + method.owner.getSimpleName() + " constructor"
        : method.owner.getSimpleName() + "." + method.getSimpleName();
  }

  /** A client built in another class, on a path that leaves this unit at a call. */
  public record RemoteClient(
      ClientKind kind, ExpressionTree construction, MethodSymbol builtIn, Chain chain) {}

  /**
   * How a per-invocation method or root lambda is reached: the first chain, and the first that runs
   * it on an object built for the invocation (null if none does).
   */
  private static final class Reach {
    @Nullable Chain chain;
    @Nullable Chain freshChain;

    @Nullable Chain chain(Guard guard) {
      if (guard == Guard.NONE) {
        return chain != null ? chain : freshChain;
      }
      return guard.holds(true) ? null : freshChain;
    }
  }

  /** Keys: the {@link MethodSymbol}s reached, and the lambdas returned by framework beans. */
  private final Map<Object, Reach> reached;

  private final Set<Tree> rootLambdas;
  private final Map<Tree, List<RemoteClient>> remoteClients;

  private InvocationPaths(
      Map<Object, Reach> reached,
      Set<Tree> rootLambdas,
      Map<Tree, List<RemoteClient>> remoteClients) {
    this.reached = reached;
    this.rootLambdas = rootLambdas;
    this.remoteClients = remoteClients;
  }

  /**
   * The methods of other units that paths have reached, kept for the compilation: every handler
   * unit that reaches a shared service would otherwise find, scan and index it again.
   */
  public static final class RemoteMethods {
    private final CompilationCache<Map<MethodSymbol, Optional<Remote>>> known =
        new CompilationCache<>(state -> new HashMap<>());
    private final Implementations implementations = new Implementations();

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

  /** A method (or root lambda) run on an object of class {@code self}: searched once. */
  private record Visit(Object key, @Nullable Symbol self, boolean fresh) {}

  /** One step of the search: a visit, and the chain that first led to it. */
  private record Step(Visit visit, Chain chain) {}

  /** Computes the per-invocation methods of {@code unit}. */
  public static InvocationPaths of(
      CompilationUnitTree unit,
      Handlers handlers,
      RemoteMethods remoteMethods,
      VisitorState state) {
    return new Search(unit, handlers, remoteMethods, state).run();
  }

  /** The search over one unit's paths. */
  private static final class Search {
    private final UnitMethods local;
    private final Handlers handlers;
    private final RemoteMethods remoteMethods;
    private final VisitorState state;
    private final Enter enter;
    private final boolean followRemote;

    private final Map<Object, Reach> reached = new HashMap<>();
    private final Set<Visit> visited = new HashSet<>();
    private final Deque<Step> work = new ArrayDeque<>();
    private final Map<Tree, TreePath> rootLambdas = new IdentityHashMap<>();

    /**
     * The methods of other units reached, in the order the paths reach them, so a call that
     * reaches several clients names them in the same order in every build.
     */
    private final Map<MethodSymbol, RemoteMethods.Remote> remote = new LinkedHashMap<>();

    /**
     * For a method outside the unit: the call inside the unit through which the path left it;
     * none for paths that start outside (a handler method inherited from another unit's class).
     */
    private final Map<MethodSymbol, Tree> exits = new HashMap<>();

    Search(
        CompilationUnitTree unit,
        Handlers handlers,
        RemoteMethods remoteMethods,
        VisitorState state) {
      this.local = UnitMethods.of(unit);
      this.handlers = handlers;
      this.remoteMethods = remoteMethods;
      this.state = state;
      this.enter = Enter.instance(state.context);
      this.followRemote = treesOfOtherUnitsAreIntact(state);
    }

    InvocationPaths run() {
      for (MethodSymbol method : local.members()) {
        handlers
            .entry(method, state)
            .ifPresent(
                entry -> {
                  Chain chain = new Chain(method, entry, List.of(), method.owner);
                  if (entry.returnsFunctions()) {
                    addReturnedFunctions(method, chain);
                  } else {
                    reach(method, chain, method.owner, false, null);
                  }
                });
      }
      drain();
      // Handler methods that this unit's classes inherit from another unit's class: their own
      // unit reports what they build; here they lead to the overrides of this unit.
      for (ClassSymbol type : local.classes()) {
        for (MethodSymbol inherited : handlers.inherited(type, state)) {
          if (local.path(inherited) == null) {
            Optional<RemoteMethods.Remote> found =
                followRemote ? remoteMethods.get(inherited, enter, state) : Optional.empty();
            if (found.isEmpty()) {
              continue;
            }
            remote.putIfAbsent(inherited, found.get());
          }
          handlers
              .entry(inherited, state)
              .ifPresent(
                  entry ->
                      reach(
                          inherited,
                          new Chain(inherited, entry, List.of(), type),
                          type,
                          false,
                          null));
        }
      }
      drain();
      if (reached.isEmpty()) {
        return NONE;
      }
      return new InvocationPaths(reached, rootLambdas.keySet(), remoteClients());
    }

    private void drain() {
      while (!work.isEmpty() && visited.size() < MAX_VISITS) {
        Step from = work.poll();
        for (Callee callee : calleesOf(from.visit().key())) {
          if (!callee.guard().holds(from.visit().fresh())) {
            follow(from.visit(), from.chain(), callee);
          }
        }
      }
    }

    private List<Callee> calleesOf(Object key) {
      if (key instanceof MethodSymbol method) {
        TreePath path = local.path(method);
        return path != null ? callees(path, enter) : remote.get(method).callees();
      }
      return callees(rootLambdas.get((Tree) key), enter);
    }

    private void follow(Visit from, Chain chain, Callee callee) {
      MethodSymbol target = callee.method();
      Symbol self;
      boolean fresh;
      switch (callee.receiver()) {
        case THIS -> {
          self = from.self();
          fresh = from.fresh();
          if (self instanceof ClassSymbol type && isVirtual(target)) {
            target = implementationIn(type, target);
          }
        }
        case SUPER -> {
          self = from.self();
          fresh = from.fresh();
        }
        case NEW -> {
          self = callee.receiverType() != null ? callee.receiverType() : target.owner;
          fresh = true;
        }
        default -> {
          self = callee.receiverType() != null ? callee.receiverType() : target.owner;
          fresh = false;
          if ((target.flags() & Flags.ABSTRACT) != 0 && isFromSource(target, enter)) {
            // Through the project's own interface: followed when one class implements it.
            List<MethodSymbol> implementations =
                remoteMethods.implementations.of(target, state);
            if (implementations.size() == 1) {
              target = implementations.get(0);
              self = target.owner;
            }
          }
        }
      }
      if (ASTHelpers.isStatic(target)) {
        self = null;
        fresh = false;
      }
      // A path leaves the unit at its last call made from the unit's own code.
      Tree exit =
          from.key() instanceof MethodSymbol caller && local.path(caller) == null
              ? exits.get(caller)
              : callee.site();
      reach(target, callee.anonymous() ? chain : chain.then(target), self, fresh, exit);
    }

    /** The method that a call of {@code method} on {@code this} runs in an object of {@code type}. */
    private MethodSymbol implementationIn(ClassSymbol type, MethodSymbol method) {
      try {
        MethodSymbol implementation = method.implementation(type, state.getTypes(), true);
        return implementation != null ? implementation : method;
      } catch (CompletionFailure e) {
        return method; // a supertype missing from the classpath: the declared method
      }
    }

    /**
     * Records that {@code method} runs on every invocation, by {@code chain}, on an object of class
     * {@code self} ({@code fresh}: built for this invocation); {@code exit} is the call in this unit
     * through which the path leaves it, if it has left it.
     */
    private void reach(
        MethodSymbol method, Chain chain, @Nullable Symbol self, boolean fresh, @Nullable Tree exit) {
      Visit visit = new Visit(method, self, fresh);
      if (visited.contains(visit)) {
        return;
      }
      if (local.path(method) == null && !remote.containsKey(method)) {
        Optional<RemoteMethods.Remote> found =
            followRemote && remote.size() < MAX_REMOTE_METHODS && isFromSource(method, enter)
                ? remoteMethods.get(method, enter, state)
                : Optional.empty();
        if (found.isEmpty()) {
          return;
        }
        remote.put(method, found.get());
      }
      if (exit != null && local.path(method) == null) {
        exits.putIfAbsent(method, exit);
      }
      visited.add(visit);
      Reach reach = reached.computeIfAbsent(method, m -> new Reach());
      if (fresh && reach.freshChain == null) {
        reach.freshChain = chain;
      } else if (!fresh && reach.chain == null) {
        reach.chain = chain;
      }
      work.add(new Step(visit, chain));
    }

    /** The functions a framework bean method returns: each runs on every invocation. */
    private void addReturnedFunctions(MethodSymbol bean, Chain chain) {
      TreePath path = local.path(bean);
      if (path == null) {
        return;
      }
      for (TreePath returned : returnedExpressions(path)) {
        Tree function = returned.getLeaf();
        if (function instanceof LambdaExpressionTree) {
          rootLambdas.put(function, returned);
          Visit visit = new Visit(function, bean.owner, false);
          visited.add(visit);
          reached.computeIfAbsent(function, k -> new Reach()).chain = chain;
          work.add(new Step(visit, chain));
        } else if (function instanceof MemberReferenceTree reference
            && ASTHelpers.getSymbol(reference) != null) {
          MethodSymbol target = ASTHelpers.getSymbol(reference);
          boolean onThis = reference.getQualifierExpression() instanceof IdentifierTree q
              && q.getName().contentEquals("this");
          reach(target, chain.then(target), onThis ? bean.owner : target.owner, false, reference);
        } else if (function instanceof NewClassTree creation) {
          for (MethodSymbol method : functionalMethods(creation)) {
            reach(
                method,
                creation.getClassBody() != null ? chain : chain.then(method),
                method.owner,
                false,
                creation);
          }
        }
      }
    }

    private Map<Tree, List<RemoteClient>> remoteClients() {
      Map<Tree, List<RemoteClient>> clients = new HashMap<>();
      for (Map.Entry<MethodSymbol, RemoteMethods.Remote> entry : remote.entrySet()) {
        Tree exit = exits.get(entry.getKey());
        Reach reach = reached.get(entry.getKey());
        if (exit == null || reach == null) {
          continue;
        }
        for (Construction built : entry.getValue().constructions()) {
          Chain chain = reach.chain(built.guard());
          if (chain != null) {
            clients
                .computeIfAbsent(exit, e -> new ArrayList<>())
                .add(new RemoteClient(built.kind(), built.tree(), entry.getKey(), chain));
          }
        }
      }
      return clients;
    }
  }

  /**
   * The chain by which the node at {@code path} runs on every invocation, or empty when it runs
   * once per environment or outside any handler.
   */
  public Optional<Chain> chainTo(TreePath path) {
    if (reached.isEmpty()) {
      return Optional.empty();
    }
    Located located = locate(path, rootLambdas);
    if (located == null) {
      return Optional.empty();
    }
    Reach reach = reached.get(located.key());
    return reach == null ? Optional.empty() : Optional.ofNullable(reach.chain(located.guard()));
  }

  /**
   * Clients built in other classes on every invocation, reached through the call {@code site}, the
   * nearest first.
   */
  public List<RemoteClient> remoteClients(Tree site) {
    return remoteClients.getOrDefault(site, List.of());
  }

  /** The method (or root lambda) whose every run runs a node, and the guard the node is under. */
  private record Located(Object key, Guard guard) {}

  /**
   * The method or root lambda whose every run runs the node at {@code path}, with the field guard
   * it runs under; null when it never runs per invocation of its method (a cache loader, a field
   * initializer, a class's body).
   */
  private static @Nullable Located locate(TreePath path, Set<Tree> rootLambdas) {
    Guard inCache = Guard.NONE;
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return new Located(ASTHelpers.getSymbol(method), inCache.or(OnceGuards.guard(path)));
      }
      if (rootLambdas.contains(leaf)) {
        return new Located(leaf, inCache.or(OnceGuards.guard(path)));
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
      inCache = inCache.or(deferredToCache(child, p));
      if (inCache == Guard.ONCE) {
        return null;
      }
      child = leaf;
    }
    return null;
  }

  /** How a call's receiver relates to the object the calling method runs on. */
  private enum Receiver {
    /** {@code this}, written or not: dispatched on the object's class. */
    THIS,
    /** {@code super}: the named method itself, on the same object. */
    SUPER,
    /** An object built on this run of the method: {@code new T()}, or a local that holds one. */
    NEW,
    /** Anything else: a field, a parameter, a call's result, or no object (a static method). */
    OTHER
  }

  /**
   * A call a method makes: the method called as declared, the call, whether it is a method of an
   * anonymous class made there, its receiver and the static type of that receiver (the class of an
   * object built, or the declared type of any other), and the field guard it is under.
   */
  private record Callee(
      MethodSymbol method,
      Tree site,
      boolean anonymous,
      Receiver receiver,
      @Nullable Symbol receiverType,
      Guard guard) {}

  private record Construction(ClientKind kind, ExpressionTree tree, Guard guard) {}

  /**
   * Error Prone's required {@code -XDcompilePolicy=simple} attributes every unit before any is
   * lowered; under another policy a different unit's trees may already be rewritten, so they are
   * not read.
   */
  private static boolean treesOfOtherUnitsAreIntact(VisitorState state) {
    return "simple".equals(Options.instance(state.context).get("compilePolicy"));
  }

  /** The attributed tree of a method compiled from source in this javac run, or null. */
  private static @Nullable TreePath remoteMethod(MethodSymbol method, VisitorState state) {
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
    Set<Symbol> freshLocals = new HashSet<>();
    new CallScanner() {
      @Override
      void call(ExpressionTree site) {
        // Only a method compiled from source has a body to follow: library calls go first.
        if (calledMethod(site) instanceof MethodSymbol callee && isFromSource(callee, enter)) {
          Guard guard = OnceGuards.guard(getCurrentPath(), guards);
          if (guard != Guard.ONCE) {
            callees.add(
                new Callee(
                    callee,
                    site,
                    false,
                    receiver(site, freshLocals),
                    receiverType(site, callee),
                    guard.or(inCache)));
          }
        }
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        Symbol local = ASTHelpers.getSymbol(node);
        if (node.getInitializer() instanceof NewClassTree
            && local != null
            && (local.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0) {
          freshLocals.add(local);
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        call(node);
        return super.visitMemberReference(node, null);
      }

      /** The cache whose loader the scan is in: on {@code this}, it holds once per object. */
      private Guard inCache = Guard.NONE;

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        Guard deferred = deferredToCache(node, getCurrentPath().getParentPath());
        if (deferred == Guard.ONCE) {
          return null;
        }
        Guard outer = inCache;
        inCache = inCache.or(deferred);
        try {
          return super.visitLambdaExpression(node, null);
        } finally {
          inCache = outer;
        }
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        // An anonymous class made here runs here (a Runnable, a callback); a named local or
        // member class runs only through the calls that reach it.
        if (node.getSimpleName().length() == 0) {
          for (Tree member : node.getMembers()) {
            if (member instanceof MethodTree m && ASTHelpers.getSymbol(m) != null) {
              callees.add(
                  new Callee(
                      ASTHelpers.getSymbol(m), node, true, Receiver.NEW, null, inCache));
            }
          }
        }
        return null;
      }
    }.scan(method, null);
    return callees;
  }

  private static Receiver receiver(ExpressionTree site, Set<Symbol> freshLocals) {
    if (site instanceof NewClassTree) {
      return Receiver.NEW; // the constructor runs on the object it builds
    }
    ExpressionTree qualifier;
    if (site instanceof MethodInvocationTree invocation) {
      if (invocation.getMethodSelect() instanceof IdentifierTree) {
        return Receiver.THIS;
      }
      qualifier = ((MemberSelectTree) invocation.getMethodSelect()).getExpression();
    } else if (site instanceof MemberReferenceTree reference) {
      qualifier = reference.getQualifierExpression();
    } else {
      return Receiver.OTHER;
    }
    if (qualifier instanceof IdentifierTree name) {
      if (name.getName().contentEquals("this")) {
        return Receiver.THIS;
      }
      if (name.getName().contentEquals("super")) {
        return Receiver.SUPER;
      }
      return freshLocals.contains(ASTHelpers.getSymbol(name)) ? Receiver.NEW : Receiver.OTHER;
    }
    return qualifier instanceof NewClassTree ? Receiver.NEW : Receiver.OTHER;
  }

  /** The static type of the object a call runs on, when not {@code this}. */
  private static @Nullable Symbol receiverType(ExpressionTree site, MethodSymbol callee) {
    ExpressionTree receiver =
        site instanceof MemberReferenceTree reference
            ? reference.getQualifierExpression()
            : site instanceof MethodInvocationTree invocation
                ? ASTHelpers.getReceiver(invocation)
                : site;
    if (receiver == null) {
      return callee.owner;
    }
    com.sun.tools.javac.code.Type type = ASTHelpers.getType(receiver);
    return type != null && type.tsym instanceof ClassSymbol ? type.tsym : callee.owner;
  }

  private static boolean isVirtual(MethodSymbol method) {
    return (method.flags() & (Flags.STATIC | Flags.PRIVATE | Flags.FINAL)) == 0
        && !method.isConstructor();
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

  /** The expressions a method returns, outside its lambdas and inner classes, with their paths. */
  private static List<TreePath> returnedExpressions(TreePath method) {
    List<TreePath> returned = new ArrayList<>();
    new BodyScanner() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (node.getExpression() != null) {
          returned.add(new TreePath(getCurrentPath(), node.getExpression()));
        }
        return null;
      }
    }.scan(method, null);
    return returned;
  }

  /**
   * The methods of a function object built by {@code creation} that the framework calls: every
   * method of an anonymous class (they run as it runs), or the functional method of a named one.
   */
  private static List<MethodSymbol> functionalMethods(NewClassTree creation) {
    List<MethodSymbol> methods = new ArrayList<>();
    if (creation.getClassBody() != null) {
      for (Tree member : creation.getClassBody().getMembers()) {
        if (member instanceof MethodTree m && ASTHelpers.getSymbol(m) != null) {
          methods.add(ASTHelpers.getSymbol(m));
        }
      }
      return methods;
    }
    MethodSymbol constructor = ASTHelpers.getSymbol(creation);
    if (constructor != null && constructor.owner instanceof ClassSymbol type) {
      for (Symbol member : type.getEnclosedElements()) {
        if (member instanceof MethodSymbol m
            && !m.isConstructor()
            && !ASTHelpers.isStatic(m)
            && isJavaFunctionMethod(m)) {
          methods.add(m);
        }
      }
    }
    return methods;
  }

  private static boolean isJavaFunctionMethod(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return (name.equals("apply") || name.equals("accept") || name.equals("get"))
        && method.owner instanceof ClassSymbol owner
        && owner.getInterfaces().stream()
            .anyMatch(i -> i.tsym.getQualifiedName().toString().startsWith("java.util.function."));
  }

  /** The client constructions in a method that run each time the method runs, with their guards. */
  private static List<Construction> constructionsIn(TreePath method, VisitorState state) {
    List<Construction> found = new ArrayList<>();
    new CallScanner() {
      @Override
      void call(ExpressionTree node) {
        ClientConstructions.built(node, getCurrentPath(), state)
            .ifPresent(
                kind -> {
                  Located located = locate(getCurrentPath(), Set.of());
                  if (located != null && located.guard() != Guard.ONCE) {
                    found.add(new Construction(kind, node, located.guard()));
                  }
                });
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
   * {@link Guard#ONCE} for a static cache or another object's, {@link Guard#PER_OBJECT} for one in
   * a field of {@code this}, {@link Guard#NONE} when {@code child} is no cache loader.
   */
  private static @Nullable Symbol enclosingClass(TreePath path) {
    ClassTree type = ASTHelpers.findEnclosingNode(path, ClassTree.class);
    return type == null ? null : ASTHelpers.getSymbol(type);
  }

  private static Guard deferredToCache(Tree child, @Nullable TreePath parentPath) {
    if (!(child instanceof LambdaExpressionTree || child instanceof MemberReferenceTree)
        || parentPath == null
        || !(parentPath.getLeaf() instanceof MethodInvocationTree call)
        || !call.getArguments().contains(child)) {
      return Guard.NONE;
    }
    Symbol method = ASTHelpers.getSymbol((Tree) call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (method == null || receiver == null) {
      return Guard.NONE;
    }
    String name = method.getSimpleName().toString();
    if ((name.equals("computeIfAbsent") || name.equals("get"))
        && OnceGuards.isField(ASTHelpers.getSymbol(receiver))) {
      return ASTHelpers.isStatic(ASTHelpers.getSymbol(receiver))
              || !OnceGuards.isOnThis(receiver, enclosingClass(parentPath))
          ? Guard.ONCE
          : Guard.PER_OBJECT;
    }
    return Guard.NONE;
  }
}
