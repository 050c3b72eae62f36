package io.github.leakguard.bugpatterns;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;

/** Short, readable renderings of calls for messages: {@code S3Client.builder()…build()}. */
final class CallText {

  static String shortForm(ExpressionTree tree) {
    if (tree instanceof NewClassTree newClass) {
      return "new " + newClass.getIdentifier() + (newClass.getArguments().isEmpty() ? "()" : "(…)");
    }
    if (!(tree instanceof MethodInvocationTree call)) {
      return tree.toString();
    }
    String last = name(call) + (call.getArguments().isEmpty() ? "()" : "(…)");
    ExpressionTree root = call;
    int hops = 0;
    while (root instanceof MethodInvocationTree inner && ASTHelpers.getReceiver(inner) != null) {
      ExpressionTree receiver = ASTHelpers.getReceiver(inner);
      if (!(receiver instanceof MethodInvocationTree)) {
        break;
      }
      root = receiver;
      hops++;
    }
    if (hops == 0) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      return receiver == null ? last : receiver + "." + last;
    }
    MethodInvocationTree first = (MethodInvocationTree) root;
    ExpressionTree receiver = ASTHelpers.getReceiver(first);
    String head = (receiver == null ? "" : receiver + ".") + name(first) + "(…)";
    return head.replace("(…)", first.getArguments().isEmpty() ? "()" : "(…)") + "\u2026" + last;
  }

  /** A setting call with the argument that matters: {@code maxConnections(Integer.MAX_VALUE)}. */
  static String setting(ExpressionTree call, ExpressionTree argument) {
    String name =
        call instanceof NewClassTree newClass
            ? "new " + newClass.getIdentifier()
            : name((MethodInvocationTree) call);
    return name + "(" + (argumentCount(call) > 1 ? "…, " : "") + argument + ")";
  }

  private static int argumentCount(ExpressionTree call) {
    return call instanceof NewClassTree newClass
        ? newClass.getArguments().size()
        : ((MethodInvocationTree) call).getArguments().size();
  }

  private static String name(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().toString();
    }
    return ((IdentifierTree) select).getName().toString();
  }

  private CallText() {}
}
