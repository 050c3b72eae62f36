package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.BugPattern.StandardTags.PERFORMANCE;
import static io.github.leakguard.analysis.InvocationPaths.spokenName;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.Documentation;
import io.github.leakguard.analysis.ClientConstructions;
import io.github.leakguard.analysis.InvocationPaths;
import io.github.leakguard.analysis.InvocationPaths.Chain;
import io.github.leakguard.analysis.InvocationPaths.RemoteClient;
import io.github.leakguard.analysis.PerInvocation;
import io.github.leakguard.catalog.ClientKind;
import io.github.leakguard.catalog.ClientKind.Reuse;
import io.github.leakguard.fixes.BuildOnce;
import java.util.List;
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
public final class ClientBuiltInHandler extends CallCheck {

  private final PerInvocation perInvocation;
  private final BuildOnce buildOnce = new BuildOnce();

  public ClientBuiltInHandler() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  ClientBuiltInHandler(ErrorProneFlags flags) {
    super(flags);
    this.perInvocation = new PerInvocation(options);
  }

  @Override
  Description matchCall(ExpressionTree tree, VisitorState state) {
    Optional<ClientKind> kind = ClientConstructions.built(tree, state);
    InvocationPaths unitPaths = perInvocation.paths(state);
    if (kind.isPresent()) {
      return unitPaths
          .chainTo(state.getPath())
          .map(chain -> describeLocal(tree, kind.get(), chain, state))
          .orElse(Description.NO_MATCH);
    }
    List<RemoteClient> remote = unitPaths.remoteClients(tree);
    return remote.isEmpty() ? Description.NO_MATCH : describeRemote(tree, remote);
  }

  private Description describeLocal(
      ExpressionTree tree, ClientKind kind, Chain chain, VisitorState state) {
    // One connection kept in a static final field would never be validated nor reopened.
    Optional<SuggestedFix> fix =
        kind.reuse() == Reuse.CONNECTION ? Optional.empty() : buildOnce.fix(tree, state);
    String via = chain.calls().isEmpty() ? "" : " (via " + chain.describe() + ")";
    return buildDescription(tree)
        .setMessage(
            String.format(
                "%s builds a new %s (%s) on every invocation of %s%s; %s %s",
                CallText.shortForm(tree),
                kind.description(),
                simpleType(tree),
                handler(chain),
                via,
                consequence(kind),
                kind.reuse() == Reuse.CONNECTION
                    ? KEEP_A_CONNECTION
                    : "Build it once, in the constructor or a static final field, and reuse it."))
        .addFix(fix)
        .build();
  }

  /**
   * Clients built in another class: reported at the call that leads there, where they are fixed.
   * One finding per call names every client it reaches, so none is found only after another is
   * fixed.
   */
  private Description describeRemote(ExpressionTree call, List<RemoteClient> reached) {
    RemoteClient remote = reached.get(0);
    StringBuilder others = new StringBuilder();
    int named = Math.min(reached.size(), 1 + MAX_OTHERS_NAMED);
    for (RemoteClient other : reached.subList(1, named)) {
      others.append(others.length() == 0 ? " The same call also builds " : ", ");
      others.append(
          String.format(
              "%s in %s", simpleType(other.construction()), spokenName(other.builtIn())));
    }
    if (named < reached.size()) {
      others.append(" and ").append(reached.size() - named).append(" more");
    }
    if (others.length() > 0) {
      others.append('.');
    }
    return buildDescription(call)
        .setMessage(
            String.format(
                "%s reaches %s, which builds a new %s (%s) with %s on every invocation of %s"
                    + " (via %s); %s %s%s",
                CallText.shortForm(call),
                spokenName(remote.builtIn()),
                remote.kind().description(),
                simpleType(remote.construction()),
                CallText.shortForm(remote.construction()),
                handler(remote.chain()),
                remote.chain().describe(),
                consequence(remote.kind()),
                remote.kind().reuse() == Reuse.CONNECTION
                    ? KEEP_A_CONNECTION
                    : "Build the client once, in a constructor or a static final field, and pass it"
                        + " in.",
                others))
        .build();
  }

  /** Past this many, the further clients a call reaches are counted, to keep the message short. */
  private static final int MAX_OTHERS_NAMED = 2;

  private static final String CONSEQUENCE =
      "each warm call adds a connection pool and its sockets until the function runs out of file"
          + " descriptors (EMFILE).";

  private static final String CONNECTION_CONSEQUENCE =
      "each warm call pays a new connection's TCP connect, TLS handshake and authentication, and a"
          + " burst of invocations storms the database with new sessions.";

  private static final String KEEP_A_CONNECTION =
      "Keep one in a field, opened lazily and validated (isValid) before use, or a pool of one"
          + " (maximumPoolSize 1) held in a static field.";

  private static String consequence(ClientKind kind) {
    return kind.reuse() == Reuse.CONNECTION ? CONNECTION_CONSEQUENCE : CONSEQUENCE;
  }

  private static String handler(Chain chain) {
    return chain.describeHandler();
  }

  private static String simpleType(ExpressionTree tree) {
    Type type = ASTHelpers.getType(tree);
    return type == null ? "?" : type.tsym.getSimpleName().toString();
  }
}
