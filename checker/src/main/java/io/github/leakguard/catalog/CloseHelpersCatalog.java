package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** Quiet-close helpers of Commons IO and Guava: they release whatever is passed to them. */
public final class CloseHelpersCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Close helpers";
  }

  @Override
  public ImmutableList<String> releaseHelpers() {
    return ImmutableList.of(
        "org.apache.commons.io.IOUtils#closeQuietly",
        "org.apache.commons.io.IOUtils#close",
        "com.google.common.io.Closeables#close",
        "com.google.common.io.Closeables#closeQuietly");
  }
}
