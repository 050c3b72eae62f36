package io.github.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fix goal's counts, from the findings before and after. */
final class FixSummaryTest {
  private static final String A = "fn/src/main/java/A.java";
  private static final String B = "fn/src/main/java/B.java";

  private static Finding finding(String check, String path, int line, boolean fixable) {
    return new Finding(
        check, Severity.ERROR, path, line, "message", fixable ? "Did you mean 'x'?" : "", "x();");
  }

  private static final Finding HOISTED = finding("ClientBuiltInHandler", A, 10, true);
  private static final Finding WRAPPED = finding("UnclosedResponse", A, 20, true);
  private static final Finding OVERLAPPING = finding("UnclosedResponse", A, 21, true);
  private static final Finding BUDGET = finding("FileDescriptorBudget", A, 5, false);
  private static final Finding IN_B = finding("ClientBuiltInHandler", B, 7, true);
  private static final Finding IDLE = finding("MissingIdleTimeout", A, 30, true);

  private static final List<String> FIXED =
      List.of("ClientBuiltInHandler", "UnclosedResponse", "FileDescriptorBudget");

  @Test
  void afterWritingCountsWhatTheAnalysisNoLongerFindsAndSortsWhatIsLeft() {
    List<Finding> before = List.of(HOISTED, WRAPPED, OVERLAPPING, BUDGET, IN_B);
    List<Finding> after = List.of(OVERLAPPING, BUDGET, IN_B, IDLE);

    FixSummary summary = FixSummary.of(false, FIXED, before, after, Set.of(A), Set.of(B));

    assertEquals(
        "LeakGuard fix: 1 file changed, 2 findings fixed (ClientBuiltInHandler: 1,"
            + " UnclosedResponse: 1); 1 left with no mechanical fix (FileDescriptorBudget: 1); 1"
            + " left in files left untouched (ClientBuiltInHandler: 1); 1 left whose fix overlaps"
            + " another (UnclosedResponse: 1): run leakguard:fix again; 1 of checks not fixed in"
            + " this run (MissingIdleTimeout: 1)",
        summary.line());
    assertEquals(after, summary.left());
  }

  @Test
  void aDryRunCountsTheFindingsWhosePatchChangesTheirFile() {
    List<Finding> before = List.of(HOISTED, WRAPPED, BUDGET, IN_B);
    List<Finding> left = FixSummary.leftBy(before, Set.of(A));

    FixSummary summary = FixSummary.of(true, FIXED, before, left, Set.of(A), Set.of(B));

    assertEquals(List.of(BUDGET, IN_B), left);
    assertEquals(
        "LeakGuard fix (dry run): 1 file to change, 2 findings to fix (ClientBuiltInHandler: 1,"
            + " UnclosedResponse: 1); 1 left with no mechanical fix (FileDescriptorBudget: 1); 1"
            + " left in files left untouched (ClientBuiltInHandler: 1); nothing was written",
        summary.line());
  }

  @Test
  void nothingToFix() {
    assertEquals(
        "LeakGuard fix: nothing to fix",
        FixSummary.of(false, FIXED, List.of(), List.of(), Set.of(), Set.of()).line());
    assertEquals(
        "LeakGuard fix: nothing to fix; 1 left with no mechanical fix (FileDescriptorBudget: 1)",
        FixSummary.of(false, FIXED, List.of(BUDGET), List.of(BUDGET), Set.of(), Set.of()).line());
  }
}
