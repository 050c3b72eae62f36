package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings accepted as they are, so a gate can be adopted on a codebase with old leaks and still
 * stop new ones. An entry is keyed on the file, the check and the flagged source line with its
 * whitespace collapsed, never the line number: edits elsewhere in the file move findings without
 * making them new. Identical keys are counted, so a second copy of a baselined line is new.
 *
 * <p>The file is text, one entry a line: {@code check<TAB>path<TAB>source line}, after a header.
 */
final class Baseline {
  static final String HEADER = "# LeakGuard baseline v1: check<TAB>path<TAB>normalized source line";
  static final String FORMAT =
      "a file written by 'mvn leakguard:baseline': the line '"
          + HEADER
          + "', then lines of three tab-separated fields";

  private final Map<String, Integer> counts;

  private Baseline(Map<String, Integer> counts) {
    this.counts = counts;
  }

  /** The findings not in this baseline, in their order. */
  List<Finding> newFindings(List<Finding> findings) {
    Map<String, Integer> left = new HashMap<>(counts);
    List<Finding> fresh = new ArrayList<>();
    for (Finding finding : findings) {
      String key = key(finding);
      int count = left.getOrDefault(key, 0);
      if (count > 0) {
        left.put(key, count - 1);
      } else {
        fresh.add(finding);
      }
    }
    return fresh;
  }

  /** How many entries the baseline holds. */
  int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many of its entries no finding matched (fixed since, or written elsewhere). */
  int unmatched(List<Finding> findings) {
    return size() - (findings.size() - newFindings(findings).size());
  }

  /**
   * Reads the baseline of one module.
   *
   * @param root the report root, which entries are relative to
   * @param module the module's directory relative to the root ({@code fn-orders}; empty at the
   *     root): a baseline none of whose entries is an existing file there was written for another
   *     module or project (or names only files that are gone: rewriting it is right then too)
   */
  static Baseline read(Path file, Path root, String module) throws ConfigurationException {
    if (!Files.exists(file)) {
      throw new ConfigurationException(
          "baseline",
          file + " does not exist (a module added after the baseline was written?)",
          "a baseline written for this module: create it with 'mvn compile leakguard:baseline"
              + " -Dleakguard.baseline="
              + file.getFileName()
              + "' in the module (or -pl it) and"
              + " commit it");
    }
    List<String> lines;
    try {
      lines = readUtf8(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigurationException(
          "baseline", file + " is not UTF-8 text (a binary file?)", FORMAT);
    } catch (IOException e) {
      throw new ConfigurationException(
          "baseline", "cannot read " + file + " (" + e.getMessage() + ")", FORMAT);
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new ConfigurationException(
          "baseline", file + " does not start with the baseline header", FORMAT);
    }
    Map<String, Integer> counts = new HashMap<>();
    String prefix = prefix(module);
    boolean shared = shared(file, root, module);
    String firstPath = null;
    boolean ours = false;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank()) {
        throw new ConfigurationException(
            "baseline", file + " line " + (i + 1) + " is not check<TAB>path<TAB>source", FORMAT);
      }
      firstPath = firstPath == null ? fields[1] : firstPath;
      boolean here = fields[1].startsWith(prefix);
      // A shared file also holds the other modules' entries: they are theirs to match.
      ours |= (here || shared) && Files.isRegularFile(root.resolve(fields[1]));
      if (here) {
        counts.merge(line, 1, Integer::sum);
      }
    }
    if (firstPath != null && !ours) {
      throw new ConfigurationException(
          "baseline",
          file
              + " was written for another module or project: none of its entries is a file of"
              + " this module ("
              + (module.isEmpty() ? "." : module)
              + "/...); the first is "
              + firstPath,
          "this module's baseline, written by 'mvn compile leakguard:baseline' in this module");
    }
    return new Baseline(counts);
  }

  private static List<String> readUtf8(Path file) throws IOException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
            .toString();
    if (text.indexOf('\0') >= 0) {
      throw new java.nio.charset.CharacterCodingException();
    }
    return text.lines().toList();
  }

  /**
   * Writes the module's findings. A file outside the module's directory (one baseline at the
   * reactor's root) is shared: the other modules' entries in it are kept.
   */
  static void write(Path file, Path root, String module, List<Finding> findings)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    if (shared(file, root, module) && Files.isRegularFile(file)) {
      List<String> old = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (!old.isEmpty() && old.get(0).equals(HEADER)) {
        String prefix = prefix(module);
        old.stream()
            .skip(1)
            .filter(line -> !line.isBlank())
            .filter(line -> !pathOf(line).startsWith(prefix))
            .forEach(lines::add);
      }
    }
    findings.stream()
        .sorted(Comparator.comparing(Finding::path).thenComparingInt(Finding::line))
        .map(Baseline::key)
        .forEach(lines::add);
    lines.subList(1, lines.size()).sort(Comparator.comparing(Baseline::pathOf));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static String prefix(String module) {
    return module.isEmpty() ? "" : module + "/";
  }

  /**
   * Whether several modules share the file: it lies in a directory above the module's (the
   * reactor's root), not in the module nor in a sibling module, whose baseline it would be.
   */
  private static boolean shared(Path file, Path root, String module) {
    Path dir = root.resolve(module).toAbsolutePath().normalize();
    Path at = file.toAbsolutePath().normalize().getParent();
    return !module.isEmpty() && at != null && !at.startsWith(dir) && dir.startsWith(at);
  }

  private static String pathOf(String line) {
    String[] fields = line.split("\t", -1);
    return fields.length > 1 ? fields[1] : "";
  }

  static String key(Finding finding) {
    String source = finding.sourceLine().isEmpty() ? finding.message() : finding.sourceLine();
    return finding.check() + "\t" + finding.path() + "\t" + normalize(source);
  }

  private static String normalize(String text) {
    return text.replace('\t', ' ').replaceAll("\\s+", " ").trim();
  }
}
