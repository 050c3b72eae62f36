package io.github.leakguard.maven;

/**
 * One check the gate runs, as its {@code @BugPattern} describes it.
 *
 * @param name the check's name, as {@code -Xep:} and {@code [Name]} in diagnostics spell it
 * @param summary the one-sentence summary
 * @param severity the severity the check reports at unless re-graded
 * @param link the check's documentation page
 */
public record Rule(String name, String summary, Severity severity, String link) {}
