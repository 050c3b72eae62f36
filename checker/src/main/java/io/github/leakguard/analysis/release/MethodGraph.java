package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BooleanLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.jspecify.annotations.Nullable;

/**
 * The control-flow graph of one method or lambda body (the Checker Framework's, with an edge per
 * exception a node may throw), indexed for the release analysis: who uses each value, where each
 * local is read and assigned, and which nodes capture locals in a lambda or anonymous class.
 */
final class MethodGraph {
  final ControlFlowGraph cfg;
  final List<Node> nodes = new ArrayList<>();
  final List<Node> captures = new ArrayList<>();

  /**
   * Boolean locals assigned a literal somewhere ({@code boolean success = false; ... success =
   * true;}), at most {@link #MAX_FLAGS}: the path search follows their values to decide {@code if
   * (!success) close(...)}.
   */
  final List<Element> flags = new ArrayList<>();

  static final int MAX_FLAGS = 31;
  private final IdentityHashMap<Node, Node> users = new IdentityHashMap<>();
  private final Map<Element, List<Read>> reads = new HashMap<>();
  private final Map<Element, List<AssignmentNode>> writes = new HashMap<>();

  private MethodGraph(ControlFlowGraph cfg) {
    this.cfg = cfg;
    for (Block block : cfg.getDepthFirstOrderedBlocks()) {
      nodes.addAll(block.getNodes());
    }
    // Some operands sit in no block (the receiver of a try-with-resources close()), so the index
    // walks operands too.
    Set<Node> indexed = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> pending = new ArrayDeque<>(nodes);
    while (!pending.isEmpty()) {
      Node node = pending.poll();
      if (!indexed.add(node)) {
        continue;
      }
      for (Node operand : node.getOperands()) {
        users.putIfAbsent(operand, node);
        pending.add(operand);
        // One node may be read by two users: try-with-resources reuses the declaration's target
        // as the receiver of its synthetic close().
        if (operand instanceof LocalVariableNode local
            && !(node instanceof AssignmentNode assignment && assignment.getTarget() == operand)) {
          reads
              .computeIfAbsent(local.getElement(), e -> new ArrayList<>())
              .add(new Read(local, node));
        }
      }
      if (node instanceof AssignmentNode assignment
          && assignment.getTarget() instanceof LocalVariableNode target) {
        writes.computeIfAbsent(target.getElement(), e -> new ArrayList<>()).add(assignment);
        if (assignment.getExpression() instanceof BooleanLiteralNode
            && !flags.contains(target.getElement())
            && flags.size() < MAX_FLAGS) {
          flags.add(target.getElement());
        }
      }
      // The value of a ?: is read through its synthetic variable, which no node has as operand.
      if (node instanceof TernaryExpressionNode ternary) {
        LocalVariableNode result = ternary.getTernaryExpressionVar();
        reads
            .computeIfAbsent(result.getElement(), e -> new ArrayList<>())
            .add(new Read(result, node));
      }
      if (node instanceof FunctionalInterfaceNode
          || (node instanceof ObjectCreationNode creation && creation.getClassBody() != null)) {
        captures.add(node);
      }
    }
  }

  /**
   * The graph of the method, lambda or initializer block at {@code path}, or null when it has no
   * body.
   */
  static @Nullable MethodGraph build(TreePath path, VisitorState state) {
    ClassTree owner = null;
    MethodTree enclosingMethod = null;
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      if (enclosingMethod == null && p.getLeaf() instanceof MethodTree method) {
        enclosingMethod = method;
      }
      if (p.getLeaf() instanceof ClassTree cls) {
        owner = cls;
        break;
      }
    }
    if (owner == null) {
      return null;
    }
    UnderlyingAST ast;
    TreePath body;
    if (path.getLeaf() instanceof MethodTree method) {
      if (method.getBody() == null) {
        return null;
      }
      ast = new UnderlyingAST.CFGMethod(method, owner);
      body = new TreePath(path, method.getBody());
    } else if (path.getLeaf() instanceof LambdaExpressionTree lambda) {
      ast = new UnderlyingAST.CFGLambda(lambda, owner, enclosingMethod);
      body = new TreePath(path, lambda.getBody());
    } else if (path.getLeaf() instanceof BlockTree initializer
        && path.getParentPath().getLeaf() == owner) {
      // An initializer block runs like a constructor's body.
      ast = new UnderlyingAST.CFGStatement(initializer, owner);
      body = path;
    } else {
      return null;
    }
    // As Error Prone's DataFlow does: the graph is built from the body's path.
    return new MethodGraph(
        CFGBuilder.build(
            body, ast, false, false, JavacProcessingEnvironment.instance(state.context)));
  }

  @Nullable Node user(Node node) {
    return users.get(node);
  }

  /** A read of a local: the node and the node that uses the value read. */
  record Read(LocalVariableNode node, Node user) {}

  List<Read> reads(Element variable) {
    return reads.getOrDefault(variable, List.of());
  }

  List<AssignmentNode> writes(Element variable) {
    return writes.getOrDefault(variable, List.of());
  }
}
