package io.github.leakguard.analysis.release;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * One resource followed through a method graph: the locals that may hold it (its carriers, one bit
 * each) and, per node, what happens to it there.
 */
final class Trace {
  static final int MAX_CARRIERS = 63;

  /** What a node does to the resource when its source holds it. */
  enum Effect {
    /** The assignment target now holds it. */
    GEN,
    /** Released on every edge out of the node. */
    RELEASE,
    /** Released when the node completes normally; its exceptions still leak it. */
    RELEASE_NORMAL,
    /** Ownership leaves the method: returned, stored, captured, handed to an owner. */
    ESCAPE,
    /** The unnamed value is used and dropped. */
    DROP
  }

  /**
   * @param source the carrier that must hold the resource for the event to happen, or -1 for the
   *     value of the opening expression itself
   * @param target for {@link Effect#GEN}, the carrier assigned
   */
  record Event(Effect effect, int source, int target) {}

  final CompiledKind kind;
  final @Nullable Node opened;
  final List<Element> carriers = new ArrayList<>();
  final IdentityHashMap<Node, List<Event>> events = new IdentityHashMap<>();
  long initialMask;

  /** The carriers that hold the opener (and so the resource) rather than the resource itself. */
  long openerMask;

  /**
   * Whether losing the resource's own carriers while the opener still holds it is a leak when the
   * path then opens another: statements piling up on a connection held for a whole loop.
   */
  boolean lostWithOpener;

  @Nullable Trace owner;
  boolean tooLarge;

  Trace(CompiledKind kind, @Nullable Node opened) {
    this.kind = kind;
    this.opened = opened;
  }

  /** The bit of {@code variable}, adding it as a carrier when new; -1 when there are too many. */
  int carrier(Element variable) {
    int index = carriers.indexOf(variable);
    if (index >= 0) {
      return index;
    }
    if (carriers.size() >= MAX_CARRIERS) {
      tooLarge = true;
      return -1;
    }
    carriers.add(variable);
    return carriers.size() - 1;
  }

  void add(Node at, Effect effect, int source, int target) {
    events.computeIfAbsent(at, n -> new ArrayList<>()).add(new Event(effect, source, target));
  }

  boolean escapes() {
    return events.values().stream()
        .flatMap(List::stream)
        .anyMatch(e -> e.effect() == Effect.ESCAPE);
  }

  boolean releasedSomewhere() {
    return events.values().stream()
        .flatMap(List::stream)
        .anyMatch(e -> e.effect() != Effect.GEN && e.effect() != Effect.DROP);
  }
}
