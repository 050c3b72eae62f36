package io.github.leakguard.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * What an analysis with Error Prone's patching found: the findings, and the fixes their checks
 * offer as Error Prone's patch.
 *
 * @param fixedChecks the checks whose fixes were patched
 * @param findings the findings of those checks, at the level each check runs at
 * @param patches Error Prone's patch, per file
 * @param analysed the source files javac analysed
 * @param filesInModule the source files the includes and excludes selected
 * @param millis the analysis's wall-clock time
 */
record FixAnalysis(
    List<String> fixedChecks,
    List<Finding> findings,
    List<UnifiedPatch.FilePatch> patches,
    List<Path> analysed,
    int filesInModule,
    long millis) {}
