import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles the same sources several times in one JVM, as a Gradle compiler daemon, an IDE or
 * Maven's in-process compiler does, and times each compilation: bench/overhead's warm runs. Once
 * the JIT has compiled javac, Error Prone and LeakGuard, the run-to-run noise of a cold JVM (which
 * methods the JIT compiles when, racing the compiler on a small machine) is gone, and what is left
 * is the work each configuration does.
 *
 * <p>Usage: {@code java [jvm flags] -cp PLUGINS WarmCompile OUT ITERATIONS ARGFILE LOG [PROBE]}.
 * ARGFILE holds javac's arguments, one per line. Error Prone, LeakGuard and CompileProbe go on this
 * JVM's class path as well as javac's processor path, so that every compilation runs the same
 * loaded (and JIT-compiled) classes instead of a fresh class loader's. Appends one line per
 * compilation to OUT: iteration, wall ms, this thread's CPU ms, the process's CPU ms, GC ms, JIT ms
 * and MB this thread allocated, each for that compilation alone, and javac's exit code; with PROBE
 * (CompileProbe's output file), copies it to {@code PROBE.<iteration>} after each one.
 */
public final class WarmCompile {

  public static void main(String[] args) throws IOException {
    if (args.length < 5 || args.length > 6) {
      throw new IllegalArgumentException(
          "usage: WarmCompile OUT ITERATIONS LOG PROBE ARGFILE [ARGFILE2]");
    }
    Path out = Path.of(args[0]);
    int iterations = Integer.parseInt(args[1]);
    Path log = Path.of(args[2]);
    Path probe = args[3].equals("-") ? null : Path.of(args[3]);
    List<String[]> configurations = new ArrayList<>();
    for (int a = 4; a < args.length; a++) {
      configurations.add(Files.readAllLines(Path.of(args[a])).toArray(String[]::new));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    long threadId = Thread.currentThread().getId();

    for (int i = 1; i <= iterations; i++) {
      int configuration = configurations.size() == 1 ? 0 : (i / 2) % 2;
      // Start each compilation from the same heap: the garbage of the last one is not its cost.
      System.gc();
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      long process = os.getProcessCpuTime();
      long gc = gcMillis(collectors);
      long jitMs = jit.getTotalCompilationTime();
      long alloc = threads.getThreadAllocatedBytes(threadId);
      int rc;
      try (PrintStream err = new PrintStream(Files.newOutputStream(log))) {
        rc = javac.run(null, err, err, configurations.get(configuration));
      }
      String line =
          String.format(
              "%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n",
              i,
              configuration + 1,
              (System.nanoTime() - wall) / 1_000_000,
              (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
              (os.getProcessCpuTime() - process) / 1_000_000,
              gcMillis(collectors) - gc,
              jit.getTotalCompilationTime() - jitMs,
              (threads.getThreadAllocatedBytes(threadId) - alloc) / 1048576,
              rc);
      Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (probe != null && Files.exists(probe)) {
        Files.copy(probe, Path.of(probe + "." + i), StandardCopyOption.REPLACE_EXISTING);
      }
      if (rc != 0) {
        System.exit(rc);
      }
    }
  }

  private static long gcMillis(List<GarbageCollectorMXBean> collectors) {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }
}
