package io.github.leakguard.maven;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a fix run did, by check: the findings it fixed, and those left, sorted by why they are left.
 * Counted from the findings before and after the fixes: after they were written, the analysis run
 * again; in a dry run, the findings the patch addresses taken away.
 *
 * @param dryRun whether nothing was written
 * @param filesChanged the files changed (or, in a dry run, to change)
 * @param fixed per check, findings fixed
 * @param noFix per check, findings left that have no mechanical fix
 * @param notApplied per check, findings left with a fix that did not apply in this run (it overlaps
 *     another fix); the next run applies it
 * @param inUntouched per check, findings left with a fix in a file left untouched
 * @param otherChecks per check, findings of checks this run did not fix
 * @param left every finding left, as the next {@code leakguard:check} reports it
 */
record FixSummary(
    boolean dryRun,
    int filesChanged,
    Map<String, Long> fixed,
    Map<String, Long> noFix,
    Map<String, Long> notApplied,
    Map<String, Long> inUntouched,
    Map<String, Long> otherChecks,
    List<Finding> left) {

  /**
   * @param fixedChecks the checks whose fixes were applied
   * @param before their findings before the fixes
   * @param after every finding after them
   * @param changed the paths of the files changed, as findings write them
   * @param untouched the paths of the files with fixes that were left untouched
   */
  static FixSummary of(
      boolean dryRun,
      List<String> fixedChecks,
      List<Finding> before,
      List<Finding> after,
      Set<String> changed,
      Set<String> untouched) {
    Map<String, Long> fixed = new TreeMap<>();
    Map<String, Long> countBefore = count(before, f -> true);
    Map<String, Long> countAfter = count(after, f -> true);
    for (String check : fixedChecks) {
      long n = countBefore.getOrDefault(check, 0L) - countAfter.getOrDefault(check, 0L);
      if (n > 0) {
        fixed.put(check, n);
      }
    }
    Set<String> ours = new HashSet<>(fixedChecks);
    List<Finding> leftOurs = after.stream().filter(f -> ours.contains(f.check())).toList();
    return new FixSummary(
        dryRun,
        changed.size(),
        fixed,
        count(leftOurs, f -> f.hint().isEmpty()),
        count(leftOurs, f -> !f.hint().isEmpty() && !untouched.contains(f.path())),
        count(leftOurs, f -> !f.hint().isEmpty() && untouched.contains(f.path())),
        count(after, f -> !ours.contains(f.check())),
        after);
  }

  /** The findings a dry run's patch would leave: those without a fix or in files not changed. */
  static List<Finding> leftBy(List<Finding> before, Set<String> changed) {
    return before.stream().filter(f -> f.hint().isEmpty() || !changed.contains(f.path())).toList();
  }

  /** One line, for example {@code LeakGuard fix: 2 files changed, 3 findings fixed (...); ...}. */
  String line() {
    List<String> parts = new ArrayList<>();
    long fixedTotal = total(fixed);
    if (filesChanged == 0) {
      parts.add("nothing to fix");
    } else {
      parts.add(
          plural(filesChanged, "file")
              + (dryRun ? " to change, " : " changed, ")
              + plural(fixedTotal, "finding")
              + (dryRun ? " to fix" : " fixed")
              + counts(fixed));
    }
    if (!noFix.isEmpty()) {
      parts.add(total(noFix) + " left with no mechanical fix" + counts(noFix));
    }
    if (!inUntouched.isEmpty()) {
      parts.add(total(inUntouched) + " left in files left untouched" + counts(inUntouched));
    }
    if (!notApplied.isEmpty()) {
      parts.add(
          total(notApplied)
              + " left whose fix overlaps another"
              + counts(notApplied)
              + ": run leakguard:fix again");
    }
    if (!otherChecks.isEmpty()) {
      parts.add(total(otherChecks) + " of checks not fixed in this run" + counts(otherChecks));
    }
    if (dryRun) {
      parts.add("nothing was written");
    }
    return "LeakGuard fix" + (dryRun ? " (dry run)" : "") + ": " + String.join("; ", parts);
  }

  private static Map<String, Long> count(List<Finding> findings, Predicate<Finding> which) {
    return Finding.countByCheck(findings.stream().filter(which).toList());
  }

  private static String counts(Map<String, Long> perCheck) {
    return Finding.perCheck(perCheck);
  }

  private static long total(Map<String, Long> perCheck) {
    return perCheck.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
