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

  static Baseline read(Path file) throws ConfigurationException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          "baseline", "cannot read " + file + " (" + e.getMessage() + ")", FORMAT);
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new ConfigurationException(
          "baseline", file + " does not start with the baseline header", FORMAT);
    }
    Map<String, Integer> counts = new HashMap<>();
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
      counts.merge(line, 1, Integer::sum);
    }
    return new Baseline(counts);
  }

  static void write(Path file, List<Finding> findings) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    findings.stream()
        .sorted(Comparator.comparing(Finding::path).thenComparingInt(Finding::line))
        .map(Baseline::key)
        .forEach(lines::add);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static String key(Finding finding) {
    String source =
        finding.sourceLine().isEmpty() ? finding.message() : finding.sourceLine();
    return finding.check() + "\t" + finding.path() + "\t" + normalize(source);
  }

  private static String normalize(String text) {
    return text.replace('\t', ' ').replaceAll("\\s+", " ").trim();
  }
}
