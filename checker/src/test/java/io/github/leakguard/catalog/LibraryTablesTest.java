package io.github.leakguard.catalog;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The library tables of the check pages are the library catalogs, rendered: an entry added to a
 * catalog and not to its page (or a row of the page that no catalog has) fails here, and the failure
 * prints the table to paste. {@code -Dtables.write} writes the tables into the pages instead.
 */
final class LibraryTablesTest {
  private static final String BEGIN =
      "<!-- library table: generated from the catalogs by LibraryTablesTest -->";
  private static final String END = "<!-- /library table -->";
  private static final Path PAGES = Path.of("..", "docs", "bugpattern");

  @Test
  void clientBuiltInHandlerListsEveryClientKind() throws IOException {
    assertTable("ClientBuiltInHandler.md", clients());
  }

  @Test
  void unboundedConnectionPoolListsEveryBoundAndUnboundedPool() throws IOException {
    assertTable("UnboundedConnectionPool.md", poolBounds());
  }

  @Test
  void missingIdleTimeoutListsEveryIdleSetting() throws IOException {
    assertTable("MissingIdleTimeout.md", idleSettings());
  }

  @Test
  void fileDescriptorBudgetListsEveryDocumentedDefault() throws IOException {
    assertTable("FileDescriptorBudget.md", connectionDefaults());
  }

  static String clients() {
    List<String> rows = header("Family", "Client", "Built by");
    for (ClientKind kind : Catalogs.CLIENTS) {
      List<String> shapes = new ArrayList<>();
      if (kind.constructors()) {
        shapes.add("`new " + simple(kind.type()) + "(…)` of any subclass");
      }
      kind.factories().forEach(ref -> shapes.add(code(ref)));
      kind.builders().forEach(ref -> shapes.add(code(ref)));
      String built = shapes.stream().distinct().collect(joining(", "));
      if (!kind.alsoSubtypeOf().isEmpty()) {
        built +=
            ", when it is also "
                + kind.alsoSubtypeOf().stream().map(t -> "`" + simple(t) + "`").collect(joining(", "));
      }
      if (!kind.sharingBuilderSources().isEmpty()) {
        built +=
            " (not from "
                + kind.sharingBuilderSources().stream()
                    .map(LibraryTablesTest::code)
                    .collect(joining(", "))
                + ", which shares an existing pool)";
      }
      String type = kind.type().equals("java.lang.Object") ? "" : " (`" + simple(kind.type()) + "`)";
      rows.add(row(kind.family(), kind.description() + type, built));
    }
    return String.join("\n", rows);
  }

  static String poolBounds() {
    List<String> rows = header("Family", "Setting", "Bounds", "\"No limit\"");
    group(
            Catalogs.POOL_BOUNDS,
            b -> List.of(b.family(), b.meaning().name(), b.unlimited().name()),
            PoolBound::method)
        .forEach(
            (first, refs) ->
                rows.add(
                    row(
                        first.family(),
                        codes(refs),
                        first.meaning().text()
                            + (first.meaning().countsSockets()
                                ? ""
                                : " (a queue, not sockets: only \"no limit\" is flagged)"),
                        unlimited(first.unlimited()))));
    for (UnboundedPool pool : Catalogs.UNBOUNDED_POOLS) {
      rows.add(row(pool.family(), code(pool.method()), "nothing", "always"));
    }
    return String.join("\n", rows);
  }

  static String idleSettings() {
    List<String> rows = header("Family", "Setting", "Sets", "\"Never\"");
    group(
            Catalogs.IDLE_SETTINGS,
            s ->
                List.of(
                    s.family(),
                    s.meaning(),
                    s.unit().name(),
                    s.never().name(),
                    String.valueOf(s.thresholdApplies())),
            IdleSetting::method)
        .forEach(
            (first, refs) ->
                rows.add(
                    row(
                        first.family(),
                        codes(refs),
                        first.meaning()
                            + " ("
                            + unit(first.unit())
                            + ")"
                            + (first.thresholdApplies() ? "" : "; only \"never\" is flagged"),
                        never(first))));
    return String.join("\n", rows);
  }

  static String connectionDefaults() {
    List<String> rows = header("Family", "Client", "Default maximum");
    for (ConnectionDefault d : Catalogs.CONNECTION_DEFAULTS) {
      rows.add(
          row(
              d.family(),
              "`" + simple(d.origin()) + "`" + (d.fallback() ? ", when nothing else applies" : ""),
              (d.max().isPresent() ? d.max().getAsLong() + ": " : "unknown: ") + d.source()));
    }
    return String.join("\n", rows);
  }

  private static String unlimited(PoolBound.Unlimited unlimited) {
    return switch (unlimited) {
      case MAX_VALUE_ONLY -> "`MAX_VALUE`";
      case NEGATIVE -> "`MAX_VALUE`, negative";
      case ZERO_OR_NEGATIVE -> "`MAX_VALUE`, 0 or less";
    };
  }

  private static String unit(IdleSetting.Unit unit) {
    return switch (unit) {
      case DURATION -> "a duration";
      case LONG_WITH_TIME_UNIT -> "a number and a `TimeUnit`";
      case MILLISECONDS -> "milliseconds";
      case SECONDS -> "seconds";
      case REAPER_SWITCH -> "on or off";
    };
  }

  private static String never(IdleSetting setting) {
    if (setting.unit() == IdleSetting.Unit.REAPER_SWITCH) {
      return "`false`";
    }
    return switch (setting.never()) {
      case NONE -> "at the maximum";
      case NEGATIVE -> "negative, or at the maximum";
      case ZERO_OR_NEGATIVE -> "0 or less, or at the maximum";
      case ZERO -> "0, or at the maximum";
    };
  }

  /** The entries grouped by {@code key}, in catalog order: the first of each group and its refs. */
  private static <T> Map<T, List<MethodRef>> group(
      List<T> entries, Function<T, List<String>> key, Function<T, MethodRef> ref) {
    Map<List<String>, T> firsts = new LinkedHashMap<>();
    Map<T, List<MethodRef>> groups = new LinkedHashMap<>();
    for (T entry : entries) {
      T first = firsts.computeIfAbsent(key.apply(entry), k -> entry);
      List<MethodRef> refs = groups.computeIfAbsent(first, f -> new ArrayList<>());
      if (!refs.contains(ref.apply(entry))) {
        refs.add(ref.apply(entry));
      }
    }
    return groups;
  }

  private static String codes(List<MethodRef> refs) {
    return refs.stream().map(LibraryTablesTest::code).distinct().collect(joining(", "));
  }

  private static String code(MethodRef ref) {
    return "`" + ref.simpleForm() + "`";
  }

  private static String simple(String type) {
    return MethodRef.constructor(type).simpleOwner();
  }

  private static List<String> header(String... columns) {
    List<String> rows = new ArrayList<>();
    rows.add(row(columns));
    rows.add(row(Collections.nCopies(columns.length, "---").toArray(new String[0])));
    return rows;
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  private static void assertTable(String pageName, String table) throws IOException {
    Path page = PAGES.resolve(pageName);
    String text = Files.readString(page);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertTrue(begin >= 0 && end > begin, page + " lacks the markers " + BEGIN + " and " + END);
    if (System.getProperty("tables.write") != null) {
      text = text.substring(0, begin + BEGIN.length()) + "\n" + table + "\n" + text.substring(end);
      Files.writeString(page, text);
      return;
    }
    String actual = text.substring(begin + BEGIN.length(), end).strip();
    assertEquals(table, actual, page + ": paste the expected table between the markers");
  }
}
