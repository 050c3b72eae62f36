package com.example.report.util;

/** Report helpers; JDK 25 adds java.lang.IO, which a wildcard import of this package meets. */
public final class IO {
  private IO() {}

  public static String line(String text) {
    return text + System.lineSeparator();
  }
}
