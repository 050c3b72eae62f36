package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/**
 * Helpers that release whatever is passed to them: the quiet-close helpers of Commons IO and
 * Guava, and Jackson's readers, which close their source when done (AUTO_CLOSE_SOURCE is on by
 * default).
 */
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
        "com.google.common.io.Closeables#closeQuietly",
        "com.fasterxml.jackson.databind.ObjectMapper#readValue",
        "com.fasterxml.jackson.databind.ObjectMapper#readTree",
        "com.fasterxml.jackson.databind.ObjectReader#readValue",
        "com.fasterxml.jackson.databind.ObjectReader#readTree");
  }
}
