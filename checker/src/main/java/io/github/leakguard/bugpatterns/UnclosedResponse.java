package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import io.github.leakguard.Documentation;
import io.github.leakguard.catalog.ResourceKind.Category;
import javax.inject.Inject;

/** Flags an HTTP response or S3 object stream not released on every path. */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "An HTTP response or response stream is not released on every path out of the method that"
            + " opens it",
    explanation =
        "An HTTP response (Apache HttpClient, OkHttp, java.net.http streaming bodies) or an S3"
            + " object stream holds a pooled connection until it is closed or its body consumed."
            + " Left open on some path (exceptional paths of checked exceptions included), it keeps"
            + " the connection leased: in a reused function environment calls soon hang waiting for"
            + " the pool, or sockets pile up to the file-descriptor limit (EMFILE). Open it in"
            + " try-with-resources.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Documentation.BUG_PATTERN_BASE + "UnclosedResponse.md")
public final class UnclosedResponse extends UnclosedResourceCheck {

  public UnclosedResponse() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  UnclosedResponse(ErrorProneFlags flags) {
    super(
        Category.RESPONSE,
        "it keeps its pooled connection leased, so in a warm function calls soon hang waiting for"
            + " the pool or run out of file descriptors (EMFILE).",
        flags);
  }
}
