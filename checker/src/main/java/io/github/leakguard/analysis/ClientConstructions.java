package io.github.leakguard.analysis;

import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.predicates.TypePredicates;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.ClientKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Recognises the expressions that build a new reusable client, from the client kinds of {@link
 * Catalogs}. Matchers are built once, when this class loads.
 */
public final class ClientConstructions {

  private static final ImmutableList<CompiledKind> KINDS =
      Catalogs.CLIENTS.stream().map(CompiledKind::new).collect(ImmutableList.toImmutableList());

  /**
   * The names of every build and factory method in the catalogs; most calls are rejected by name
   * alone, before any type is looked at. Factories named "any" leave the static side open.
   */
  private static final NameIndex<String> BUILDER_METHODS =
      names(kind -> kind.builderMethods().stream());

  private static final NameIndex<String> FACTORY_METHODS =
      names(kind -> kind.factoryMethods().stream());

  private static final boolean ANY_NAMED_FACTORIES =
      Catalogs.CLIENTS.stream()
          .anyMatch(kind -> !kind.factoryOwners().isEmpty() && kind.factoryMethods().isEmpty());

  /** The client types, in the order of {@link #KINDS}. */
  private static final SupertypeIndex CLIENT_TYPES =
      new SupertypeIndex(Catalogs.CLIENTS.stream().map(ClientKind::type).toList());

  /** The client kind that {@code tree}, at the current path, builds a new instance of, if any. */
  public static Optional<ClientKind> built(ExpressionTree tree, VisitorState state) {
    return built(tree, state.getPath(), state);
  }

  /**
   * The client kind that {@code tree}, at {@code path}, builds a new instance of, if any. For
   * scanners of whole classes and methods: the path is read only for the rare candidate whose
   * builder comes from a local variable, so no state is made per node.
   */
  public static Optional<ClientKind> built(ExpressionTree tree, TreePath path, VisitorState state) {
    Optional<ClientKind> kind = builtByCatalog(tree, path, state);
    if (kind.isEmpty()
        && tree instanceof NewClassTree creation
        && creation.getClassBody() == null
        && ASTHelpers.getSymbol(creation) != null
        && ASTHelpers.getSymbol(creation).owner instanceof ClassSymbol type) {
      Map<ClassSymbol, Optional<ClientKind>> known = BY_CLASS.get(state);
      kind = known.get(type);
      if (kind == null) {
        known.put(type, Optional.empty()); // a class whose initializers construct itself
        kind = builtByInitializers(type, state, 0);
        known.put(type, kind);
      }
    }
    return kind;
  }

  /**
   * As {@link #built(ExpressionTree, TreePath, VisitorState)}, for the catalogs' call shapes only:
   * not a class of the project that builds a client when constructed.
   */
  public static Optional<ClientKind> builtByCatalog(
      ExpressionTree tree, TreePath path, VisitorState state) {
    MethodSymbol sym;
    if (tree instanceof MethodInvocationTree call) {
      sym = ASTHelpers.getSymbol(call);
      if (!sym.isStatic()) {
        return BUILDER_METHODS.contains(sym.getSimpleName(), state)
            ? kindOf(tree, path, state)
            : Optional.empty();
      }
      if (!ANY_NAMED_FACTORIES && !FACTORY_METHODS.contains(sym.getSimpleName(), state)) {
        return Optional.empty();
      }
      if (sym.type.hasTag(TypeTag.FORALL)) {
        return kindOf(tree, path, state); // a generic factory's result depends on the call
      }
    } else if (tree instanceof NewClassTree creation) {
      sym = ASTHelpers.getSymbol(creation);
      if (sym == null) {
        return kindOf(tree, path, state);
      }
    } else {
      return Optional.empty();
    }
    // A constructor or non-generic factory builds the same kind at every call: each is judged once.
    Map<MethodSymbol, Optional<ClientKind>> known = BY_SYMBOL.get(state);
    Optional<ClientKind> kind = known.get(sym);
    if (kind == null) {
      kind = kindOf(tree, path, state);
      known.put(sym, kind);
    }
    return kind;
  }

  /** The judgements of the project's classes, by class, for the compilation. */
  private static final CompilationCache<Map<ClassSymbol, Optional<ClientKind>>> BY_CLASS =
      new CompilationCache<>(state -> new HashMap<>());

  /**
   * The kind of client that every construction of {@code type}, a class of the project, builds in
   * its instance field initializers or initializer blocks ({@code private final S3Client s3 =
   * S3Client.create();}), or those of its superclasses: such a class is a client of its own making.
   * (A client built in a constructor's body is found by following the constructor as a call.)
   */
  private static Optional<ClientKind> builtByInitializers(
      ClassSymbol type, VisitorState state, int depth) {
    TreePath declaration = depth > 8 ? null : SourceMethods.path(type, state);
    if (declaration == null) {
      return Optional.empty();
    }
    for (Tree member : ((ClassTree) declaration.getLeaf()).getMembers()) {
      Tree initializer =
          member instanceof VariableTree field && !isStatic(field.getModifiers())
              ? field.getInitializer()
              : member instanceof BlockTree block && !block.isStatic() ? block : null;
      if (initializer == null) {
        continue;
      }
      Optional<ClientKind> found =
          firstBuilt(new TreePath(new TreePath(declaration, member), initializer), state);
      if (found.isPresent()) {
        return found;
      }
    }
    return type.getSuperclass().tsym instanceof ClassSymbol superclass
        ? builtByInitializers(superclass, state, depth + 1)
        : Optional.empty();
  }

  /** The first client built where {@code path} runs (not in its lambdas and nested classes). */
  private static Optional<ClientKind> firstBuilt(TreePath path, VisitorState state) {
    List<ClientKind> found = new ArrayList<>(1);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found.isEmpty() ? super.scan(tree, null) : null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        built(node, getCurrentPath(), state).ifPresent(found::add);
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        built(node, getCurrentPath(), state).ifPresent(found::add);
        return super.visitNewClass(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(path, null);
    return found.stream().findFirst();
  }

  private static boolean isStatic(ModifiersTree modifiers) {
    return modifiers.getFlags().contains(Modifier.STATIC);
  }

  /** The judgements of constructors and static factories, by symbol, for the compilation. */
  private static final CompilationCache<Map<MethodSymbol, Optional<ClientKind>>> BY_SYMBOL =
      new CompilationCache<>(state -> new HashMap<>());

  private static Optional<ClientKind> kindOf(
      ExpressionTree tree, TreePath path, VisitorState state) {
    Type type = ASTHelpers.getType(tree);
    // The subtype index rules out nearly every call, so the method matchers run only on
    // expressions that do produce a client type.
    BitSet kinds = CLIENT_TYPES.supertypesOf(type, state);
    for (int i = kinds.nextSetBit(0); i >= 0; i = kinds.nextSetBit(i + 1)) {
      CompiledKind kind = KINDS.get(i);
      if (kind.matches(tree, state.getTypes().erasure(type), path, state)) {
        return Optional.of(kind.kind);
      }
    }
    return Optional.empty();
  }

  /** One catalog entry with its matchers and type suppliers built. */
  private static final class CompiledKind {
    final ClientKind kind;
    final ImmutableList<Supplier<Type>> alsoSubtypeOf;
    final Optional<Matcher<ExpressionTree>> constructor;
    final Optional<Matcher<ExpressionTree>> factory;
    final Optional<Matcher<ExpressionTree>> builder;
    final ImmutableList<Matcher<ExpressionTree>> sharingSources;

    CompiledKind(ClientKind kind) {
      this.kind = kind;
      this.alsoSubtypeOf =
          kind.alsoSubtypeOf().stream()
              .map(Suppliers::typeFromString)
              .collect(ImmutableList.toImmutableList());
      this.constructor =
          kind.constructors()
              ? Optional.of(constructor().forClass(TypePredicates.isDescendantOf(kind.type())))
              : Optional.empty();
      this.factory =
          kind.factoryOwners().isEmpty()
              ? Optional.empty()
              : Optional.of(
                  kind.factoryMethods().isEmpty()
                      ? staticMethod()
                          .onClass(TypePredicates.isDescendantOfAny(kind.factoryOwners()))
                      : staticMethod()
                          .onClass(TypePredicates.isDescendantOfAny(kind.factoryOwners()))
                          .namedAnyOf(kind.factoryMethods()));
      this.builder =
          kind.builderTypes().isEmpty()
              ? Optional.empty()
              : Optional.of(
                  instanceMethod()
                      .onClass(TypePredicates.isDescendantOfAny(kind.builderTypes()))
                      .namedAnyOf(kind.builderMethods()));
      this.sharingSources =
          kind.sharingBuilderSources().stream()
              .map(
                  source -> {
                    int hash = source.indexOf('#');
                    return (Matcher<ExpressionTree>)
                        instanceMethod()
                            .onDescendantOf(source.substring(0, hash))
                            .named(source.substring(hash + 1));
                  })
              .collect(ImmutableList.toImmutableList());
    }

    boolean matches(ExpressionTree tree, Type built, TreePath path, VisitorState state) {
      boolean shape;
      if (tree instanceof NewClassTree) {
        shape = constructor.isPresent() && constructor.get().matches(tree, state);
      } else {
        MethodSymbol sym = ASTHelpers.getSymbol((MethodInvocationTree) tree);
        if (sym.isStatic()) {
          shape = factory.isPresent() && factory.get().matches(tree, state);
        } else {
          shape =
              builder.isPresent()
                  && builder.get().matches(tree, state)
                  && !fromSharingSource((MethodInvocationTree) tree, path, state);
        }
      }
      return shape && allSubtypes(built, state);
    }

    private boolean allSubtypes(Type built, VisitorState state) {
      for (Supplier<Type> also : alsoSubtypeOf) {
        if (!isSubtype(built, also, state)) {
          return false;
        }
      }
      return true;
    }

    /** Walks the builder chain down to its root call and asks whether that root shares a pool. */
    private boolean fromSharingSource(
        MethodInvocationTree build, TreePath path, VisitorState state) {
      if (sharingSources.isEmpty()) {
        return false;
      }
      ExpressionTree receiver = ASTHelpers.getReceiver(build);
      for (int hops = 0; hops < 64 && receiver != null; hops++) {
        if (receiver instanceof MethodInvocationTree invocation) {
          for (Matcher<ExpressionTree> source : sharingSources) {
            if (source.matches(invocation, state)) {
              return true;
            }
          }
          receiver = ASTHelpers.getReceiver(invocation);
        } else if (receiver instanceof NewClassTree) {
          return false;
        } else {
          // A builder held in a variable: follow a local's initializer; anything else (a field,
          // a parameter) may come from a shared client, and precision comes first.
          Optional<ExpressionTree> initializer =
              LocalVariables.initializer(receiver, state.withPath(path));
          if (initializer.isEmpty()) {
            return true;
          }
          receiver = initializer.get();
        }
      }
      return false;
    }
  }

  /**
   * Whether the erased type {@code built} is a subtype of the (possibly absent) {@code supertype}.
   */
  private static boolean isSubtype(Type built, Supplier<Type> supertype, VisitorState state) {
    Type resolved = supertype.get(state);
    return resolved != null
        && state.getTypes().isSubtype(built, state.getTypes().erasure(resolved));
  }

  private static NameIndex<String> names(Function<ClientKind, Stream<String>> names) {
    return new NameIndex<>(
        Catalogs.CLIENTS.stream()
            .flatMap(names)
            .distinct()
            .collect(ImmutableListMultimap.toImmutableListMultimap(name -> name, name -> name)));
  }

  private ClientConstructions() {}
}
