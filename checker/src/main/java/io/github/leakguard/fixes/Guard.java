package io.github.leakguard.fixes;

import com.google.errorprone.fixes.SuggestedFix;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A fix that cannot be built is no fix. Fixes read source positions and text that generated or
 * unusual code may not have; whatever goes wrong, the finding is still reported, without a fix, and
 * the compilation goes on.
 */
final class Guard {

  static Optional<SuggestedFix> orNone(Supplier<Optional<SuggestedFix>> build) {
    try {
      return build.get();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private Guard() {}
}
