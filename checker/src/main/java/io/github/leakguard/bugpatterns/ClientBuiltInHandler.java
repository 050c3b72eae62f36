package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.BugPattern.StandardTags.PERFORMANCE;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.Documentation;
import io.github.leakguard.analysis.ClientConstructions;
import io.github.leakguard.analysis.Handlers;
import io.github.leakguard.analysis.InvocationPaths;
import io.github.leakguard.analysis.InvocationPaths.Chain;
import io.github.leakguard.analysis.UnitCache;
import io.github.leakguard.catalog.ClientKind;
import io.github.leakguard.config.LeakGuardOptions;
import io.github.leakguard.config.OptionProblems;
import io.github.leakguard.fixes.HoistToStaticField;
import java.util.Optional;
import javax.inject.Inject;

/** Flags a reusable client (SDK, HTTP, database, channel) built on every function invocation. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A reusable client is built on every invocation of a function handler",
    explanation =
        "A function's execution environment is frozen and reused between invocations. A client"
            + " built inside the handler brings a new connection pool, threads and sockets on every"
            + " call; they pile up until the function hits its file-descriptor limit (EMFILE), and"
            + " every call pays the client's start-up cost. Build clients once, in a static final"
            + " field or the constructor, and reuse them.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Documentation.BUG_PATTERN_BASE + "ClientBuiltInHandler.md",
    tags = PERFORMANCE)
public final class ClientBuiltInHandler extends BugChecker
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher {

  private final OptionProblems optionProblems;
  private final Handlers handlers;
  private final UnitCache<InvocationPaths> paths = new UnitCache<>();
  private final HoistToStaticField hoist = new HoistToStaticField();

  public ClientBuiltInHandler() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  ClientBuiltInHandler(ErrorProneFlags flags) {
    LeakGuardOptions options = LeakGuardOptions.from(flags);
    this.optionProblems = new OptionProblems(options);
    this.handlers = new Handlers(options);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    optionProblems.report(this, tree, state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return match(tree, state);
  }

  private Description match(ExpressionTree tree, VisitorState state) {
    Optional<ClientKind> kind = ClientConstructions.built(tree, state);
    if (kind.isEmpty()) {
      return Description.NO_MATCH;
    }
    Optional<Chain> chain =
        paths
            .get(state, s -> InvocationPaths.of(s.getPath().getCompilationUnit(), handlers, s))
            .chainTo(state.getPath());
    if (chain.isEmpty()) {
      return Description.NO_MATCH;
    }
    Optional<SuggestedFix> fix = hoist.fix(tree, state);
    return buildDescription(tree)
        .setMessage(message(tree, kind.get(), chain.get(), fix.isPresent()))
        .addFix(fix)
        .build();
  }

  private static String message(
      ExpressionTree tree, ClientKind kind, Chain chain, boolean hoistable) {
    Type type = ASTHelpers.getType(tree);
    String via = chain.calls().isEmpty() ? "" : " (via " + chain.describe() + ")";
    return String.format(
        "%s builds a new %s (%s) on every invocation of handler %s.%s, which %s%s; each warm call"
            + " adds a connection pool and its sockets until the function runs out of file"
            + " descriptors (EMFILE). %s",
        CallText.shortForm(tree),
        kind.description(),
        type.tsym.getSimpleName(),
        chain.handler().owner.getSimpleName(),
        chain.handler().getSimpleName(),
        chain.handlerReason(),
        via,
        hoistable
            ? "Build it once in a private static final field and reuse it."
            : "Build it once, in the constructor or a static final field, and reuse it.");
  }
}
