package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gate's reports: SARIF 2.1.0 for code scanning, and plain text for people. */
final class Reports {
  static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/leakguard/leakguard";
  /** Where findings of checks that are not LeakGuard's (extraChecks) are documented. */
  private static final String ERROR_PRONE_DOCS = "https://errorprone.info/bugpattern/";

  private Reports() {}

  static String sarif(String toolVersion, List<Rule> rules, List<Finding> findings) {
    List<Rule> ruleList = new ArrayList<>(rules);
    for (Finding finding : findings) {
      if (ruleList.stream().noneMatch(rule -> rule.name().equals(finding.check()))) {
        ruleList.add(
            new Rule(
                finding.check(),
                "Error Prone check " + finding.check(),
                finding.severity(),
                ERROR_PRONE_DOCS + finding.check()));
      }
    }
    List<Object> sarifRules = new ArrayList<>();
    for (Rule rule : ruleList) {
      sarifRules.add(
          map(
              "id", rule.name(),
              "name", rule.name(),
              "shortDescription", map("text", rule.summary()),
              "helpUri", rule.link(),
              "help", map("text", rule.summary() + " See " + rule.link()),
              "defaultConfiguration", map("level", rule.severity().sarifLevel())));
    }
    List<Object> results = new ArrayList<>();
    for (Finding finding : findings) {
      int index = indexOf(ruleList, finding.check());
      Map<String, Object> location =
          map(
              "physicalLocation",
              map(
                  "artifactLocation", map("uri", finding.path(), "uriBaseId", "%SRCROOT%"),
                  "region", map("startLine", finding.line())));
      results.add(
          map(
              "ruleId", finding.check(),
              "ruleIndex", index,
              "level", finding.severity().sarifLevel(),
              "message", map("text", finding.message() + hintSuffix(finding)),
              "locations", List.of(location),
              "partialFingerprints", map("leakguard/v1", Integer.toHexString(
                  Baseline.key(finding).hashCode()))));
    }
    Map<String, Object> driver =
        map(
            "name", "LeakGuard",
            "version", toolVersion,
            "informationUri", INFORMATION_URI,
            "rules", sarifRules);
    return Json.write(
        map(
            "$schema", SARIF_SCHEMA,
            "version", "2.1.0",
            "runs", List.of(map("tool", map("driver", driver), "results", results))));
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
