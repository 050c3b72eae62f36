package io.github.leakguard.catalog;

/**
 * A call that builds a pool with no upper bound at all, whatever its arguments.
 *
 * @param family the library family, for messages
 * @param method the method or constructor that builds it
 * @param why what the call leaves unbounded, in a message
 * @param fix the bounded alternative, in a message
 */
public record UnboundedPool(String family, MethodRef method, String why, String fix) {}
