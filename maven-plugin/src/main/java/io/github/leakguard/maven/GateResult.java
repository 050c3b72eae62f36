package io.github.leakguard.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What one analysis found.
 *
 * @param rules the checks that ran
 * @param findings every finding, in javac's order
 * @param filesAnalysed the source files javac analysed
 * @param filesInModule the source files the includes and excludes selected
 * @param millis the analysis's wall-clock time
 * @param sarif the SARIF report written
 * @param text the plain-text report written
 */
public record GateResult(
    List<Rule> rules,
    List<Finding> findings,
    int filesAnalysed,
    int filesInModule,
    long millis,
    Path sarif,
    Path text) {

  /** One line: counts per check, files analysed, time. */
  public String summary() {
    String counts =
        findings.isEmpty()
            ? "no findings"
            : findings.size()
                + (findings.size() == 1 ? " finding" : " findings")
                + Finding.perCheck(Finding.countByCheck(findings));
    return String.format(
        Locale.ROOT,
        "LeakGuard: %s; %d of %d source files analysed (%d skipped by the pre-screen); %d %s;"
            + " %.1f s",
        counts,
        filesAnalysed,
        filesInModule,
        filesInModule - filesAnalysed,
        rules.size(),
        rules.size() == 1 ? "check" : "checks",
        millis / 1000.0);
  }
}
