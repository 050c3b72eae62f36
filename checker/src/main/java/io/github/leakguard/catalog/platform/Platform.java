package io.github.leakguard.catalog.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * What LeakGuard knows of one platform or framework that runs Java functions: the code it runs on
 * every invocation, and the Maven dependencies that mark a module as one of its functions.
 *
 * @param name the platform or framework, as the docs name it
 * @param modules dependencies that make a module a function module by themselves (the platform's
 *     own API); the adapters of {@link #shapes} count too
 * @param shapes the handler shapes, tried in this order
 */
public record Platform(String name, List<Coordinates> modules, List<HandlerShape> shapes) {

  public Platform {
    modules = List.copyOf(modules);
    shapes = List.copyOf(shapes);
  }

  /** Every dependency that marks a function module of this platform, its own first. */
  public List<Coordinates> functionModuleCoordinates() {
    List<Coordinates> all = new ArrayList<>(modules);
    for (HandlerShape shape : shapes) {
      for (Adapter adapter : shape.servedBy()) {
        if (!all.contains(adapter.coordinates())) {
          all.add(adapter.coordinates());
        }
      }
    }
    return all;
  }
}
