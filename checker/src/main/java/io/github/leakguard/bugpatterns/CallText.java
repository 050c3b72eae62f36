package io.github.leakguard.bugpatterns;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;

/**
 * Short renderings of calls for messages: the first and last call of a chain, arguments elided, so
 * a ten-line builder reads {@code S3Client.builder()…build()}.
 */
final class CallText {

  static String shortForm(ExpressionTree tree) {
    ExpressionTree root = tree;
    while (root instanceof MethodInvocationTree call) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (!(receiver instanceof MethodInvocationTree || receiver instanceof NewClassTree)) {
        break;
      }
      root = receiver;
    }
    String last = single(tree);
    return root == tree ? last : single(root) + "\u2026" + name(tree) + args(tree);
  }

  /** One call with its receiver: {@code S3Client.create()}, {@code new OkHttpClient(…)}. */
  private static String single(ExpressionTree tree) {
    if (tree instanceof NewClassTree newClass) {
      return "new " + newClass.getIdentifier() + args(tree);
    }
    if (tree instanceof MethodInvocationTree call) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      boolean simple = receiver instanceof IdentifierTree || receiver instanceof MemberSelectTree;
      return (simple ? receiver + "." : "") + name(call) + args(call);
    }
    return tree.toString();
  }

  private static String name(ExpressionTree tree) {
    ExpressionTree select = ((MethodInvocationTree) tree).getMethodSelect();
    return select instanceof MemberSelectTree member
        ? member.getIdentifier().toString()
        : ((IdentifierTree) select).getName().toString();
  }

  private static String args(ExpressionTree tree) {
    boolean none =
        tree instanceof NewClassTree newClass
            ? newClass.getArguments().isEmpty()
            : ((MethodInvocationTree) tree).getArguments().isEmpty();
    return none ? "()" : "(\u2026)";
  }

  private CallText() {}
}
