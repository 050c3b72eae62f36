package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** Netty: event loop groups own threads and selectors. */
public final class NettyCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Netty";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "Netty event loop group", "io.netty.channel.EventLoopGroup")
            .constructors()
            .build());
  }
}
