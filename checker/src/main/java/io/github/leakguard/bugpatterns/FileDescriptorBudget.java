package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.BugPattern.StandardTags.PERFORMANCE;
import static java.util.stream.Collectors.joining;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakguard.Documentation;
import io.github.leakguard.analysis.ConnectionBudget;
import io.github.leakguard.analysis.ConnectionBudget.Estimate;
import io.github.leakguard.analysis.Handlers;
import javax.inject.Inject;

/** Flags a handler class whose clients together may open more sockets than the budget allows. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A function's clients together may open more connections than its file descriptors",
    explanation =
        "Every connection a client keeps is a file descriptor, and a function has few: AWS Lambda"
            + " allows 1,024 for everything, files included. When the pools of the clients one"
            + " handler holds add up to more than that, a busy invocation fails with EMFILE."
            + " Bound each pool so the sum stays under the budget, or share one HTTP client.",
    severity = WARNING,
    linkType = CUSTOM,
    link = Documentation.BUG_PATTERN_BASE + "FileDescriptorBudget.md",
    tags = PERFORMANCE)
public final class FileDescriptorBudget extends LeakGuardCheck implements ClassTreeMatcher {

  private final Handlers handlers;
  private final int budget;

  public FileDescriptorBudget() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  FileDescriptorBudget(ErrorProneFlags flags) {
    super(flags);
    this.handlers = new Handlers(options);
    this.budget = options.fdBudget();
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    if (!declaresHandler(tree, state)) {
      return Description.NO_MATCH;
    }
    ImmutableList<Estimate> clients =
        ConnectionBudget.of(state.getPath(), state).stream()
            .filter(e -> e.unlimited() || e.max().isEmpty() || e.max().getAsLong() > 0)
            .collect(ImmutableList.toImmutableList());
    boolean unlimited = clients.stream().anyMatch(Estimate::unlimited);
    long known =
        clients.stream().filter(e -> e.max().isPresent()).mapToLong(e -> e.max().getAsLong()).sum();
    if (!unlimited && known <= budget) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree)
        .setMessage(
            String.format(
                "Handler class %s holds clients that can open %s connections, over the"
                    + " file-descriptor budget of %d: %s. Each connection is a file descriptor and"
                    + " a busy invocation fails with EMFILE; lower the pool bounds or share one"
                    + " HTTP client so the total stays under the budget.",
                tree.getSimpleName(),
                total(clients, unlimited, known),
                budget,
                clients.stream().map(e -> describe(e, state)).collect(joining("; "))))
        .build();
  }

  private static String total(ImmutableList<Estimate> clients, boolean unlimited, long known) {
    if (unlimited) {
      return "unlimited";
    }
    return (clients.stream().anyMatch(e -> e.max().isEmpty()) ? "at least " : "up to ") + known;
  }

  private boolean declaresHandler(ClassTree tree, VisitorState state) {
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method) {
        MethodSymbol sym = ASTHelpers.getSymbol(method);
        if (sym != null && handlers.reason(sym, state).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(Estimate estimate, VisitorState state) {
    long line =
        state
            .getPath()
            .getCompilationUnit()
            .getLineMap()
            .getLineNumber(ASTHelpers.getStartPosition(estimate.site()));
    String client = CallText.shortForm(estimate.site()) + " on line " + line + ": ";
    if (estimate.unlimited()) {
      return client + "unlimited, from " + estimate.source();
    }
    return estimate.max().isPresent()
        ? client + estimate.max().getAsLong() + ", from " + estimate.source()
        : client + "unknown (" + estimate.source() + ")";
  }
}
