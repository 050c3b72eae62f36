package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import io.github.leakguard.analysis.BodyScanner;
import io.github.leakguard.analysis.StaticInputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Turns a field assigned a new client on every call ({@code s3 = S3Client.create();} in the
 * handler) into a field initialized once: at its declaration ({@code private final S3Client s3 =
 * S3Client.create();}), or at the end of each constructor when the client is built from fields the
 * constructors set. The assignment in the method goes; the field becomes {@code final} when it is
 * private and nothing else could see it unassigned.
 *
 * <p>Offered only when that surely compiles and means the same but for when the client is built:
 * the assignment is a statement of the method's body, the only assignment of the field in the file,
 * to a field of the class the method belongs to, whose declaration has no initializer (or {@code
 * null}); the client is built from constants, static state and final fields of the class, throws no
 * checked exception, and, in constructors, reads nothing a constructor's own parameters or locals
 * would shadow.
 */
final class InitializeField {

  static Optional<SuggestedFix> fix(
      AssignmentTree assignment, TreePath assignmentPath, VisitorState state) {
    TreePath statementPath = assignmentPath.getParentPath();
    TreePath bodyPath = statementPath.getParentPath();
    if (!(statementPath.getLeaf() instanceof ExpressionStatementTree statement)
        || !(bodyPath.getLeaf() instanceof BlockTree)
        || !(bodyPath.getParentPath().getLeaf() instanceof MethodTree)
        || !(bodyPath.getParentPath().getParentPath().getLeaf() instanceof ClassTree owner)
        || !(ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol field)
        || field.owner != ASTHelpers.getSymbol(owner)) {
      return Optional.empty();
    }
    VariableTree declaration = declaration(owner, field);
    ExpressionTree value = assignment.getExpression();
    if (declaration == null
        || !(declaration.getInitializer() == null
            || declaration.getInitializer().getKind() == Tree.Kind.NULL_LITERAL)
        || assignedElsewhere(field, assignment, state)
        // Built once, a client the class closes would be closed for every later invocation.
        || Closes.closedIn(owner, field)) {
      return Optional.empty();
    }
    Set<VarSymbol> read = instanceFieldsRead(value, field);
    boolean inputsKnown =
        StaticInputs.onlyInputs(
            value,
            var ->
                !field.isStatic()
                    && var.getKind() == ElementKind.FIELD
                    && var.owner == field.owner
                    && (var.flags() & Flags.FINAL) != 0,
            state);
    if (!inputsKnown) {
      return Optional.empty();
    }
    Layout layout = Layout.of(state);
    SuggestedFix.Builder fix = SuggestedFix.builder();
    if (initializedBefore(read, declaration, owner)) {
      fix.setShortDescription("Initialize the field once, where it is declared");
      declare(fix, declaration, canBeFinal(field), value, layout, state);
    } else {
      List<MethodTree> constructors = constructors(owner);
      if (constructors.isEmpty()) {
        return Optional.empty();
      }
      fix.setShortDescription("Initialize the field once, in the constructor");
      for (MethodTree constructor : constructors) {
        if (!assignAtEnd(fix, constructor, field, value, layout, state)) {
          return Optional.empty();
        }
      }
      boolean makeFinal = canBeFinal(field) && !readWhileInitializing(field, owner, declaration);
      if (makeFinal || declaration.getInitializer() != null) {
        declare(fix, declaration, makeFinal, null, layout, state);
      }
    }
    Edits.deleteLines(
        fix, layout, ASTHelpers.getStartPosition(statement), state.getEndPosition(statement));
    return Optional.of(fix.build());
  }

  /**
   * Rewrites the field's declaration: final or not, initialized with {@code value} or not at all.
   */
  private static void declare(
      SuggestedFix.Builder fix,
      VariableTree declaration,
      boolean makeFinal,
      ExpressionTree value,
      Layout layout,
      VisitorState state) {
    int start = ASTHelpers.getStartPosition(declaration);
    int typeStart = ASTHelpers.getStartPosition(declaration.getType());
    int nameEnd = ((JCTree) declaration).pos + declaration.getName().length();
    String source = layout.source();
    String target =
        source.substring(start, typeStart)
            + (makeFinal ? "final " : "")
            + source.substring(typeStart, nameEnd);
    String text =
        value == null
            ? target + ";"
            : Wrapping.assignment(layout, layout.indentOf(start), target, value, ";", state);
    Edits.replace(fix, layout, start, state.getEndPosition(declaration), text);
  }

  /**
   * Appends {@code target = value;} to the constructor, or returns false when that is unsafe. Where
   * a parameter or local of the constructor shadows the field or a field the value reads, the field
   * is named {@code this.name}.
   */
  private static boolean assignAtEnd(
      SuggestedFix.Builder fix,
      MethodTree constructor,
      VarSymbol field,
      ExpressionTree value,
      Layout layout,
      VisitorState state) {
    BlockTree body = constructor.getBody();
    List<? extends StatementTree> statements = body.getStatements();
    if (!statements.isEmpty() && delegates(statements.get(0))) {
      return true; // this(...) runs a constructor that assigns it
    }
    if (returns(body)) {
      return false;
    }
    Set<String> shadowed = Scans.names(constructor, true);
    String name = field.getSimpleName().toString();
    String target = shadowed.contains(name) ? "this." + name : name;
    Optional<String> text = qualifyShadowed(value, shadowed, field, layout, state);
    if (text.isEmpty()) {
      return false;
    }
    if (statements.isEmpty()) {
      String indent = layout.indentOf(ASTHelpers.getStartPosition(constructor));
      String inner = indent + layout.unit();
      Edits.replace(
          fix,
          layout,
          ASTHelpers.getStartPosition(body),
          state.getEndPosition(body),
          "{"
              + layout.newline()
              + inner
              + Wrapping.assignment(layout, inner, target, value, text.get(), ";", state)
              + layout.newline()
              + indent
              + "}");
      return true;
    }
    StatementTree last = statements.get(statements.size() - 1);
    int end = state.getEndPosition(last);
    if (!layout.endsLine(end)) {
      return false;
    }
    String indent = layout.indentOf(ASTHelpers.getStartPosition(last));
    fix.replace(
        layout.lineEnd(end),
        layout.lineEnd(end),
        layout.newline()
            + indent
            + Wrapping.assignment(layout, indent, target, value, text.get(), ";", state));
    return true;
  }

  /**
   * The value's source with each read of an instance field whose name the constructor shadows
   * written {@code this.name}; empty when a shadowed name is something else (a static field).
   */
  private static Optional<String> qualifyShadowed(
      ExpressionTree value,
      Set<String> shadowed,
      VarSymbol field,
      Layout layout,
      VisitorState state) {
    List<IdentifierTree> reads = new ArrayList<>();
    boolean[] unsafe = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (shadowed.contains(node.getName().toString())) {
          Symbol sym = ASTHelpers.getSymbol(node);
          if (sym instanceof VarSymbol var
              && var.getKind() == ElementKind.FIELD
              && !var.isStatic()
              && var.owner == field.owner) {
            reads.add(node);
          } else {
            unsafe[0] = true;
          }
        }
        return null;
      }
    }.scan(value, null);
    if (unsafe[0]) {
      return Optional.empty();
    }
    int start = ASTHelpers.getStartPosition(value);
    StringBuilder text =
        new StringBuilder(layout.source().substring(start, state.getEndPosition(value)));
    reads.sort((a, b) -> ASTHelpers.getStartPosition(b) - ASTHelpers.getStartPosition(a));
    for (IdentifierTree read : reads) {
      text.insert(ASTHelpers.getStartPosition(read) - start, "this.");
    }
    return Optional.of(text.toString());
  }

  /** Whether every field the value reads is initialized where it is declared, before the field. */
  private static boolean initializedBefore(
      Set<VarSymbol> read, VariableTree declaration, ClassTree owner) {
    Set<VarSymbol> initialized = new HashSet<>();
    for (Tree member : owner.getMembers()) {
      if (member == declaration) {
        return initialized.containsAll(read);
      }
      if (member instanceof VariableTree field && field.getInitializer() != null) {
        initialized.add(ASTHelpers.getSymbol(field));
      }
    }
    return false;
  }

  /** Whether the field can be made final: private (no other class assigns it), not volatile. */
  private static boolean canBeFinal(VarSymbol field) {
    long flags = field.flags();
    return (flags & Flags.PRIVATE) != 0 && (flags & (Flags.FINAL | Flags.VOLATILE)) == 0;
  }

  /**
   * Whether a constructor, initializer or other field's initializer reads the field: assigned only
   * at the end of the constructors, a final field would be read unassigned there.
   */
  private static boolean readWhileInitializing(
      VarSymbol field, ClassTree owner, VariableTree declaration) {
    for (Tree member : owner.getMembers()) {
      boolean initializes =
          (member instanceof MethodTree method && ASTHelpers.getSymbol(method).isConstructor())
              || member instanceof BlockTree
              || (member instanceof VariableTree other && other != declaration);
      if (initializes && Scans.mentions(member, Set.of(field))) {
        return true;
      }
    }
    return false;
  }

  private static VariableTree declaration(ClassTree owner, VarSymbol field) {
    VariableTree found = null;
    for (Tree member : owner.getMembers()) {
      if (member instanceof VariableTree variable) {
        if (ASTHelpers.getSymbol(variable) == field) {
          found = variable;
        } else if (found != null
            && ASTHelpers.getStartPosition(variable) == ASTHelpers.getStartPosition(found)) {
          return null; // int a, b;: one declaration for two fields
        }
      }
    }
    return found;
  }

  private static List<MethodTree> constructors(ClassTree owner) {
    List<MethodTree> constructors = new ArrayList<>();
    for (Tree member : owner.getMembers()) {
      if (member instanceof MethodTree method
          && ASTHelpers.getSymbol(method).isConstructor()
          && !ASTHelpers.isGeneratedConstructor(method)) {
        constructors.add(method);
      }
    }
    return constructors;
  }

  private static boolean delegates(StatementTree first) {
    return first instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof IdentifierTree name
        && name.getName().contentEquals("this");
  }

  /** Whether another statement of the file assigns the field. */
  private static boolean assignedElsewhere(
      VarSymbol field, AssignmentTree assignment, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        found[0] |= node != assignment && ASTHelpers.getSymbol(node.getVariable()) == field;
        return super.visitAssignment(node, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        found[0] |= ASTHelpers.getSymbol(node.getVariable()) == field;
        return super.visitCompoundAssignment(node, null);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void unused) {
        found[0] |= ASTHelpers.getSymbol(node.getExpression()) == field;
        return super.visitUnary(node, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    return found[0];
  }

  private static Set<VarSymbol> instanceFieldsRead(ExpressionTree value, VarSymbol field) {
    Set<VarSymbol> read = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        add(ASTHelpers.getSymbol(node));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        add(ASTHelpers.getSymbol(node));
        return super.visitMemberSelect(node, null);
      }

      private void add(Symbol sym) {
        if (sym instanceof VarSymbol var
            && var.getKind() == ElementKind.FIELD
            && !var.isStatic()
            && var.owner == field.owner) {
          read.add(var);
        }
      }
    }.scan(value, null);
    return read;
  }

  private static boolean returns(BlockTree body) {
    boolean[] found = {false};
    new BodyScanner.WithoutPaths() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  private InitializeField() {}
}
