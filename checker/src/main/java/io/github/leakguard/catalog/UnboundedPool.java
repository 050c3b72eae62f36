package io.github.leakguard.catalog;

/**
 * A call that builds a pool with no upper bound at all, whatever its arguments.
 *
 * @param family the library family, for messages
 * @param owner the fully qualified type declaring the method or constructor (subtypes of a
 *     constructor's class do not match: they may add a bound)
 * @param method the method's name, or {@code <init>} for a constructor
 * @param why what the call leaves unbounded, in a message
 * @param fix the bounded alternative, in a message
 */
public record UnboundedPool(String family, String owner, String method, String why, String fix) {

  public boolean isConstructor() {
    return method.equals("<init>");
  }
}
