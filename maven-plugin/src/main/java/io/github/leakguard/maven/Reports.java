package io.github.leakguard.maven;

import io.github.leakguard.maven.fork.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gate's reports: SARIF 2.1.0 for code scanning, and plain text for people. */
final class Reports {
  static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/leakguard/leakguard";
  static final String SRCROOT = "%SRCROOT%";

  /** Fingerprints of this version tell apart identical lines in one file by their order. */
  static final String FINGERPRINT = "leakguard/v2";

  private Reports() {}

  static String sarif(String toolVersion, List<Rule> rules, List<Finding> findings) {
    List<Object> sarifRules = new ArrayList<>();
    for (Rule rule : rules) {
      sarifRules.add(rule(rule));
    }
    List<Object> results = new ArrayList<>();
    Map<String, Integer> occurrences = new HashMap<>();
    for (Finding finding : findings) {
      String key = Baseline.key(finding);
      int occurrence = occurrences.merge(key, 1, Integer::sum);
      Map<String, Object> location =
          map(
              "physicalLocation",
              map(
                  "artifactLocation",
                  map("uri", ProjectRoot.uri(finding.path()), "uriBaseId", SRCROOT),
                  "region",
                  map("startLine", finding.line())));
      results.add(
          map(
              "ruleId", finding.check(),
              "ruleIndex", indexOf(rules, finding.check()),
              "level", finding.severity().sarifLevel(),
              "message", map("text", finding.message() + hintSuffix(finding)),
              "locations", List.of(location),
              "partialFingerprints", map(FINGERPRINT, sha256(key + "\n" + occurrence))));
    }
    Map<String, Object> driver =
        map(
            "name", "LeakGuard",
            "version", toolVersion,
            "informationUri", INFORMATION_URI,
            "rules", sarifRules);
    Map<String, Object> srcroot =
        map(
            "description",
            map(
                "text",
                "The repository's root (the directory holding .git), else the top of the Maven"
                    + " reactor"));
    return Json.write(
        map(
            "$schema",
            SARIF_SCHEMA,
            "version",
            "2.1.0",
            "runs",
            List.of(
                map(
                    "tool", map("driver", driver),
                    "originalUriBaseIds", map(SRCROOT, srcroot),
                    "results", results))));
  }

  private static Map<String, Object> rule(Rule rule) {
    String full = rule.explanation().isBlank() ? rule.summary() : rule.explanation();
    String link = rule.link().isBlank() ? "" : " See " + rule.link();
    String markdown =
        "**"
            + rule.name()
            + "**: "
            + rule.summary()
            + "\n\n"
            + full
            + (rule.link().isBlank() ? "" : "\n\n[Documentation](" + rule.link() + ")");
    Map<String, Object> sarif =
        map(
            "id", rule.name(),
            "name", rule.name(),
            "shortDescription", map("text", rule.summary()),
            "fullDescription", map("text", full));
    if (!rule.link().isBlank()) {
      sarif.put("helpUri", rule.link());
    }
    sarif.put("help", map("text", full + link, "markdown", markdown));
    sarif.put("defaultConfiguration", map("level", rule.severity().sarifLevel()));
    return sarif;
  }

  static String text(List<Finding> findings, String summary) {
    StringBuilder out = new StringBuilder();
    for (Finding finding : findings) {
      out.append(finding.render()).append('\n');
    }
    return out.append(summary).append('\n').toString();
  }

  static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static String hintSuffix(Finding finding) {
    return finding.hint().isEmpty() ? "" : " " + finding.hint();
  }

  private static String sha256(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static int indexOf(List<Rule> rules, String name) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** An insertion-ordered map from alternating keys and values. */
  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
