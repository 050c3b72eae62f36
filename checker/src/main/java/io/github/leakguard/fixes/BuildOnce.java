package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.leakguard.analysis.ClientConstructions;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * The fix for a client built on every invocation: build it once. A client assigned to a field of
 * the handler gets the field initialized once ({@link InitializeField}); any other one moves to a
 * static field ({@link HoistToStaticField}). A client built inside another one's construction
 * ({@code S3Client.builder().httpClient(ApacheHttpClient.create())}) gets no fix of its own: the
 * outer fix carries it, and two fixes would overlap.
 *
 * <p>One instance per check: it remembers the names given in the file being checked.
 */
public final class BuildOnce {

  private final FreshNames names = new FreshNames();

  /** The fix for the client built by {@code built}, at {@code state}'s path, when there is one. */
  public Optional<SuggestedFix> fix(ExpressionTree built, VisitorState state) {
    return Guard.orNone(() -> build(built, state));
  }

  private Optional<SuggestedFix> build(ExpressionTree built, VisitorState state) {
    TreePath path = state.getPath();
    if (insideAnotherConstruction(path, state)) {
      return Optional.empty();
    }
    if (path.getParentPath().getLeaf() instanceof AssignmentTree assignment
        && assignment.getExpression() == built
        && ASTHelpers.getSymbol(assignment.getVariable()) != null
        && ASTHelpers.getSymbol(assignment.getVariable()).getKind() == ElementKind.FIELD) {
      return InitializeField.fix(assignment, path.getParentPath(), state);
    }
    return HoistToStaticField.fix(built, state, names);
  }

  private static boolean insideAnotherConstruction(TreePath path, VisitorState state) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (!(leaf instanceof ExpressionTree expression)
          || leaf.getKind() == Tree.Kind.LAMBDA_EXPRESSION) {
        return false;
      }
      if (ClientConstructions.built(expression, p, state).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
