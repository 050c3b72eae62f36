package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;
import io.github.leakguard.catalog.ResourceKind.Opener;

/** The JDK's sockets, socket channels and {@code HttpURLConnection} streams. */
public final class JavaNetCatalog implements LibraryCatalog {

  private static final MethodRef[] SOCKET_STREAMS = {
    MethodRef.method("java.net.Socket", "getInputStream"),
    MethodRef.method("java.net.Socket", "getOutputStream")
  };

  @Override
  public String family() {
    return "java.net";
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(family(), "socket", Category.CONNECTION, "java.net.Socket")
            .constructors()
            .openedBy(
                MethodRef.method("javax.net.SocketFactory", "createSocket"),
                MethodRef.method("java.net.ServerSocket", "accept"))
            // createSocket(socket, host, port, autoClose) layers TLS over a socket it is given:
            // no new connection, and the given socket's owner closes it (PgJDBC's MakeSSL, found
            // by the smoke corpus).
            .notWhenGiven("java.net.Socket")
            // Closing a socket's stream closes the socket.
            .handles(SOCKET_STREAMS)
            .build(),
        ResourceKind.builder(
                family(), "server socket", Category.CONNECTION, "java.net.ServerSocket")
            .constructors()
            .openedBy(MethodRef.method("javax.net.ServerSocketFactory", "createServerSocket"))
            .build(),
        ResourceKind.builder(
                family(), "datagram socket", Category.CONNECTION, "java.net.DatagramSocket")
            .constructors()
            .build(),
        ResourceKind.builder(
                family(), "socket channel", Category.CONNECTION, "java.nio.channels.NetworkChannel")
            .openedBy(
                MethodRef.method("java.nio.channels.SocketChannel", "open"),
                MethodRef.method("java.nio.channels.ServerSocketChannel", "open"),
                MethodRef.method("java.nio.channels.ServerSocketChannel", "accept"),
                MethodRef.method("java.nio.channels.DatagramChannel", "open"))
            .handles(MethodRef.method("java.nio.channels.SocketChannel", "socket"))
            // Registered with a Selector, a channel belongs to the event loop that closes its keys
            // (httpcore5's reactor, found by the smoke corpus).
            .releasedBy(MethodRef.method("java.nio.channels.SelectableChannel", "register"))
            .build(),
        // The stream of an HttpURLConnection holds its socket until the stream is closed or the
        // connection disconnected; opening the connection alone holds nothing yet.
        ResourceKind.builder(
                family(), "HttpURLConnection stream", Category.CONNECTION, "java.io.InputStream")
            .openedBy(
                MethodRef.method("java.net.HttpURLConnection", "getInputStream"),
                MethodRef.method("java.net.HttpURLConnection", "getErrorStream"))
            .releasedBy(MethodRef.method("java.net.HttpURLConnection", "disconnect"))
            .opener(Opener.RELEASES)
            .build());
  }
}
