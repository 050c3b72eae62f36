package com.example.audit.lang;

/** An audit record; on JDK 16+ without release 11 the name clashes with java.lang.Record. */
public final class Record {
  private final String line;

  public Record(String line) {
    this.line = line;
  }

  public String line() {
    return line;
  }
}
