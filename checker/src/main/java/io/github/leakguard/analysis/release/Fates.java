package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.release.Trace.Effect;
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
 * expressions that consume it (casts, handles such as {@code response.body()}, owning wrappers
 * such as {@code new BufferedReader(...)}) to the node that decides its fate.
 */
final class Fates {

  /** The decision: what happens, at which node, and for {@link Effect#GEN} to which local. */
  record Fate(Effect effect, Node at, @Nullable Element variable) {}

  private static final Supplier<Type> AUTO_CLOSEABLE = Suppliers.typeFromString("java.lang.AutoCloseable");
  private static final Supplier<Type> COLLECTION = Suppliers.typeFromString("java.util.Collection");
  private static final Supplier<Type> MAP = Suppliers.typeFromString("java.util.Map");
  private static final Supplier<Type> OBJECTS = Suppliers.typeFromString("java.util.Objects");
  /** Results that wrap a stream passed in ({@code Channels.newReader(channel, ...)}). */
  private static final Supplier<Type> INPUT_STREAM = Suppliers.typeFromString("java.io.InputStream");
  private static final Supplier<Type> OUTPUT_STREAM = Suppliers.typeFromString("java.io.OutputStream");
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
    Node current = value;
    for (int hops = 0; hops < 32; hops++) {
      Node user = hops == 0 ? firstUser : graph.user(current);
      if (user == null) {
        return new Fate(Effect.DROP, current, null);
      }
      if (user instanceof TypeCastNode || user instanceof NullChkNode) {
        current = user;
        continue;
      }
      if (user instanceof TernaryExpressionNode ternary) {
        if (ternary.getConditionOperand() == current) {
          return new Fate(Effect.DROP, user, null);
        }
        current = user;
        continue;
      }
      if (user instanceof AssignmentNode assignment) {
        if (assignment.getTarget() instanceof LocalVariableNode target) {
          return new Fate(Effect.GEN, user, target.getElement());
        }
        return new Fate(Effect.ESCAPE, user, null);
      }
      if (user instanceof ReturnNode || user instanceof LambdaResultExpressionNode) {
        return new Fate(Effect.ESCAPE, user, null);
      }
      if (user instanceof MethodAccessNode access) {
        if (!(graph.user(access) instanceof MethodInvocationNode call)) {
          return new Fate(Effect.DROP, user, null);
        }
        MethodSymbol method = (MethodSymbol) access.getMethod();
        Type receiver = (Type) current.getType();
        if (kind.isReleaseMethod(method, receiver, state)) {
          return new Fate(Effect.RELEASE, call, null);
        }
        if (kind.isHandle(method, receiver, state)) {
          current = call;
          continue;
        }
        return new Fate(Effect.DROP, call, null);
      }
      if (user instanceof MethodInvocationNode call) {
        Fate fate = asArgument(call, current, kind);
        if (fate != null) {
          return fate;
        }
        current = call;
        continue;
      }
      if (user instanceof ObjectCreationNode creation) {
        Node argument = current;
        if (creation.getArguments().stream().anyMatch(a -> a == argument)
            && MethodRef.isSubtype((Type) creation.getType(), AUTO_CLOSEABLE.get(state), state)) {
          current = creation;
          continue;
        }
        // A constructor of a type that cannot close it stores it: an owner object.
        return new Fate(Effect.ESCAPE, user, null);
      }
      if (user instanceof EqualToNode
          || user instanceof NotEqualNode
          || user instanceof InstanceOfNode
          || user instanceof StringConcatenateNode
          || user instanceof StringConversionNode
          || user instanceof SynchronizedNode) {
        return new Fate(Effect.DROP, user, null);
      }
      // A use we do not model: precision first, treat it as handed over.
      return new Fate(Effect.ESCAPE, user, null);
    }
    return new Fate(Effect.ESCAPE, current, null);
  }

  /** The fate of a value passed to {@code call}, or null when the call's result carries it on. */
  private @Nullable Fate asArgument(MethodInvocationNode call, Node argument, CompiledKind kind) {
    MethodSymbol method = (MethodSymbol) call.getTarget().getMethod();
    int index = indexOf(call, argument);
    if (index < 0) {
      return new Fate(Effect.ESCAPE, call, null);
    }
    if (CompiledKind.isReleaseHelper(method, state)) {
      return new Fate(Effect.RELEASE, call, null);
    }
    Type owner = method.owner.type;
    if (method.isStatic() && MethodRef.isSubtype(owner, OBJECTS.get(state), state)
        && method.getSimpleName().contentEquals("requireNonNull")) {
      return null;
    }
    Type receiver = method.isStatic() ? null : (Type) call.getTarget().getReceiver().getType();
    if (method.isConstructor()
        || isCollection(owner)
        || (receiver != null && isCollection(receiver))
        || UnitReleases.owns(method, index)
        || kind.kind.transferredByPassing()) {
      return new Fate(Effect.ESCAPE, call, null);
    }
    switch (unit.closes(method, index, state)) {
      case ALWAYS:
        return new Fate(Effect.RELEASE, call, null);
      case NORMALLY:
        return new Fate(Effect.RELEASE_NORMAL, call, null);
      default:
        break;
    }
    Type result = method.getReturnType();
    if (isStreamLike(result)) {
      return null;
    }
    return new Fate(Effect.DROP, call, null);
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
    return MethodRef.isSubtype(type, COLLECTION.get(state), state)
        || MethodRef.isSubtype(type, MAP.get(state), state);
  }

  private boolean isStreamLike(Type type) {
    return MethodRef.isSubtype(type, INPUT_STREAM.get(state), state)
        || MethodRef.isSubtype(type, OUTPUT_STREAM.get(state), state)
        || MethodRef.isSubtype(type, READER.get(state), state)
        || MethodRef.isSubtype(type, WRITER.get(state), state);
  }
}
