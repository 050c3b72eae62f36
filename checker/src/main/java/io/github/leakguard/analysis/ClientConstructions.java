package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
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
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.github.leakguard.analysis.CatalogIndex.Role;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.ClientKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Recognises the expressions that build a new reusable client, from the client kinds of {@link
 * Catalogs}. Matchers are built once, when this class loads.
 */
public final class ClientConstructions {

  /**
   * The client types, in the order of {@link Catalogs#CLIENTS}, then the further types the kinds
   * require ({@link ClientKind#alsoSubtypeOf}).
   */
  private static final SupertypeIndex CLIENT_TYPES;

  /** The positions in {@link #CLIENT_TYPES} of each kind's further types. */
  private static final IdentityHashMap<ClientKind, int[]> ALSO_SUBTYPE_OF = new IdentityHashMap<>();

  static {
    List<String> types = new ArrayList<>();
    Catalogs.CLIENTS.forEach(kind -> types.add(kind.type()));
    for (ClientKind kind : Catalogs.CLIENTS) {
      int[] positions = new int[kind.alsoSubtypeOf().size()];
      int i = 0;
      for (String also : kind.alsoSubtypeOf()) {
        positions[i++] = types.size();
        types.add(also);
      }
      ALSO_SUBTYPE_OF.put(kind, positions);
    }
    CLIENT_TYPES = new SupertypeIndex(types);
  }

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
        return CatalogIndex.of(tree, state).hasAny(Role.CLIENT_BUILDER)
            ? kindOf(tree, path, state)
            : Optional.empty();
      }
      if (!CatalogIndex.of(tree, state).hasAny(Role.CLIENT_FACTORY)) {
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
    new BodyScanner() {
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
    // The subtype index rules out nearly every construction, so the call's catalog entries are
    // looked at only where it does produce a client type.
    BitSet kinds = CLIENT_TYPES.supertypesOf(type, state);
    for (int i = kinds.nextSetBit(0);
        i >= 0 && i < Catalogs.CLIENTS.size();
        i = kinds.nextSetBit(i + 1)) {
      ClientKind kind = Catalogs.CLIENTS.get(i);
      if (builds(kind, i, tree, path, state) && allSubtypes(kind, kinds)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code tree} is one of the call shapes that build {@code kind}, the one at {@code
   * position} in {@link #CLIENT_TYPES}.
   */
  private static boolean builds(
      ClientKind kind, int position, ExpressionTree tree, TreePath path, VisitorState state) {
    if (tree instanceof NewClassTree) {
      return kind.constructors();
    }
    CatalogIndex.Matches matches = CatalogIndex.of(tree, state);
    return (matches.has(Role.CLIENT_FACTORY, kind) && !wrapsOne(tree, position, state))
        || (matches.has(Role.CLIENT_BUILDER, kind)
            && !fromSharingSource(kind, (MethodInvocationTree) tree, path, state));
  }

  /**
   * Whether the factory {@code call} takes a client of the kind it builds: it wraps that client (a
   * session, a cache over Vert.x's {@code WebClient}) and opens no pool of its own.
   */
  private static boolean wrapsOne(ExpressionTree call, int position, VisitorState state) {
    MethodSymbol factory = ASTHelpers.getSymbol((MethodInvocationTree) call);
    for (VarSymbol parameter : factory.getParameters()) {
      if (CLIENT_TYPES.supertypesOf(parameter.type, state).get(position)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the built value, whose catalog supertypes are {@code kinds}, has every type needed. */
  private static boolean allSubtypes(ClientKind kind, BitSet kinds) {
    for (int position : ALSO_SUBTYPE_OF.get(kind)) {
      if (!kinds.get(position)) {
        return false;
      }
    }
    return true;
  }

  /** Walks the builder chain down to its root call and asks whether that root shares a pool. */
  private static boolean fromSharingSource(
      ClientKind kind, MethodInvocationTree build, TreePath path, VisitorState state) {
    if (kind.sharingBuilderSources().isEmpty()) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(build);
    for (int hops = 0; hops < 64 && receiver != null; hops++) {
      if (receiver instanceof MethodInvocationTree invocation) {
        if (CatalogIndex.of(invocation, state).has(Role.SHARING_SOURCE, kind)) {
          return true;
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

  private ClientConstructions() {}
}
