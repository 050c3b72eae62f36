package io.github.leakguard.analysis;

import static java.util.stream.Collectors.joining;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.PoolSettings.StatedBound;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.ClientKind;
import io.github.leakguard.catalog.ConnectionDefault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The most connections each client built in a class can open: for every expression that builds a
 * client (see {@link ClientConstructions}), the pool bounds its configuration states (through
 * builder chains, arguments, final variables and setter calls on them), or else its library's
 * documented default. A client that hands its connections to another client built elsewhere (an SDK
 * service client given an {@code httpClient}, an Apache client given a connection manager) counts
 * nothing itself: the other client is counted where it is built.
 */
public final class ConnectionBudget {

  /** Every type a default or client kind names, by position in {@link #CATALOG_TYPES}. */
  private static final ImmutableMap<String, Integer> CATALOG_TYPE_NAMES = catalogTypeNames();

  private static final SupertypeIndex CATALOG_TYPES =
      new SupertypeIndex(CATALOG_TYPE_NAMES.keySet().asList());

  /**
   * One client and the most connections it can open.
   *
   * @param site the expression that builds it
   * @param max the bound; empty when unknown
   * @param unlimited whether its configuration states no bound at all
   * @param source where the number comes from, for a message
   */
  public record Estimate(ExpressionTree site, OptionalLong max, boolean unlimited, String source) {}

  private static final CachedName BUILDER = new CachedName("builder");

  /** How many expressions one client's configuration may span before the walk gives up. */
  private static final int MAX_CONFIGURATION = 512;

  private final VisitorState state;
  private final Set<ExpressionTree> sites = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Symbol, List<ExpressionTree>> values = new HashMap<>();
  private final Map<Symbol, List<MethodInvocationTree>> callsOn = new HashMap<>();
  private final IdentityHashMap<ExpressionTree, Symbol> holders = new IdentityHashMap<>();

  private ConnectionBudget(VisitorState state) {
    this.state = state;
  }

  /** The clients built anywhere in {@code type} (nested classes and lambdas included). */
  public static ImmutableList<Estimate> of(TreePath type, VisitorState state) {
    ConnectionBudget budget = new ConnectionBudget(state);
    budget.index(type);
    ImmutableList.Builder<Estimate> estimates = ImmutableList.builder();
    for (ExpressionTree site : budget.sites) {
      budget.estimate(site).ifPresent(estimates::add);
    }
    return estimates.build().stream()
        .sorted(Comparator.comparingInt(e -> ASTHelpers.getStartPosition(e.site())))
        .collect(ImmutableList.toImmutableList());
  }

  private void index(TreePath type) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        site(node);
        Symbol receiver = variable(ASTHelpers.getReceiver(node));
        if (receiver != null && PoolSettings.configuresPool(node, state)) {
          callsOn.computeIfAbsent(receiver, k -> new ArrayList<>()).add(node);
        }
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        site(node);
        return super.visitNewClass(node, null);
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        hold(ASTHelpers.getSymbol(node), node.getInitializer());
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        hold(variable(node.getVariable()), node.getExpression());
        return super.visitAssignment(node, null);
      }

      private void site(ExpressionTree node) {
        // Pools only: a connection opened at a time, or a class of the project that holds a
        // client (counted where that client is built), is no pool of this class.
        if (ClientConstructions.builtByCatalog(node, getCurrentPath(), state)
            .filter(kind -> kind.reuse() == ClientKind.Reuse.POOL)
            .isPresent()) {
          sites.add(node);
        }
      }

      private void hold(Symbol variable, ExpressionTree value) {
        if (variable == null || value == null) {
          return;
        }
        values.computeIfAbsent(variable, k -> new ArrayList<>()).add(value);
        holders.put(ArgumentValues.strip(value), variable);
      }
    }.scan(type, null);
  }

  private Optional<Estimate> estimate(ExpressionTree site) {
    Symbol self = holders.get(site);
    Deque<ExpressionTree> work = new ArrayDeque<>();
    work.add(site);
    if (self != null) {
      work.addAll(callsOn.getOrDefault(self, List.of()));
    }
    Set<Tree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Symbol> followed = new HashSet<>();
    Map<String, OptionalLong> caps = new LinkedHashMap<>();
    List<Type> origins = new ArrayList<>();
    String unlimited = null;
    while (!work.isEmpty() && seen.size() < MAX_CONFIGURATION) {
      ExpressionTree tree = ArgumentValues.strip(work.poll());
      // Skip the site's own variable, and class names such as the S3Client of S3Client.create().
      if (tree == null
          || !seen.add(tree)
          || (self != null && variable(tree) == self)
          || names(tree) instanceof TypeSymbol
          || names(tree) instanceof PackageSymbol) {
        continue;
      }
      if (tree != site && (sites.contains(tree) || isClient(ASTHelpers.getType(tree)))) {
        // It hands its connections to another client: counted where that one is built, or not
        // this class's to count (a parameter, an injected field).
        return Optional.empty();
      }
      if (tree instanceof MethodInvocationTree || tree instanceof NewClassTree) {
        if (!PoolSettings.unbounded(tree, state).isEmpty()) {
          unlimited = describe(tree);
        }
        for (StatedBound stated : PoolSettings.bounds(tree, state)) {
          if (!stated.bound().meaning().capsPool()) {
            continue;
          }
          if (stated.unlimited()) {
            unlimited = describe(tree);
          } else {
            caps.put(describe(tree), stated.value());
          }
        }
        origins.addAll(origins(tree));
      }
      if (tree instanceof MethodInvocationTree call) {
        work.add(call.getMethodSelect());
        work.addAll(call.getArguments());
      } else if (tree instanceof NewClassTree newClass) {
        work.addAll(newClass.getArguments());
      } else if (tree instanceof MemberSelectTree select && variable(select) == null) {
        work.add(select.getExpression());
      }
      Symbol variable = variable(tree);
      if (variable != null && variable != self && followed.add(variable)) {
        work.addAll(values.getOrDefault(variable, List.of()));
        work.addAll(callsOn.getOrDefault(variable, List.of()));
      }
    }
    // The pool is capped by its smallest bound: a finite one wins over an unlimited one.
    OptionalLong known =
        caps.values().stream()
            .filter(OptionalLong::isPresent)
            .mapToLong(OptionalLong::getAsLong)
            .min();
    if (known.isEmpty() && unlimited != null) {
      return Optional.of(new Estimate(site, OptionalLong.empty(), true, unlimited));
    }
    if (known.isPresent()) {
      String source =
          caps.entrySet().stream()
              .filter(e -> e.getValue().equals(known))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("");
      return Optional.of(new Estimate(site, known, false, source));
    }
    if (!caps.isEmpty()) {
      return Optional.of(
          new Estimate(
              site,
              OptionalLong.empty(),
              false,
              caps.keySet().iterator().next() + ", not a constant"));
    }
    return Optional.of(fromDefaults(site, origins));
  }

  private Estimate fromDefaults(ExpressionTree site, List<Type> origins) {
    Optional<ConnectionDefault> found = matchDefault(origins, false);
    if (found.isEmpty()) {
      found = matchDefault(origins, true);
    }
    return found
        .map(d -> new Estimate(site, d.max(), false, d.source()))
        .orElseGet(
            () ->
                new Estimate(
                    site,
                    OptionalLong.empty(),
                    false,
                    "no bound stated and no documented default"));
  }

  private Optional<ConnectionDefault> matchDefault(List<Type> origins, boolean fallback) {
    BitSet names = new BitSet();
    for (Type type : origins) {
      names.or(CATALOG_TYPES.supertypesOf(type, state));
      if (type.tsym != null && type.tsym.owner instanceof ClassSymbol outer) {
        names.or(CATALOG_TYPES.supertypesOf(outer.type, state));
      }
    }
    for (ConnectionDefault candidate : Catalogs.CONNECTION_DEFAULTS) {
      if (candidate.fallback() == fallback && has(names, candidate.origin())) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a value of {@code type} is a client of a catalogued kind (a pool, an SDK client): code
   * that passes one to a builder hands over an existing pool rather than configuring a new one.
   */
  private boolean isClient(Type type) {
    if (type == null) {
      return false;
    }
    BitSet names = CATALOG_TYPES.supertypesOf(type, state);
    if (names.isEmpty()) {
      return false;
    }
    for (ClientKind kind : Catalogs.CLIENTS) {
      if (!kind.type().equals("java.lang.Object")
          && kind.reuse() == ClientKind.Reuse.POOL
          && has(names, kind.type())
          && kind.alsoSubtypeOf().stream().allMatch(also -> has(names, also))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the supertypes found by {@link #CATALOG_TYPES} include the type named {@code name}. */
  private static boolean has(BitSet supertypes, String name) {
    Integer position = CATALOG_TYPE_NAMES.get(name);
    return position != null && supertypes.get(position);
  }

  private static ImmutableMap<String, Integer> catalogTypeNames() {
    Set<String> names = new LinkedHashSet<>();
    Catalogs.CONNECTION_DEFAULTS.forEach(d -> names.add(d.origin()));
    for (ClientKind kind : Catalogs.CLIENTS) {
      names.add(kind.type());
      names.addAll(kind.alsoSubtypeOf());
    }
    ImmutableMap.Builder<String, Integer> positions = ImmutableMap.builder();
    int position = 0;
    for (String name : names) {
      positions.put(name, position++);
    }
    return positions.buildOrThrow();
  }

  /**
   * The types a call names: the class of a {@code new}, a static method's class, a receiver's type,
   * the result; for a static factory, also what the class's {@code builder()} returns, since {@code
   * S3Client.create()} builds what {@code S3Client.builder()} would.
   */
  private List<Type> origins(ExpressionTree tree) {
    List<Type> types = new ArrayList<>();
    Type result = ASTHelpers.getType(tree);
    if (result != null) {
      types.add(result);
    }
    Symbol sym = ASTHelpers.getSymbol(tree);
    if (sym instanceof MethodSymbol method && method.owner instanceof ClassSymbol owner) {
      types.add(owner.type);
      if (method.isStatic()) {
        // Looked up by name: an SDK client class has hundreds of members.
        for (Symbol member : owner.members().getSymbolsByName(BUILDER.get(state))) {
          if (member instanceof MethodSymbol builder
              && builder.isStatic()
              && builder.getParameters().isEmpty()) {
            types.add(builder.getReturnType());
          }
        }
      }
    }
    if (tree instanceof MethodInvocationTree call) {
      Type receiver = ASTHelpers.getType(ASTHelpers.getReceiver(call));
      if (receiver != null) {
        types.add(receiver);
      }
    }
    return types;
  }

  private String describe(ExpressionTree tree) {
    Symbol sym = ASTHelpers.getSymbol((Tree) tree);
    return tree instanceof MethodInvocationTree call
            && sym != null
            && !call.getArguments().isEmpty()
        ? sym.getSimpleName()
            + "("
            + call.getArguments().stream().map(Object::toString).collect(joining(", "))
            + ")"
        : tree.toString();
  }

  private static Symbol names(ExpressionTree tree) {
    return tree instanceof IdentifierTree || tree instanceof MemberSelectTree
        ? ASTHelpers.getSymbol(tree)
        : null;
  }

  /** The field or local variable {@code tree} names, or null. */
  private static Symbol variable(ExpressionTree tree) {
    if (!(tree instanceof IdentifierTree) && !(tree instanceof MemberSelectTree)) {
      return null;
    }
    Symbol sym = ASTHelpers.getSymbol(tree);
    return sym instanceof VarSymbol var
            && (var.getKind() == ElementKind.FIELD || var.getKind() == ElementKind.LOCAL_VARIABLE)
        ? sym
        : null;
  }
}
