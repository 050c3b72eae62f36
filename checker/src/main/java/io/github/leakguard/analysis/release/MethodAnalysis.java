package io.github.leakguard.analysis.release;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.release.Fates.Fate;
import io.github.leakguard.analysis.release.Leak.How;
import io.github.leakguard.analysis.release.PathSearch.Found;
import io.github.leakguard.analysis.release.PathSearch.TooLarge;
import io.github.leakguard.analysis.release.Trace.Effect;
import io.github.leakguard.analysis.release.Trace.Event;
import io.github.leakguard.analysis.release.UnitReleases.Closing;
import io.github.leakguard.catalog.ResourceKind.Opener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.jspecify.annotations.Nullable;

/** The release analysis of one method graph: its resources, and which of them leak. */
final class MethodAnalysis {
  private final MethodGraph graph;
  private final UnitReleases unit;
  private final VisitorState state;
  private final boolean strict;
  private final Fates fates;
  private final PathSearch search;

  MethodAnalysis(MethodGraph graph, UnitReleases unit, VisitorState state, boolean strict) {
    this.graph = graph;
    this.unit = unit;
    this.state = state;
    this.strict = strict;
    this.fates = new Fates(graph, unit, state);
    this.search = new PathSearch(graph, state);
  }

  /** Every resource opened in the method that some path does not release. */
  ImmutableList<Leak> leaks() {
    List<Trace> traces = new ArrayList<>();
    Set<Trace> leaking = new HashSet<>();
    ImmutableList.Builder<Leak> leaks = ImmutableList.builder();
    for (Node node : graph.nodes) {
      Optional<CompiledKind> kind = opened(node);
      if (kind.isEmpty() || !(node.getTree() instanceof ExpressionTree tree)) {
        continue;
      }
      Trace trace = trace(node, kind.get(), traces);
      if (trace == null) {
        continue;
      }
      traces.add(trace);
      Found found;
      try {
        found = leak(trace);
      } catch (TooLarge e) {
        continue;
      }
      if (found == null) {
        continue;
      }
      leaking.add(trace);
      if (trace.owner != null && leaking.contains(trace.owner)) {
        // The resource that owns it leaks too; that finding is the one to fix.
        continue;
      }
      leaks.add(
          new Leak(
              tree,
              trace.kind.kind,
              found.how(),
              trace.releasedSomewhere(),
              found.thrower() == null ? null : found.thrower().getTree(),
              found.exception() == null ? null : simpleName(found.exception().toString()),
              found.at() == null ? null : found.at().getTree()));
    }
    return leaks.build();
  }

  /** Whether the method releases (or hands over) its parameter on its paths out. */
  Closing closes(Element parameter, CompiledKind kind) {
    Trace trace = new Trace(kind, null);
    trace.initialMask = 1L << trace.carrier(parameter);
    close(trace);
    if (trace.tooLarge) {
      return Closing.NEVER;
    }
    try {
      Block entry = graph.cfg.getEntryBlock();
      if (search.search(trace, entry, 0, false, false) != null) {
        return Closing.NEVER;
      }
      if (trace.escapes()) {
        return Closing.HANDS_OVER;
      }
      return search.search(trace, entry, 0, false, true) != null
          ? Closing.NORMALLY
          : Closing.ALWAYS;
    } catch (TooLarge e) {
      return Closing.NEVER;
    }
  }

  private Optional<CompiledKind> opened(Node node) {
    if (node instanceof MethodInvocationNode call) {
      MethodSymbol method = (MethodSymbol) call.getTarget().getMethod();
      Type receiver = method.isStatic() ? null : (Type) call.getTarget().getReceiver().getType();
      Optional<CompiledKind> kind =
          CompiledKind.opened(method, receiver, (Type) call.getType(), state);
      return kind.isPresent() ? kind : unit.factoryKind(method, state);
    }
    if (node instanceof ObjectCreationNode creation) {
      MethodSymbol constructor = ASTHelpers.getSymbol(creation.getTree());
      return constructor == null
          ? Optional.empty()
          : CompiledKind.opened(constructor, null, (Type) creation.getType(), state);
    }
    return Optional.empty();
  }

  private @Nullable Trace trace(Node opened, CompiledKind kind, List<Trace> earlier) {
    Trace trace = new Trace(kind, opened);
    Opener rule = kind.kind.opener();
    if (rule != Opener.INDEPENDENT && opened instanceof MethodInvocationNode call) {
      Node receiver = call.getTarget().getReceiver();
      while (receiver instanceof TypeCastNode cast) {
        receiver = cast.getOperand();
      }
      Trace owner = owner(receiver, earlier);
      if (rule == Opener.MANAGES && owner == null) {
        return null;
      }
      trace.owner = owner;
      if (rule.releasedWithOpener(strict)) {
        if (receiver instanceof LocalVariableNode local) {
          trace.initialMask |= 1L << trace.carrier(local.getElement());
        }
        if (owner != null) {
          for (int i = 0; i < owner.carriers.size(); i++) {
            int bit = trace.carrier(owner.carriers.get(i));
            if (bit >= 0 && (owner.initialMask & (1L << i)) != 0) {
              trace.initialMask |= 1L << bit;
            }
          }
        }
      }
    }
    Fate fate = fates.of(opened, kind);
    trace.add(
        fate.at(),
        fate.effect(),
        -1,
        fate.effect() == Effect.GEN ? trace.carrier(fate.variable()) : -1);
    long openerMask = trace.initialMask;
    close(trace);
    if (rule == Opener.RELEASES_UNLESS_STRICT && !strict && openerMask != 0) {
      trace.openerMask = aliases(trace, openerMask);
      trace.lostWithOpener = true;
    }
    return trace.tooLarge ? null : trace;
  }

  /** {@code mask} and every carrier assigned from one in it. */
  private static long aliases(Trace trace, long mask) {
    long result = mask;
    for (boolean grew = true; grew; ) {
      grew = false;
      for (List<Event> events : trace.events.values()) {
        for (Event event : events) {
          if (event.effect() == Effect.GEN
              && event.source() >= 0
              && (result & (1L << event.source())) != 0
              && (result & (1L << event.target())) == 0) {
            result |= 1L << event.target();
            grew = true;
          }
        }
      }
    }
    return result;
  }

  /** The latest earlier trace whose resource {@code receiver} holds. */
  private static @Nullable Trace owner(Node receiver, List<Trace> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      Trace candidate = earlier.get(i);
      if (candidate.opened == receiver
          || (receiver instanceof LocalVariableNode local
              && candidate.carriers.contains(local.getElement()))) {
        return candidate;
      }
    }
    return null;
  }

  /** Adds every local the resource can flow into, and what each read of a carrier does to it. */
  private void close(Trace trace) {
    Deque<Integer> work = new ArrayDeque<>();
    for (int i = 0; i < trace.carriers.size(); i++) {
      work.add(i);
    }
    Set<Integer> done = new HashSet<>();
    while (!work.isEmpty() && !trace.tooLarge) {
      int source = work.poll();
      if (!done.add(source)) {
        continue;
      }
      Element variable = trace.carriers.get(source);
      for (MethodGraph.Read read : graph.reads(variable)) {
        Fate fate = fates.of(read.node(), read.user(), trace.kind);
        switch (fate.effect()) {
          case GEN -> {
            int target = trace.carrier(fate.variable());
            if (target >= 0) {
              trace.add(fate.at(), Effect.GEN, source, target);
              work.add(target);
            }
          }
          case RELEASE, RELEASE_NORMAL, ESCAPE -> trace.add(fate.at(), fate.effect(), source, -1);
          case DROP -> {}
        }
      }
      for (Node capture : graph.captures) {
        if (mentions(capture, variable)) {
          trace.add(capture, Effect.ESCAPE, source, -1);
        }
      }
    }
  }

  private static boolean mentions(Node capture, Element variable) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(node);
        if (symbol != null && symbol.equals(variable)) {
          found[0] = true;
        }
        return null;
      }
    }.scan(capture.getTree(), null);
    return found[0];
  }

  private @Nullable Found leak(Trace trace) throws TooLarge {
    Node opened = trace.opened;
    Block block = opened.getBlock();
    List<Node> nodes = block.getNodes();
    int index = 0;
    while (index < nodes.size() && nodes.get(index) != opened) {
      index++;
    }
    index++;
    if (block instanceof ExceptionBlock exceptionBlock && index == nodes.size()) {
      // The opening call's own exceptions mean nothing was opened.
      block = exceptionBlock.getSuccessor();
      index = 0;
    }
    if (block == null) {
      return null;
    }
    Found normal = search.search(trace, block, index, true, false);
    if (normal != null) {
      return normal;
    }
    // Handed over on the normal path (returned, stored) or released: a checked exception thrown
    // before the hand-over leaks it all the same (Socket s = new Socket(); s.connect(a); return s).
    // One released with an opener this method does not own (a statement of a connection passed
    // in) is released when that owner closes the opener: only losing it is a leak then.
    boolean withForeignOpener =
        trace.owner == null && trace.kind.kind.opener().releasedWithOpener(strict);
    Found exceptional =
        search.search(trace, block, index, true, true, !withForeignOpener || !trace.escapes());
    if (exceptional == null
        || exceptional.thrower() == null
        || exceptional.how() == How.OVERWRITTEN) {
      return exceptional;
    }
    return new Found(How.ON_EXCEPTION, exceptional.thrower(), exceptional.exception(), null);
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
