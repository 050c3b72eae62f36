package com.example.audit.wip;

/** Work in progress: the build's compiler excludes it, and so must the gate. */
public class Draft {
  public String next() {
    return NotWrittenYet.value();
  }
