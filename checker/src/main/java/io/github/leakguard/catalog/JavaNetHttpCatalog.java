package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;

/** The JDK's own {@code java.net.http.HttpClient}. */
public final class JavaNetHttpCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "java.net.http";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "java.net.http HttpClient", "java.net.http.HttpClient")
            .factories(MethodRef.anyMethod("java.net.http.HttpClient"))
            .builtBy(MethodRef.method("java.net.http.HttpClient.Builder", "build"))
            .build());
  }

  // HTTP/1.1 opens a connection per concurrent request, with no limit; the compiler cannot know
  // how many requests run at once.
  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of(
        ConnectionDefault.unknown(
            family(),
            "java.net.http.HttpClient",
            "java.net.http HttpClient has no connection limit"));
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        // Only streaming bodies (ofInputStream, ofLines) hold the connection; ofString and the
        // other handlers read the body before send returns.
        ResourceKind.builder(
                family(),
                "java.net.http streaming response body",
                Category.RESPONSE,
                "java.net.http.HttpResponse")
            .whenTypeArgument("java.io.InputStream", "java.util.stream.BaseStream")
            .openedBy(MethodRef.method("java.net.http.HttpClient", "send"))
            .handles(MethodRef.method("java.net.http.HttpResponse", "body"))
            .build());
  }
}
