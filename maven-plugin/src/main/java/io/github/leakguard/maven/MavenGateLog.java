package io.github.leakguard.maven;

import org.apache.maven.plugin.logging.Log;

/** The engine's log, written to Maven's. */
final class MavenGateLog implements GateLog {
  private final Log log;

  MavenGateLog(Log log) {
    this.log = log;
  }

  @Override
  public void info(String line) {
    log.info(line);
  }

  @Override
  public void warn(String line) {
    log.warn(line);
  }
}
