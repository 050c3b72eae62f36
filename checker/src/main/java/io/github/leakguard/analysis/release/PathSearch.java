package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.CachedName;
import io.github.leakguard.analysis.release.Leak.How;
import io.github.leakguard.analysis.release.Trace.Effect;
import io.github.leakguard.analysis.release.Trace.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SingleSuccessorBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BinaryOperationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BooleanLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NullLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThrowNode;
import org.jspecify.annotations.Nullable;

/**
 * Searches a method graph for a path on which a traced resource reaches the method's exit (or loses
 * its last reference) without being released. Exceptional edges are followed only for checked
 * exceptions, as in the Checker Framework's resource leak checker; a {@code != null} test of a
 * local that holds the resource takes only its true branch, since the resource exists.
 */
final class PathSearch {
  /** States explored per search before giving up silently. */
  private static final int BUDGET = 50_000;

  private static final Supplier<Type> RUNTIME_EXCEPTION =
      Suppliers.typeFromString("java.lang.RuntimeException");
  private static final Supplier<Type> ERROR = Suppliers.typeFromString("java.lang.Error");

  /** A leaking path: how, and for exceptional paths where it left the normal flow. */
  record Found(
      How how, @Nullable Node thrower, @Nullable TypeMirror exception, @Nullable Node at) {}

  /** Gave up: the graph is too large to search within the budget. */
  static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  /**
   * A point of a path and what holds the resource there. For a resource its opener also releases (a
   * statement of a connection), {@code reopened} says the path has come round to the opening again
   * (a loop), and {@code lostAt} where the resource's own variables lost it while the opener still
   * held it.
   */
  private record Frame(
      Block block,
      int index,
      long mask,
      boolean temp,
      @Nullable Node thrower,
      @Nullable TypeMirror exception,
      boolean reopened,
      @Nullable Node lostAt,
      @Nullable How lostHow,
      long flags) {

    Frame at(Block target) {
      return new Frame(target, 0, mask, temp, thrower, exception, reopened, lostAt, lostHow, flags);
    }

    Frame thrown(Block target, Node thrower, TypeMirror exception) {
      return new Frame(target, 0, mask, temp, thrower, exception, reopened, lostAt, lostHow, flags);
    }
  }

  private record Key(
      Block block, long mask, boolean temp, boolean reopened, boolean lost, long flags) {}

  /**
   * The known values of the graph's boolean flags, two bits each: bit {@code i} says flag {@code i}
   * holds a known value, bit {@code 32 + i} that the value is true.
   */
  private static long assign(long flags, int flag, @Nullable Boolean value) {
    long known = 1L << flag;
    long isTrue = 1L << (32 + flag);
    flags &= ~(known | isTrue);
    if (value != null) {
      flags |= known | (value ? isTrue : 0);
    }
    return flags;
  }

  private static final CachedName CLOSE = new CachedName("close");
  private static final CachedName NON_NULL = new CachedName("nonNull");
  private static final CachedName IS_NULL = new CachedName("isNull");

  private final MethodGraph graph;
  private final VisitorState state;

  /**
   * Whether each exception type on the graph's edges is checked. A method throws few types, and
   * every step of every search asks of each edge; a subtype test each time would dominate.
   */
  private final Map<TypeSymbol, Boolean> checked = new HashMap<>();

  PathSearch(MethodGraph graph, VisitorState state) {
    this.graph = graph;
    this.state = state;
  }

  /**
   * The first leaking path from {@code start} (at {@code index}), following normal edges only or
   * also exceptional ones; null when every such path releases the resource.
   */
  @Nullable Found search(Trace trace, Block start, int index, boolean temp, boolean exceptional)
      throws TooLarge {
    return search(trace, start, index, temp, exceptional, true);
  }

  /**
   * As {@link #search(Trace, Block, int, boolean, boolean)}; when {@code exitsLeak} is false only a
   * lost last reference is a leak, leaving the method with the resource is not.
   */
  @Nullable Found search(
      Trace trace, Block start, int index, boolean temp, boolean exceptional, boolean exitsLeak)
      throws TooLarge {
    Deque<Frame> stack = new ArrayDeque<>();
    Set<Key> seen = new HashSet<>();
    long flags = trace.opened == null ? 0L : flagsAt(trace.opened);
    stack.push(
        new Frame(start, index, trace.initialMask, temp, null, null, false, null, null, flags));
    int budget = BUDGET;
    while (!stack.isEmpty()) {
      if (--budget < 0) {
        throw new TooLarge();
      }
      Frame frame = stack.pop();
      Found found = walk(trace, frame, stack, seen, exceptional, exitsLeak);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private @Nullable Found walk(
      Trace trace,
      Frame frame,
      Deque<Frame> stack,
      Set<Key> seen,
      boolean exceptional,
      boolean exitsLeak) {
    Block block = frame.block();
    if (!exitsLeak
        && (block == graph.cfg.getRegularExitBlock()
            || block == graph.cfg.getExceptionalExitBlock())) {
      return null;
    }
    if (block == graph.cfg.getRegularExitBlock()) {
      return new Found(How.NORMAL_PATH, frame.thrower(), frame.exception(), null);
    }
    if (block == graph.cfg.getExceptionalExitBlock()) {
      // Reached through an explicit throw only, it is an exit like a return.
      How how = frame.thrower() == null ? How.NORMAL_PATH : How.ON_EXCEPTION;
      return new Found(how, frame.thrower(), frame.exception(), null);
    }
    long mask = frame.mask();
    boolean temp = frame.temp();
    boolean reopened = frame.reopened();
    Node lostAt = frame.lostAt();
    How lostHow = frame.lostHow();
    long flags = frame.flags();
    long own = ~trace.openerMask;
    boolean releasedNormally = false;
    List<Node> nodes = block.getNodes();
    for (int i = frame.index(); i < nodes.size(); i++) {
      Node node = nodes.get(i);
      boolean lostBefore = mask == 0 && !temp;
      boolean ownLostBefore = (mask & own) == 0 && !temp;
      boolean dropped = false;
      long before = mask;
      if (node instanceof AssignmentNode assignment
          && assignment.getTarget() instanceof LocalVariableNode target) {
        flags = applyFlags(flags, node);
        int bit = trace.carriers.indexOf(target.getElement());
        if (bit >= 0) {
          mask &= ~(1L << bit);
          mask |= gen(trace, node, bit, before, temp);
        }
      }
      for (Event event : trace.events.getOrDefault(node, List.of())) {
        if (!holds(event, before, temp)) {
          continue;
        }
        switch (event.effect()) {
          case RELEASE, ESCAPE -> {
            return null;
          }
          case RELEASE_NORMAL -> releasedNormally = true;
          case DROP -> {
            temp = false;
            dropped = true;
          }
          case GEN -> {
            if (event.source() < 0) {
              temp = false;
            }
          }
        }
      }
      if (trace.opened == node) {
        // Opened again (a loop): the value now produced is another resource.
        temp = false;
        if (lostAt != null) {
          // Lost while its opener lives on, and another opened: they pile up until the opener
          // is released.
          return new Found(lostHow, frame.thrower(), frame.exception(), lostAt);
        }
        reopened = true;
      }
      if (!lostBefore && mask == 0 && !temp && !releasedNormally) {
        How how = dropped ? How.DROPPED : How.OVERWRITTEN;
        return new Found(how, frame.thrower(), frame.exception(), node);
      }
      if (trace.lostWithOpener
          && lostAt == null
          && !ownLostBefore
          && (mask & own) == 0
          && !temp
          && !releasedNormally) {
        lostAt = node;
        lostHow = dropped ? How.DROPPED : How.OVERWRITTEN;
        if (reopened) {
          return new Found(lostHow, frame.thrower(), frame.exception(), lostAt);
        }
      }
    }
    Frame next =
        new Frame(
            block,
            0,
            mask,
            temp,
            frame.thrower(),
            frame.exception(),
            reopened,
            lostAt,
            lostHow,
            flags);
    push(trace, block, releasedNormally, next, stack, seen, exceptional);
    return null;
  }

  /** The flag values every path from the method's entry to {@code target} agrees on. */
  private long flagsAt(Node target) {
    if (graph.flags.isEmpty()) {
      return 0L;
    }
    Map<Block, Long> in = new HashMap<>();
    Deque<Block> work = new ArrayDeque<>();
    in.put(graph.cfg.getEntryBlock(), 0L);
    work.add(graph.cfg.getEntryBlock());
    for (int budget = BUDGET; !work.isEmpty() && budget > 0; budget--) {
      Block block = work.poll();
      long flags = in.get(block);
      for (Node node : block.getNodes()) {
        flags = applyFlags(flags, node);
      }
      for (Block next : successors(block)) {
        Long old = in.get(next);
        long merged = old == null ? flags : meet(old, flags);
        if (old == null || merged != old) {
          in.put(next, merged);
          work.add(next);
        }
      }
    }
    Long flags = in.get(target.getBlock());
    if (flags == null) {
      return 0L;
    }
    long result = flags;
    for (Node node : target.getBlock().getNodes()) {
      if (node == target) {
        break;
      }
      result = applyFlags(result, node);
    }
    return result;
  }

  private long applyFlags(long flags, Node node) {
    if (node instanceof AssignmentNode assignment
        && assignment.getTarget() instanceof LocalVariableNode target) {
      int flag = graph.flags.indexOf(target.getElement());
      if (flag >= 0) {
        return assign(
            flags,
            flag,
            assignment.getExpression() instanceof BooleanLiteralNode literal
                ? literal.getValue()
                : null);
      }
    }
    return flags;
  }

  /** The values two paths agree on. */
  private static long meet(long a, long b) {
    long known = a & b & 0xFFFF_FFFFL & ~((a ^ b) >>> 32);
    return known | ((a >>> 32) & known) << 32;
  }

  private static List<Block> successors(Block block) {
    List<Block> next = new ArrayList<>();
    if (block instanceof ConditionalBlock conditional) {
      next.add(conditional.getThenSuccessor());
      next.add(conditional.getElseSuccessor());
    } else if (block instanceof SingleSuccessorBlock single && single.getSuccessor() != null) {
      next.add(single.getSuccessor());
    }
    if (block instanceof ExceptionBlock exceptionBlock) {
      exceptionBlock.getExceptionalSuccessors().values().forEach(next::addAll);
    }
    return next;
  }

  private static long gen(Trace trace, Node node, int bit, long before, boolean temp) {
    for (Event event : trace.events.getOrDefault(node, List.of())) {
      if (event.effect() == Effect.GEN && event.target() == bit && holds(event, before, temp)) {
        return 1L << bit;
      }
    }
    return 0;
  }

  private static boolean holds(Event event, long mask, boolean temp) {
    return event.source() < 0 ? temp : (mask & (1L << event.source())) != 0;
  }

  private void push(
      Trace trace,
      Block block,
      boolean releasedNormally,
      Frame frame,
      Deque<Frame> stack,
      Set<Key> seen,
      boolean exceptional) {
    if (block instanceof ExceptionBlock exceptionBlock
        && follows(exceptionBlock.getNode(), exceptional)) {
      boolean thrown = exceptionBlock.getNode() instanceof ThrowNode;
      for (Map.Entry<TypeMirror, Set<Block>> edge :
          exceptionBlock.getExceptionalSuccessors().entrySet()) {
        // An unchecked exception is no path of its own; rethrown (wrapped) from a catch block
        // on a checked exception's path, it continues that path.
        if (!isChecked((Type) edge.getKey()) && !(thrown && frame.thrower() != null)) {
          continue;
        }
        for (Block target : edge.getValue()) {
          boolean first = frame.thrower() == null && !thrown;
          Node thrower = first ? exceptionBlock.getNode() : frame.thrower();
          TypeMirror exception = first ? edge.getKey() : frame.exception();
          enqueue(frame.thrown(target, thrower, exception), stack, seen);
        }
      }
    }
    if (releasedNormally) {
      return;
    }
    if (block instanceof ConditionalBlock conditional) {
      enqueue(frame.at(conditional.getThenSuccessor()), stack, seen);
      enqueue(frame.at(conditional.getElseSuccessor()), stack, seen);
      return;
    }
    if (!(block instanceof SingleSuccessorBlock single) || single.getSuccessor() == null) {
      return;
    }
    Block next = single.getSuccessor();
    if (next instanceof ConditionalBlock conditional) {
      List<Node> nodes = block.getNodes();
      Boolean branch =
          nodes.isEmpty() ? null : branchTaken(trace, nodes.get(nodes.size() - 1), frame);
      if (branch == null || branch) {
        enqueue(frame.at(conditional.getThenSuccessor()), stack, seen);
      }
      if (branch == null || !branch) {
        enqueue(frame.at(conditional.getElseSuccessor()), stack, seen);
      }
      return;
    }
    enqueue(frame.at(next), stack, seen);
  }

  /**
   * Whether to follow a node's exceptional edges: an explicit {@code throw} is an exit like a
   * return; a call's checked exceptions only in the exceptional search. The exception of a {@code
   * close()} is not followed: a finally block closing one resource after another is the idiom the
   * issue counts as released.
   */
  private boolean follows(Node node, boolean exceptional) {
    if (node instanceof ThrowNode) {
      return true;
    }
    if (!exceptional) {
      return false;
    }
    return !(node instanceof MethodInvocationNode call
        && call.getTarget().getMethod() instanceof MethodSymbol method
        && CLOSE.is(method.getSimpleName(), state)
        && call.getArguments().isEmpty());
  }

  private static void enqueue(Frame frame, Deque<Frame> stack, Set<Key> seen) {
    if (seen.add(
        new Key(
            frame.block(),
            frame.mask(),
            frame.temp(),
            frame.reopened(),
            frame.lostAt() != null,
            frame.flags()))) {
      stack.push(frame);
    }
  }

  /**
   * Which branch a conditional takes on this path: when its condition tests a local holding the
   * resource for null (true for {@code x != null} and {@code Objects.nonNull(x)}, false for {@code
   * x == null} and {@code Objects.isNull(x)}), or reads a boolean flag the path has set ({@code
   * success = true}), negated by {@code !}; null when the path does not decide it.
   */
  private @Nullable Boolean branchTaken(Trace trace, Node condition, Frame frame) {
    boolean negated = false;
    while (condition instanceof ConditionalNotNode not) {
      negated = !negated;
      condition = not.getOperand();
    }
    if (condition instanceof LocalVariableNode local) {
      // if (!success) close(...): a flag whose value this path set.
      int flag = graph.flags.indexOf(local.getElement());
      if (flag < 0 || (frame.flags() & (1L << flag)) == 0) {
        return null;
      }
      return ((frame.flags() & (1L << (32 + flag))) != 0) != negated;
    }
    long mask = frame.mask();
    Node variable;
    boolean notNull;
    if (condition instanceof NotEqualNode || condition instanceof EqualToNode) {
      BinaryOperationNode comparison = (BinaryOperationNode) condition;
      Node left = comparison.getLeftOperand();
      Node right = comparison.getRightOperand();
      variable = left instanceof NullLiteralNode ? right : left;
      Node other = variable == left ? right : left;
      if (!(other instanceof NullLiteralNode)) {
        return null;
      }
      notNull = condition instanceof NotEqualNode;
    } else if (condition instanceof MethodInvocationNode call
        && call.getArguments().size() == 1
        && call.getTarget().getMethod() instanceof MethodSymbol method
        && method.isStatic()
        && (NON_NULL.is(method.getSimpleName(), state) || IS_NULL.is(method.getSimpleName(), state))
        && method.owner.getQualifiedName().contentEquals("java.util.Objects")) {
      variable = call.getArguments().get(0);
      notNull = NON_NULL.is(method.getSimpleName(), state);
    } else {
      return null;
    }
    if (!(variable instanceof LocalVariableNode local)) {
      return null;
    }
    int bit = trace.carriers.indexOf(local.getElement());
    if (bit < 0 || (mask & (1L << bit)) == 0) {
      return null;
    }
    return notNull != negated;
  }

  private boolean isChecked(Type exception) {
    Boolean known = exception.tsym == null ? null : checked.get(exception.tsym);
    if (known == null) {
      known =
          !Subtypes.isSubtype(exception, RUNTIME_EXCEPTION.get(state), state)
              && !Subtypes.isSubtype(exception, ERROR.get(state), state);
      if (exception.tsym != null) {
        checked.put(exception.tsym, known);
      }
    }
    return known;
  }
}
