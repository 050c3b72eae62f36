package io.github.leakguard.catalog.platform;

/**
 * What serves a framework's code as a function: an adapter library that turns each invocation into
 * a call of the framework's handlers. A framework shape is a handler only where its adapter is on
 * the classpath; elsewhere (a Spring Boot service, a Micronaut server) the same code runs in a
 * long-lived server, which is none of LeakGuard's business.
 *
 * @param name the adapter as messages name it ("aws-serverless-java-container")
 * @param serves what it serves on AWS Lambda ("Spring MVC and JAX-RS applications")
 * @param marker a class of the adapter, looked for in the compilation's classpath by the checker
 * @param groupId the adapter's Maven group, looked for in a module's dependencies by the gate
 * @param artifactPrefix the start of the adapter's artifact ids (one adapter, several modules)
 */
public record Adapter(
    String name, String serves, String marker, String groupId, String artifactPrefix) {

  /** The Maven coordinates that mark a module depending on this adapter as a function module. */
  public Coordinates coordinates() {
    return new Coordinates(groupId, artifactPrefix, name + ", which serves " + serves + " on AWS Lambda");
  }
}
