import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A javac plugin for bench/overhead that measures one compilation from inside it, where the noise
 * of a shared machine cancels out: every check's time as Error Prone's own timings record it (Error
 * Prone keeps a stopwatch per check but prints none), the compiling thread's wall and CPU time,
 * and, with {@code gc}, the live heap when analysis ends (after a full collection, when javac holds
 * every unit's attributed tree and the checks have run: the peak of what stays live).
 *
 * <p>Usage: {@code -Xplugin:"CompileProbe OUT [gc]"}, with this class's directory on the processor
 * path. Writes OUT as lines of {@code key<TAB>value}: {@code wall_ms} and {@code cpu_ms} of the
 * compiling thread, {@code gc_ms} (collections, all collectors), {@code jit_ms} (JIT compilation),
 * {@code alloc_mb} (allocated by the compiling thread), {@code analysis_cpu_ms} (the compiling
 * thread's CPU until code generation starts: parsing, attribution, flow and the checks), on Linux
 * {@code jit_cpu_ms}, {@code gc_cpu_ms} and {@code proc_cpu_ms} (CPU of the JIT's and the
 * collector's threads, and of the whole process), {@code live_mb} (with gc) and {@code
 * check:<Name>} in ms for every check that ran.
 */
public final class CompileProbe implements Plugin, TaskListener {

  private final long startNanos = System.nanoTime();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Context context;
  private Path out;
  private boolean collect;
  private double liveMb = -1;
  private long analysisCpuMillis = -1;

  @Override
  public String getName() {
    return "CompileProbe";
  }

  @Override
  public void init(JavacTask task, String... args) {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: -Xplugin:\"CompileProbe OUT [gc]\"");
    }
    out = Path.of(args[0]);
    collect = args.length > 1 && args[1].equals("gc");
    context = ((BasicJavacTask) task).getContext();
    task.addTaskListener(this);
  }

  @Override
  public void started(TaskEvent event) {
    if (analysisCpuMillis < 0 && event.getKind() == TaskEvent.Kind.GENERATE) {
      analysisCpuMillis = threads.getCurrentThreadCpuTime() / 1_000_000;
    }
    // With -XDcompilePolicy=simple every unit is analysed (and checked) before any is generated.
    if (collect && liveMb < 0 && event.getKind() == TaskEvent.Kind.GENERATE) {
      System.gc();
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      liveMb = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.COMPILATION) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("wall_ms\t" + (System.nanoTime() - startNanos) / 1_000_000);
    lines.add("cpu_ms\t" + threads.getCurrentThreadCpuTime() / 1_000_000);
    // Where a compilation's CPU goes besides its own thread: the collector and the JIT compilers.
    long gcMillis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, collector.getCollectionTime());
    }
    lines.add("gc_ms\t" + gcMillis);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
      lines.add("jit_ms\t" + jit.getTotalCompilationTime());
    }
    if (threads instanceof com.sun.management.ThreadMXBean allocations) {
      lines.add("alloc_mb\t" + allocations.getCurrentThreadAllocatedBytes() / 1048576);
    }
    if (analysisCpuMillis >= 0) {
      lines.add("analysis_cpu_ms\t" + analysisCpuMillis);
    }
    lines.addAll(ThreadCpu.lines());
    if (liveMb >= 0) {
      lines.add(String.format("live_mb\t%.1f", liveMb));
    }
    for (Map.Entry<String, Duration> check : checkTimings().entrySet()) {
      lines.add("check:" + check.getKey() + "\t" + check.getValue().toMillis());
    }
    try {
      Files.write(out, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Error Prone's per-check timings, read reflectively: plain javac runs have no Error Prone. */
  @SuppressWarnings("unchecked")
  private Map<String, Duration> checkTimings() {
    try {
      Class<?> timings =
          Class.forName(
              "com.google.errorprone.ErrorProneTimings", true, getClass().getClassLoader());
      Object instance = timings.getMethod("instance", Context.class).invoke(null, context);
      return (Map<String, Duration>) timings.getMethod("timings").invoke(instance);
    } catch (ClassNotFoundException e) {
      return Map.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read Error Prone's timings", e);
    }
  }

  /**
   * CPU time by kind of thread, from Linux's /proc: what the JIT compilers and the collector cost
   * in CPU, where their MXBeans give elapsed time (which on a loaded machine counts waiting).
   * Compiler threads the JVM has already retired are counted in {@code proc_cpu_ms} only.
   */
  private static final class ThreadCpu {
    static List<String> lines() {
      Path tasks = Path.of("/proc/self/task");
      if (!Files.isDirectory(tasks)) {
        return List.of();
      }
      long jit = 0;
      long gc = 0;
      long ticks = 100; // USER_HZ on Linux
      try (var dirs = Files.list(tasks)) {
        for (Path task : (Iterable<Path>) dirs::iterator) {
          String name = Files.readString(task.resolve("comm")).strip();
          long cpu = cpuTicks(Files.readString(task.resolve("stat")));
          if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            jit += cpu;
          } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            gc += cpu;
          }
        }
        long proc = cpuTicks(Files.readString(Path.of("/proc/self/stat")));
        return List.of(
            "jit_cpu_ms\t" + jit * 1000 / ticks,
            "gc_cpu_ms\t" + gc * 1000 / ticks,
            "proc_cpu_ms\t" + proc * 1000 / ticks);
      } catch (IOException | RuntimeException e) {
        return List.of(); // a thread that ended while being read; the figures are optional
      }
    }

    /** utime + stime of a stat line; the command name in parentheses may hold spaces. */
    private static long cpuTicks(String stat) {
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
  }
}
