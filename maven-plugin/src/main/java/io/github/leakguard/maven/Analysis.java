package io.github.leakguard.maven;

import java.io.IOException;

/** One analysis of a module that is to be checked: a goal's, or one step of the fix goal's. */
@FunctionalInterface
interface Analysis<T> {
  T run(GateRequest request, SourceIndex sources)
      throws ConfigurationException, AnalysisException, IOException, InterruptedException;
}
