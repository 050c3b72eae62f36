package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Name;
import io.github.leakguard.analysis.Lifetimes;
import io.github.leakguard.analysis.PerInvocation;
import io.github.leakguard.analysis.release.Leak;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;

/**
 * Opens a leaked resource in try-with-resources, in three shapes:
 *
 * <ul>
 *   <li>a local never closed: the declaration becomes the resource, and the statements that follow
 *       it in its block, up to the last that uses it or a local declared after it, its body;
 *   <li>a local closed by a statement at the end, but not when an exception is thrown: the same,
 *       the closing brace taking that {@code close()} statement's place;
 *   <li>a resource used once and dropped ({@code return
 *       client.newCall(r).execute().isSuccessful();}): it is named and the statement becomes the
 *       body.
 * </ul>
 *
 * <p>The body is re-indented by one level of the file's indentation and closed at the statement's
 * indentation; a header that no longer fits in 100 columns breaks after its {@code =}. Offered only
 * where the result surely compiles and means the same: the resource is {@code AutoCloseable}, every
 * checked exception its {@code close()} throws is declared by the method or caught around the
 * statement (no lambda in between), and the statements stand on lines of their own. A value kept
 * for the environment (a client or pool: {@link Lifetimes}) is never closed by this fix: its fix is
 * to build it once.
 */
public final class TryWithResources {

  private static final Supplier<Type> AUTO_CLOSEABLE =
      Suppliers.typeFromString("java.lang.AutoCloseable");
  private static final Supplier<Type> RUNTIME_EXCEPTION =
      Suppliers.typeFromString("java.lang.RuntimeException");
  private static final Supplier<Type> ERROR = Suppliers.typeFromString("java.lang.Error");
  private static final Supplier<Type> STRING = Suppliers.typeFromString("java.lang.String");
  private static final Supplier<Name> CLOSE = VisitorState.memoize(state -> state.getName("close"));

  /** The fix for {@code leak}, whose opening expression is at {@code opened}, when there is one. */
  public static Optional<SuggestedFix> fix(
      Leak leak, TreePath opened, VisitorState state, PerInvocation perInvocation) {
    return Guard.orNone(() -> build(leak, opened, state, perInvocation));
  }

  private static Optional<SuggestedFix> build(
      Leak leak, TreePath opened, VisitorState state, PerInvocation perInvocation) {
    if (Lifetimes.keptForTheEnvironment(leak.opened(), opened, state, perInvocation)) {
      return Optional.empty();
    }
    return switch (leak.how()) {
      case NORMAL_PATH ->
          leak.releasedSomewhere() ? Optional.empty() : wrapDeclaration(opened, false, state);
      case ON_EXCEPTION -> wrapDeclaration(opened, true, state);
      case DROPPED -> wrapStatement(opened, state);
      case OVERWRITTEN -> Optional.empty();
    };
  }

  /**
   * Wraps the declaration of the local {@code opened} initializes and the statements using it;
   * {@code closedAtEnd}: the last of them is the {@code close()} statement, whose place the closing
   * brace takes.
   */
  private static Optional<SuggestedFix> wrapDeclaration(
      TreePath opened, boolean closedAtEnd, VisitorState state) {
    TreePath declPath = opened.getParentPath();
    if (!(declPath.getLeaf() instanceof VariableTree decl)
        || decl.getInitializer() != opened.getLeaf()
        || !(declPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return Optional.empty();
    }
    VarSymbol variable = ASTHelpers.getSymbol(decl);
    if (variable.getKind() != ElementKind.LOCAL_VARIABLE
        || !ASTHelpers.isConsideredFinal(variable)
        || !closeable(variable.type, declPath, state)) {
      return Optional.empty();
    }
    // The try block runs from the declaration to the last statement that uses the resource or a
    // local (or local class) declared after it, so every name the block declares stays in scope.
    List<? extends StatementTree> statements = block.getStatements();
    int first = statements.indexOf(decl);
    Set<Symbol> used = new HashSet<>(Set.of(variable));
    for (int i = first + 1; i < statements.size(); i++) {
      if (statements.get(i) instanceof VariableTree inner) {
        used.add(ASTHelpers.getSymbol(inner));
      } else if (statements.get(i) instanceof ClassTree local) {
        used.add(ASTHelpers.getSymbol(local));
      }
    }
    int last = first;
    for (int i = statements.size() - 1; i > first; i--) {
      if (Scans.mentions(statements.get(i), used)) {
        last = i;
        break;
      }
    }
    StatementTree close = null;
    if (closedAtEnd) {
      close = statements.get(last);
      if (last == first || !closes(close, variable)) {
        return Optional.empty();
      }
      last--;
    }
    Layout layout = Layout.of(state);
    int start = ASTHelpers.getStartPosition(decl);
    int end = state.getEndPosition(decl);
    int bodyEnd = state.getEndPosition(statements.get(last));
    String indent = layout.indentOf(start);
    if (!layout.startsLine(start)
        || !layout.endsLine(end)
        || !layout.endsLine(bodyEnd)
        || layout.source().charAt(end - 1) != ';'
        || (close != null && !standsAlone(close, indent, layout, state))) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix =
        SuggestedFix.builder().setShortDescription("Open it in try-with-resources");
    fix.replace(start, start, "try (");
    fix.replace(end - 1, end, ") {");
    String header = indent + "try (" + layout.source().substring(start, end - 1) + ") {";
    if (!header.contains("\n") && !Layout.fits(header)) {
      breakAfterEquals(fix, layout, decl.getInitializer(), layout.continuation(indent), state);
    }
    indentLines(fix, layout, layout.nextLineStart(end), bodyEnd, indent);
    if (close == null) {
      fix.replace(
          layout.lineEnd(bodyEnd), layout.lineEnd(bodyEnd), layout.newline() + indent + "}");
    } else {
      // The close() statement's line, at the statement's indentation, takes the closing brace:
      // nothing is deleted, so a fix around this one indents that line too.
      fix.replace(ASTHelpers.getStartPosition(close), state.getEndPosition(close), "}");
    }
    return Optional.of(fix.build());
  }

  /** Whether {@code statement} has its one line to itself, indented {@code indent}. */
  private static boolean standsAlone(
      StatementTree statement, String indent, Layout layout, VisitorState state) {
    int start = ASTHelpers.getStartPosition(statement);
    int end = state.getEndPosition(statement);
    return layout.startsLine(start)
        && layout.endsLine(end)
        && layout.indentOf(start).equals(indent)
        && layout.lineStart(start) == layout.lineStart(end);
  }

  /**
   * Names a resource that a statement uses once and drops, and makes the statement the body of a
   * try-with-resources on it. Only for a statement ({@code return}, an expression, or a local's
   * declaration, which is split from its assignment) whose value is nothing but a chain of calls on
   * the resource (so it is still opened first) and a plain value (nothing that could hold the
   * resource open after it is closed).
   */
  private static Optional<SuggestedFix> wrapStatement(TreePath opened, VisitorState state) {
    TreePath path = opened;
    while (path.getParentPath().getLeaf() instanceof MemberSelectTree select
        && select.getExpression() == path.getLeaf()
        && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == select) {
      path = path.getParentPath().getParentPath();
    }
    Tree statement = path.getParentPath().getLeaf();
    boolean returned = statement instanceof ReturnTree;
    VariableTree local =
        statement instanceof VariableTree variable
                && variable.getInitializer() == path.getLeaf()
                && !ASTHelpers.hasImplicitType(variable, state)
            ? variable
            : null;
    if (path == opened
        || !(returned || statement instanceof ExpressionStatementTree || local != null)
        || !(path.getParentPath().getParentPath().getLeaf() instanceof BlockTree)
        || !plainValue(ASTHelpers.getType(path.getLeaf()), returned || local != null, state)) {
      return Optional.empty();
    }
    ExpressionTree resource = (ExpressionTree) opened.getLeaf();
    Type type = ASTHelpers.getType(resource);
    MethodTree method = ASTHelpers.findEnclosingNode(opened, MethodTree.class);
    if (type == null || method == null || !closeable(type, opened, state)) {
      return Optional.empty();
    }
    Layout layout = Layout.of(state);
    int start = ASTHelpers.getStartPosition(statement);
    int end = state.getEndPosition(statement);
    if (!layout.startsLine(start) || !layout.endsLine(end)) {
      return Optional.empty();
    }
    String indent = layout.indentOf(start);
    SuggestedFix.Builder fix =
        SuggestedFix.builder().setShortDescription("Open it in try-with-resources");
    String typeName = TypeNames.of(type, fix, state);
    String name = freeLocalName(type.tsym.getSimpleName().toString(), method);
    // The resource's text, and what follows it, stay where they are, so a fix inside them (another
    // check's) still applies: only what precedes the resource is replaced, the rest inserted.
    String before = "";
    String lead = returned ? "return " : "";
    if (local != null) {
      int nameEnd = ((JCTree) local).pos + local.getName().length();
      before = layout.source().substring(start, nameEnd) + ";" + layout.newline() + indent;
      lead = local.getName() + " = ";
    }
    int openedStart = ASTHelpers.getStartPosition(resource);
    int openedEnd = state.getEndPosition(resource);
    String target = "try (" + typeName + " " + name + " =";
    String resourceText = layout.source().substring(openedStart, openedEnd);
    boolean fits =
        resourceText.contains("\n") || Layout.fits(indent + target + " " + resourceText + ") {");
    Edits.replace(
        fix,
        layout,
        start,
        openedStart,
        before + target + (fits ? " " : layout.newline() + layout.continuation(indent)));
    fix.replace(
        openedEnd, openedEnd, ") {" + layout.newline() + indent + layout.unit() + lead + name);
    indentLines(fix, layout, layout.nextLineStart(openedStart), end, indent);
    fix.replace(layout.lineEnd(end), layout.lineEnd(end), layout.newline() + indent + "}");
    return Optional.of(fix.build());
  }

  /**
   * Puts the initializer on a continuation line: the whitespace after the {@code =} becomes one.
   */
  private static void breakAfterEquals(
      SuggestedFix.Builder fix,
      Layout layout,
      ExpressionTree initializer,
      String continuation,
      VisitorState state) {
    int value = ASTHelpers.getStartPosition(initializer);
    int equals = layout.source().lastIndexOf('=', value);
    if (equals >= 0 && layout.source().substring(equals + 1, value).isBlank()) {
      fix.replace(equals + 1, value, layout.newline() + continuation);
    }
  }

  /**
   * Indents by one level every non-blank line that starts in {@code [from, to)}. The level goes in
   * after the wrapped statement's own indentation, not at the line start: when two fixes wrap
   * nested blocks, each inserts at a different position, and Error Prone applies both (identical
   * insertions at one position it would apply once).
   */
  private static void indentLines(
      SuggestedFix.Builder fix, Layout layout, int from, int to, String statementIndent) {
    for (int line = from; line < to; line = layout.nextLineStart(line)) {
      if (!layout.isBlankLine(line)) {
        int at = line + Math.min(statementIndent.length(), layout.indentOf(line).length());
        fix.replace(at, at, layout.unit());
      }
    }
  }

  /**
   * A name for the resource's local: the last word of its type ({@code response}), else the whole
   * type name, else a numbered one, unused in the method (so it shadows and is shadowed by
   * nothing).
   */
  private static String freeLocalName(String typeName, MethodTree method) {
    Set<String> taken = Scans.names(method, false);
    String word = Names.local(typeName);
    if (!taken.contains(word)) {
      return word;
    }
    String whole = Character.toLowerCase(typeName.charAt(0)) + typeName.substring(1);
    if (!taken.contains(whole) && SourceVersion.isName(whole)) {
      return whole;
    }
    String name = word;
    for (int i = 2; taken.contains(name); i++) {
      name = word + i;
    }
    return name;
  }

  /**
   * Whether a value can outlive nothing: void, a primitive or its box, a string, an array of
   * primitives. Anything else might be (or hold) the resource, closed under it.
   */
  private static boolean plainValue(Type type, boolean returned, VisitorState state) {
    if (type == null) {
      return false;
    }
    if (type.hasTag(TypeTag.VOID)) {
      return !returned;
    }
    if (type.isPrimitive() || state.getTypes().unboxedType(type).isPrimitive()) {
      return true;
    }
    if (type.hasTag(TypeTag.ARRAY)) {
      return ((Type.ArrayType) type).elemtype.isPrimitive();
    }
    return state.getTypes().isSameType(type, STRING.get(state));
  }

  /** Whether {@code statement} is {@code variable.close();}. */
  private static boolean closes(StatementTree statement, VarSymbol variable) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("close")
        && ASTHelpers.getSymbol(select.getExpression()) == variable;
  }

  /**
   * Whether try-with-resources may close a value of {@code type} at {@code path}: it is {@code
   * AutoCloseable} and each checked exception its {@code close()} throws is caught by a try around
   * the path or declared by the method (no lambda in between).
   */
  private static boolean closeable(Type type, TreePath path, VisitorState state) {
    if (!isSubtype(type, AUTO_CLOSEABLE.get(state), state)) {
      return false;
    }
    MethodSymbol close = closeMethod(type, state);
    if (close == null) {
      return false;
    }
    List<Type> unhandled = new ArrayList<>();
    for (Type thrown : close.getThrownTypes()) {
      if (!isSubtype(thrown, RUNTIME_EXCEPTION.get(state), state)
          && !isSubtype(thrown, ERROR.get(state), state)) {
        unhandled.add(thrown);
      }
    }
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath();
        p != null && !unhandled.isEmpty();
        p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return false;
      }
      if (leaf instanceof TryTree tryTree && tryTree.getBlock() == child) {
        for (CatchTree catchTree : tryTree.getCatches()) {
          unhandled.removeIf(t -> caughtBy(t, catchTree, state));
        }
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol enclosing = ASTHelpers.getSymbol(method);
        unhandled.removeIf(
            t -> enclosing.getThrownTypes().stream().anyMatch(d -> isSubtype(t, d, state)));
        break;
      }
      child = leaf;
    }
    return unhandled.isEmpty();
  }

  private static boolean caughtBy(Type thrown, CatchTree catchTree, VisitorState state) {
    Tree caught = catchTree.getParameter().getType();
    List<Tree> alternatives = new ArrayList<>();
    if (caught instanceof UnionTypeTree union) {
      alternatives.addAll(union.getTypeAlternatives());
    } else {
      alternatives.add(caught);
    }
    for (Tree alternative : alternatives) {
      if (isSubtype(thrown, ASTHelpers.getType(alternative), state)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code close()} that try-with-resources calls: the most specific declaration. */
  private static MethodSymbol closeMethod(Type type, VisitorState state) {
    MethodSymbol best = null;
    for (Symbol member :
        state.getTypes().membersClosure(type, false).getSymbolsByName(CLOSE.get(state))) {
      if (member instanceof MethodSymbol method
          && method.getParameters().isEmpty()
          && !method.isStatic()
          && (best == null || isSubtype(method.owner.type, best.owner.type, state))) {
        best = method;
      }
    }
    return best;
  }

  private static boolean isSubtype(Type type, Type supertype, VisitorState state) {
    return type != null
        && supertype != null
        && state
            .getTypes()
            .isSubtype(state.getTypes().erasure(type), state.getTypes().erasure(supertype));
  }

  private TryWithResources() {}
}
