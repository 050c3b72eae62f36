package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/**
 * Helpers that release whatever is passed to them: the quiet-close helpers of Commons IO and Guava,
 * and Jackson's readers, which close their source when done (AUTO_CLOSE_SOURCE is on by default).
 */
public final class CloseHelpersCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Close helpers";
  }

  @Override
  public ImmutableList<MethodRef> releaseHelpers() {
    return ImmutableList.of(
        MethodRef.method("org.apache.commons.io.IOUtils", "closeQuietly"),
        MethodRef.method("org.apache.commons.io.IOUtils", "close"),
        MethodRef.method("com.google.common.io.Closeables", "close"),
        MethodRef.method("com.google.common.io.Closeables", "closeQuietly"),
        MethodRef.method("com.fasterxml.jackson.databind.ObjectMapper", "readValue"),
        MethodRef.method("com.fasterxml.jackson.databind.ObjectMapper", "readTree"),
        MethodRef.method("com.fasterxml.jackson.databind.ObjectReader", "readValue"),
        MethodRef.method("com.fasterxml.jackson.databind.ObjectReader", "readTree"));
  }
}
