package io.github.leakguard.maven;

/**
 * One check the gate runs, as its {@code @BugPattern} describes it.
 *
 * @param name the check's name, as {@code -Xep:} and {@code [Name]} in diagnostics spell it
 * @param summary the one-sentence summary
 * @param explanation the longer explanation, or empty
 * @param severity the severity it runs at (its own unless re-graded)
 * @param link the check's documentation page, or empty
 */
public record Rule(
    String name, String summary, String explanation, Severity severity, String link) {}
