package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;
import io.github.leakguard.catalog.ResourceKind.Opener;

/** The JDK's sockets, socket channels and {@code HttpURLConnection} streams. */
public final class JavaNetCatalog implements LibraryCatalog {

  private static final String[] SOCKET_STREAMS = {
    "java.net.Socket#getInputStream", "java.net.Socket#getOutputStream"
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
            .openedBy("javax.net.SocketFactory#createSocket", "java.net.ServerSocket#accept")
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
            .openedBy("javax.net.ServerSocketFactory#createServerSocket")
            .build(),
        ResourceKind.builder(
                family(), "datagram socket", Category.CONNECTION, "java.net.DatagramSocket")
            .constructors()
            .build(),
        ResourceKind.builder(
                family(), "socket channel", Category.CONNECTION, "java.nio.channels.NetworkChannel")
            .openedBy(
                "java.nio.channels.SocketChannel#open",
                "java.nio.channels.ServerSocketChannel#open",
                "java.nio.channels.ServerSocketChannel#accept",
                "java.nio.channels.DatagramChannel#open")
            .handles("java.nio.channels.SocketChannel#socket")
            // Registered with a Selector, a channel belongs to the event loop that closes its keys
            // (httpcore5's reactor, found by the smoke corpus).
            .releasedBy("java.nio.channels.SelectableChannel#register")
            .build(),
        // The stream of an HttpURLConnection holds its socket until the stream is closed or the
        // connection disconnected; opening the connection alone holds nothing yet.
        ResourceKind.builder(
                family(), "HttpURLConnection stream", Category.CONNECTION, "java.io.InputStream")
            .openedBy(
                "java.net.HttpURLConnection#getInputStream",
                "java.net.HttpURLConnection#getErrorStream")
            .releasedBy("java.net.HttpURLConnection#disconnect")
            .opener(Opener.RELEASES)
            .build());
  }
}
