package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.github.leakguard.analysis.release.Trace.Effect;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.InstanceOfNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LambdaResultExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NullChkNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.StringConcatenateNode;
import org.checkerframework.errorprone.dataflow.cfg.node.StringConversionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SynchronizedNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.jspecify.annotations.Nullable;

/**
 * Where a value that holds a resource goes: walks from the node producing it up through the
 * expressions that consume it (casts, handles such as {@code response.body()}, owning wrappers such
 * as {@code new BufferedReader(...)}) to the node that decides its fate.
 */
final class Fates {

  /** The decision: what happens, at which node, and for {@link Effect#GEN} to which local. */
  record Fate(Effect effect, Node at, @Nullable Element variable) {}

  private static final Supplier<Type> AUTO_CLOSEABLE =
      Suppliers.typeFromString("java.lang.AutoCloseable");
  private static final Supplier<Type> COLLECTION = Suppliers.typeFromString("java.util.Collection");
  private static final Supplier<Type> MAP = Suppliers.typeFromString("java.util.Map");

  /** Methods of another object that keep what they are given: setters, registries, queues. */
  private static final Pattern STORING =
      Pattern.compile("(set|add|put|register|attach|offer|push|change|replace|bind)([A-Z].*)?");

  /** Methods named for closing what they are given: {@code closeQuietly}, {@code safeClose}. */
  private static final Pattern CLOSING = Pattern.compile("(?i).*close.*");

  /** Results that wrap a stream passed in ({@code Channels.newReader(channel, ...)}). */
  private static final Supplier<Type> INPUT_STREAM =
      Suppliers.typeFromString("java.io.InputStream");

  private static final Supplier<Type> OUTPUT_STREAM =
      Suppliers.typeFromString("java.io.OutputStream");
  private static final Supplier<Type> READER = Suppliers.typeFromString("java.io.Reader");
  private static final Supplier<Type> WRITER = Suppliers.typeFromString("java.io.Writer");

  private final MethodGraph graph;
  private final UnitReleases unit;
  private final VisitorState state;

  Fates(MethodGraph graph, UnitReleases unit, VisitorState state) {
    this.graph = graph;
    this.unit = unit;
    this.state = state;
  }

  Fate of(Node value, CompiledKind kind) {
    return of(value, graph.user(value), kind);
  }

  /** The fate of {@code value}, whose first user is {@code firstUser}. */
  Fate of(Node value, @Nullable Node firstUser, CompiledKind kind) {
    return walk(value, firstUser, kind, false, 0);
  }

  /**
   * Walks up from {@code value}. Once the walk passes a call on the resource that returns another
   * closeable ({@code statement.executeQuery()}, {@code connection.createStatement()}), it is
   * {@code derived}: closing that value does not release the resource, but handing it over does (a
   * returned result set takes its statement along), so only hand-overs count from there.
   */
  private Fate walk(
      Node value, @Nullable Node firstUser, CompiledKind kind, boolean derived, int depth) {
    Node current = value;
    for (int hops = 0; hops < 32; hops++) {
      Node user = hops == 0 ? firstUser : graph.user(current);
      if (user == null) {
        return drop(current);
      }
      if (user instanceof TypeCastNode || user instanceof NullChkNode) {
        current = user;
        continue;
      }
      if (user instanceof TernaryExpressionNode ternary) {
        if (ternary.getConditionOperand() == current) {
          return drop(user);
        }
        current = user;
        continue;
      }
      if (user instanceof AssignmentNode assignment) {
        return assigned(assignment, current, kind, derived, depth);
      }
      if (user instanceof ReturnNode || user instanceof LambdaResultExpressionNode) {
        return escape(user);
      }
      if (user instanceof MethodAccessNode access) {
        if (!(graph.user(access) instanceof MethodInvocationNode call)) {
          return drop(user);
        }
        MethodSymbol method = (MethodSymbol) access.getMethod();
        Type receiver = (Type) current.getType();
        if (kind.isReleaseMethod(method, receiver, state)) {
          return derived ? drop(call) : new Fate(Effect.RELEASE, call, null);
        }
        if (kind.isHandle(method, receiver, state)) {
          current = call;
          continue;
        }
        if (Subtypes.isSubtype(method.getReturnType(), AUTO_CLOSEABLE.get(state), state)) {
          derived = true;
          current = call;
          continue;
        }
        return drop(call);
      }
      if (user instanceof MethodInvocationNode call) {
        Fate fate = asArgument(call, current, kind);
        if (fate == null) {
          current = call;
          continue;
        }
        return derived && fate.effect() != Effect.ESCAPE ? drop(call) : fate;
      }
      if (user instanceof ObjectCreationNode creation) {
        Node argument = current;
        if (creation.getArguments().stream().anyMatch(a -> a == argument)
            && Subtypes.isSubtype((Type) creation.getType(), AUTO_CLOSEABLE.get(state), state)) {
          current = creation;
          continue;
        }
        // A constructor of a type that cannot close it stores it: an owner object.
        return escape(user);
      }
      if (user instanceof EqualToNode
          || user instanceof NotEqualNode
          || user instanceof InstanceOfNode
          || user instanceof StringConcatenateNode
          || user instanceof StringConversionNode
          || user instanceof SynchronizedNode) {
        return drop(user);
      }
      // A use we do not model: precision first, treat it as handed over.
      return escape(user);
    }
    return escape(current);
  }

  private Fate assigned(
      AssignmentNode assignment, Node value, CompiledKind kind, boolean derived, int depth) {
    if (assignment.getTarget() == value) {
      return drop(assignment);
    }
    if (!(assignment.getTarget() instanceof LocalVariableNode target)) {
      return escape(assignment);
    }
    // a = b = open(): the value of the assignment goes on (to a field, a return).
    if (graph.user(assignment) != null) {
      Fate rest = walk(assignment, graph.user(assignment), kind, derived, depth);
      if (rest.effect() == Effect.ESCAPE) {
        return rest;
      }
    }
    if (!derived) {
      return new Fate(Effect.GEN, assignment, target.getElement());
    }
    // A derived value in a local: it hands the resource over if some use of it does.
    if (depth < 3) {
      for (MethodGraph.Read read : graph.reads(target.getElement())) {
        if (walk(read.node(), read.user(), kind, true, depth + 1).effect() == Effect.ESCAPE) {
          return escape(assignment);
        }
      }
    }
    return drop(assignment);
  }

  private static Fate drop(Node at) {
    return new Fate(Effect.DROP, at, null);
  }

  private static Fate escape(Node at) {
    return new Fate(Effect.ESCAPE, at, null);
  }

  /** The fate of a value passed to {@code call}, or null when the call's result carries it on. */
  private @Nullable Fate asArgument(MethodInvocationNode call, Node argument, CompiledKind kind) {
    MethodSymbol method = (MethodSymbol) call.getTarget().getMethod();
    int index = indexOf(call, argument);
    if (index < 0) {
      return escape(call);
    }
    Type receiver = method.isStatic() ? null : (Type) call.getTarget().getReceiver().getType();
    if (CompiledKind.isReleaseHelper(method, receiver, state)) {
      return new Fate(Effect.RELEASE, call, null);
    }
    if (returnsItsArgument(method, index)) {
      return null;
    }
    Type owner = method.owner.type;
    if (method.isConstructor()
        || isCollection(owner)
        || (receiver != null && isCollection(receiver))
        || UnitReleases.owns(method, index)
        || kind.kind.transferredByPassing()
        || (!method.isStatic() && STORING.matcher(method.getSimpleName()).matches())) {
      return escape(call);
    }
    switch (unit.closes(method, index, state)) {
      case ALWAYS -> {
        return new Fate(Effect.RELEASE, call, null);
      }
      case NORMALLY -> {
        return new Fate(Effect.RELEASE_NORMAL, call, null);
      }
      case HANDS_OVER -> {
        return escape(call);
      }
      case UNKNOWN -> {
        // Another unit's helper named for closing (Utils.closeQuietly, JdbcBlackHole.close):
        // trusted to close, since its body cannot be read.
        if (CLOSING.matcher(method.getSimpleName()).matches()) {
          return new Fate(Effect.RELEASE, call, null);
        }
      }
      case NEVER -> {}
    }
    // A stream wrapping it (Channels.newReader), or a value of its own kind built on it (a TLS
    // socket layered over a plain one, with autoClose): the result owns it.
    Type result = method.getReturnType();
    if (isStreamLike(result) || kind.holds(result, state)) {
      return null;
    }
    // return createResponse(response, request): the object handed back wraps it, and the caller
    // owns both now (the AWS SDK's ApacheHttpClient.execute). A plain value (a String, a number)
    // handed back cannot hold it: that is the argument read and dropped.
    if (graph.user(call) instanceof ReturnNode && !isPlainValue(result)) {
      return escape(call);
    }
    return drop(call);
  }

  private boolean isPlainValue(Type type) {
    return type.isPrimitiveOrVoid()
        || state.getTypes().isSameType(type, state.getSymtab().stringType)
        || state.getTypes().unboxedType(type).isPrimitive();
  }

  /**
   * Whether the method may return the argument itself: {@code <T> T requireNonNull(T value)},
   * {@code castNonNull(T)}, and other generic pass-throughs.
   */
  private static boolean returnsItsArgument(MethodSymbol method, int index) {
    List<VarSymbol> parameters = method.getParameters();
    if (index >= parameters.size()) {
      return false;
    }
    Type parameter = parameters.get(index).type;
    Type result = method.getReturnType();
    return parameter.hasTag(TypeTag.TYPEVAR)
        && result.hasTag(TypeTag.TYPEVAR)
        && parameter.tsym == result.tsym;
  }

  private static int indexOf(MethodInvocationNode call, Node argument) {
    for (int i = 0; i < call.getArguments().size(); i++) {
      if (call.getArguments().get(i) == argument) {
        return i;
      }
    }
    return -1;
  }

  private boolean isCollection(Type type) {
    return Subtypes.isSubtype(type, COLLECTION.get(state), state)
        || Subtypes.isSubtype(type, MAP.get(state), state);
  }

  private boolean isStreamLike(Type type) {
    return Subtypes.isSubtype(type, INPUT_STREAM.get(state), state)
        || Subtypes.isSubtype(type, OUTPUT_STREAM.get(state), state)
        || Subtypes.isSubtype(type, READER.get(state), state)
        || Subtypes.isSubtype(type, WRITER.get(state), state);
  }
}
