package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.ErrorProneToken;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.parser.Tokens.TokenKind;
import io.github.leakguard.analysis.StaticInputs;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;

/**
 * Moves an expression built on every call into a {@code private static final} field, built once
 * when the class initializes (in a function: during the init phase, outside any invocation).
 *
 * <p>Offered only when the result is sure to compile and to mean the same: the expression uses only
 * constants and static state, throws no checked exception, is used (a bare {@code
 * S3Client.create();} statement has no expression to put the field in), is not closed by the method
 * (a closed client cannot be shared), its type can be written in the class, and there is a class
 * that may hold a static field.
 *
 * <p>The result reads as written by hand: the field goes after the class's last static field (or
 * first in the class when it has none), indented as the file indents, wrapped as google-java-format
 * would; a final local that only held the value is replaced by the field (its uses renamed, its
 * declaration removed) and names it ({@code dynamo} gives {@code DYNAMO}), otherwise the type does
 * ({@code DYNAMO_DB_CLIENT}).
 */
final class HoistToStaticField {

  static Optional<SuggestedFix> fix(
      ExpressionTree expression, VisitorState state, FreshNames names) {
    TreePath path = state.getPath();
    Type type = ASTHelpers.getType(expression);
    ClassTree owner = staticHolder(path);
    if (type == null
        || owner == null
        || !denotable(type)
        || !StaticInputs.onlyStaticInputs(expression, state)
        || path.getParentPath().getLeaf() instanceof ExpressionStatementTree
        || closedHere(path)) {
      return Optional.empty();
    }
    Layout layout = Layout.of(state);
    Optional<Placement> placement = Placement.of(owner, layout, state);
    if (placement.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix =
        SuggestedFix.builder()
            .setShortDescription("Build it once, in a private static final field");
    ClassSymbol holder = ASTHelpers.getSymbol(owner);
    MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    VariableTree local = method == null ? null : soleHolder(path, expression);
    String name;
    String typeName;
    if (local != null) {
      VarSymbol variable = ASTHelpers.getSymbol(local);
      String candidate = Names.constant(local.getName().toString());
      name = names.fresh(candidate.length() > 1 ? candidate : typeConstant(type), holder, state);
      typeName =
          ASTHelpers.hasImplicitType(local, state)
              ? TypeNames.of(type, fix, state)
              : state.getSourceForNode(local.getType());
      Edits.deleteLines(
          fix, layout, ASTHelpers.getStartPosition(local), state.getEndPosition(local));
      for (IdentifierTree use : Scans.uses(method, variable)) {
        Edits.replace(
            fix, layout, ASTHelpers.getStartPosition(use), state.getEndPosition(use), name);
      }
    } else {
      name = names.fresh(typeConstant(type), holder, state);
      typeName = TypeNames.of(type, fix, state);
      Edits.replace(
          fix,
          layout,
          ASTHelpers.getStartPosition(expression),
          state.getEndPosition(expression),
          name);
    }
    String declaration =
        Wrapping.assignment(
            layout,
            placement.get().indent(),
            "private static final " + typeName + " " + name,
            expression,
            ";",
            state);
    placement.get().insert(fix, layout, declaration);
    return Optional.of(fix.build());
  }

  private static String typeConstant(Type type) {
    return Names.constant(type.tsym.getSimpleName().toString());
  }

  /**
   * Where a new static field goes: after the class's last static field or static initializer (so
   * whatever it reads is initialized first), or first in the class when it has none. The field is
   * inserted at the start of the line that will follow it, so that Error Prone's "Did you mean"
   * shows the new field's line.
   *
   * @param position the start of the line the field goes before
   * @param indent the class's member indentation
   * @param separator where the indentation of the member after the new fields starts, to be
   *     preceded by a blank line; -1 when there is one already
   * @param separatorIndent that indentation
   */
  record Placement(int position, String indent, int separator, String separatorIndent) {

    static Optional<Placement> of(ClassTree owner, Layout layout, VisitorState state) {
      boolean isEnum = ASTHelpers.getSymbol(owner).getKind() == ElementKind.ENUM;
      Tree lastStatic = null;
      Tree firstMember = null;
      for (Tree member : owner.getMembers()) {
        if (member instanceof MethodTree method && ASTHelpers.isGeneratedConstructor(method)) {
          continue;
        }
        firstMember = firstMember == null ? member : firstMember;
        if (isStaticState(member)) {
          lastStatic = member;
        }
      }
      if (lastStatic != null) {
        int end = state.getEndPosition(lastStatic);
        return layout.endsLine(end)
            ? Optional.of(
                new Placement(
                    layout.nextLineStart(end),
                    layout.indentOf(ASTHelpers.getStartPosition(lastStatic)),
                    -1,
                    ""))
            : Optional.empty();
      }
      int brace = openingBrace(owner, state);
      if (isEnum || brace < 0 || !layout.endsLine(brace + 1)) {
        return Optional.empty(); // an enum's constants come first; a one-line class is left alone
      }
      String indent =
          firstMember != null && layout.startsLine(ASTHelpers.getStartPosition(firstMember))
              ? layout.indentOf(ASTHelpers.getStartPosition(firstMember))
              : layout.indentOf(ASTHelpers.getStartPosition(owner)) + layout.unit();
      int next = layout.nextLineStart(brace);
      String nextIndent = layout.indentOf(next);
      return Optional.of(
          new Placement(
              next,
              indent,
              layout.isBlankLine(next) || nextIndent.isEmpty() ? -1 : next,
              nextIndent));
    }

    /**
     * Inserts the declaration on a line of its own. Two fields placed in one class insert at the
     * same position, in order; the blank line that separates them from the next member replaces
     * that member's indentation, one identical replacement that Error Prone makes once, after the
     * insertions at its start.
     */
    void insert(SuggestedFix.Builder fix, Layout layout, String declaration) {
      fix.replace(position, position, indent + declaration + layout.newline());
      if (separator >= 0) {
        fix.replace(
            separator, separator + separatorIndent.length(), layout.newline() + separatorIndent);
      }
    }

    private static boolean isStaticState(Tree member) {
      if (member instanceof VariableTree field) {
        VarSymbol sym = ASTHelpers.getSymbol(field);
        return sym != null && sym.isStatic() && (sym.flags() & Flags.ENUM) == 0;
      }
      return member instanceof BlockTree block && block.isStatic();
    }

    /** The position of the brace that opens the class body, or -1. */
    private static int openingBrace(ClassTree owner, VisitorState state) {
      int depth = 0;
      for (ErrorProneToken token : state.getOffsetTokensForNode(owner)) {
        if (token.kind() == TokenKind.LPAREN) {
          depth++;
        } else if (token.kind() == TokenKind.RPAREN) {
          depth--;
        } else if (token.kind() == TokenKind.LBRACE && depth == 0) {
          return token.pos();
        }
      }
      return -1;
    }
  }

  /** The nearest enclosing class that may declare a private static field. */
  private static ClassTree staticHolder(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree classTree) {
        ClassSymbol sym = ASTHelpers.getSymbol(classTree);
        if (sym == null) {
          return null;
        }
        boolean canHoldStatic =
            sym.getNestingKind() == NestingKind.TOP_LEVEL
                || (sym.getNestingKind() == NestingKind.MEMBER && ASTHelpers.isStatic(sym));
        if (canHoldStatic
            && sym.getKind() != ElementKind.INTERFACE
            && sym.getKind() != ElementKind.ANNOTATION_TYPE) {
          return classTree;
        }
      }
    }
    return null;
  }

  /** Whether a field of the type can be declared in a class: no type variable, no local class. */
  private static boolean denotable(Type type) {
    if (type.isPrimitive()) {
      return true;
    }
    if (type.hasTag(TypeTag.ARRAY)) {
      return denotable(((Type.ArrayType) type).elemtype);
    }
    if (!type.hasTag(TypeTag.CLASS)
        || type.isCompound()
        || type.tsym.isDirectlyOrIndirectlyLocal()) {
      return false;
    }
    for (Type argument : type.getTypeArguments()) {
      Type bound =
          argument.hasTag(TypeTag.WILDCARD)
              ? ((Type.WildcardType) argument).type
              : argument;
      if (bound != null && !denotable(bound)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The local that {@code expression} initializes, when that local is a statement of its own, never
   * reassigned: the field can take its place.
   */
  private static VariableTree soleHolder(TreePath path, ExpressionTree expression) {
    if (path.getParentPath().getLeaf() instanceof VariableTree local
        && local.getInitializer() == expression
        && path.getParentPath().getParentPath().getLeaf() instanceof BlockTree
        && ASTHelpers.getSymbol(local).getKind() == ElementKind.LOCAL_VARIABLE
        && ASTHelpers.isConsideredFinal(ASTHelpers.getSymbol(local))) {
      return local;
    }
    return null;
  }

  /** Whether the method closes the value (see {@link Closes}). */
  private static boolean closedHere(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    if (!(parent instanceof VariableTree variable)) {
      return false;
    }
    if (path.getParentPath().getParentPath().getLeaf() instanceof TryTree) {
      return true;
    }
    return Closes.closedIn(
        ASTHelpers.findEnclosingNode(path, MethodTree.class), ASTHelpers.getSymbol(variable));
  }

  private HoistToStaticField() {}
}
