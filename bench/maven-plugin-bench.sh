#!/usr/bin/env bash
# Times the LeakGuard gate on a generated 1,000-class function module against that module's own
# `mvn compile`, and the gate's skip of a 1,000-class module that holds no functions.
#
# Needs the plugin built and installed into the ITs' private repository first (never ~/.m2):
#   mvn -B verify -pl maven-plugin -am      (its invoker:install step fills maven-plugin/target/local-repo)
# Then: bash bench/maven-plugin-bench.sh [runs]      (JAVA_HOME picks the JDK)
# Prints one line per measurement; nothing is asserted (numbers go to docs/maven-plugin.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
runs="${1:-3}"
repo="$root/maven-plugin/target/local-repo"
work="$root/maven-plugin/target/bench"
version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
[ -d "$repo/io/github/leakguard/leakguard-maven-plugin/$version" ] || {
  echo "build the plugin first: mvn -B verify -pl maven-plugin -am" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"

python3 - "$work" "$version" <<'PY'
import os, sys
work, version = sys.argv[1], sys.argv[2]

def pom(name, deps):
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>{name}</artifactId><version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.source>17</maven.compiler.source><maven.compiler.target>17</maven.compiler.target>
  </properties>
  <dependencies>{deps}</dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version></plugin>
    <plugin><groupId>io.github.leakguard</groupId><artifactId>leakguard-maven-plugin</artifactId><version>{version}</version></plugin>
  </plugins></build>
</project>
"""

def write(module, pkg, name, text):
    d = os.path.join(work, module, "src/main/java", *pkg.split("."))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".java"), "w") as f:
        f.write(text)

def domain(module, i):
    # Plain business code: records, rules and services over java.util, calling each other.
    pkg = f"com.example.domain.d{i // 100}"
    other = f"Rule{(i + 1) % 1000}"
    other_pkg = f"com.example.domain.d{((i + 1) % 1000) // 100}"
    write(module, pkg, f"Rule{i}", f"""package {pkg};

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public final class Rule{i} {{
  public record Line(String sku, int quantity, BigDecimal price) {{}}

  private final Map<String, BigDecimal> discounts;

  public Rule{i}(Map<String, BigDecimal> discounts) {{
    this.discounts = discounts;
  }}

  public BigDecimal total(List<Line> lines) {{
    BigDecimal sum = BigDecimal.ZERO;
    for (Line line : lines) {{
      BigDecimal discount = discounts.getOrDefault(line.sku(), BigDecimal.ZERO);
      sum = sum.add(line.price().subtract(discount).multiply(BigDecimal.valueOf(line.quantity())));
    }}
    return sum.max(BigDecimal.ZERO);
  }}

  public List<String> skus(List<Line> lines) {{
    List<String> skus = new ArrayList<>();
    lines.stream().map(Line::sku).distinct().sorted().forEach(skus::add);
    return skus;
  }}

  public String describe(List<Line> lines) {{
    return lines.stream().map(l -> l.sku() + "x" + l.quantity()).collect(Collectors.joining(","))
        + " via " + {other_pkg}.{other}.class.getSimpleName();
  }}
}}
""")

def repository(module, i):
    pkg = "com.example.data"
    write(module, pkg, f"Repo{i}", f"""package {pkg};

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

public final class Repo{i} {{
  private final DynamoDbClient dynamo;

  public Repo{i}(DynamoDbClient dynamo) {{
    this.dynamo = dynamo;
  }}

  public Map<String, AttributeValue> load(String id) {{
    return dynamo
        .getItem(GetItemRequest.builder().tableName("t{i}").key(Map.of("id", AttributeValue.fromS(id))).build())
        .item();
  }}
}}
""")

def handler(module, i, leaky):
    pkg = "com.example.fn"
    client = ("DynamoDbClient dynamo = DynamoDbClient.create();" if leaky else "DynamoDbClient dynamo = DYNAMO;")
    write(module, pkg, f"Handler{i}", f"""package {pkg};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.data.Repo{i};
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public class Handler{i} implements RequestHandler<Map<String, String>, String> {{
  private static final DynamoDbClient DYNAMO = DynamoDbClient.create();

  @Override
  public String handleRequest(Map<String, String> event, Context context) {{
    {client}
    return String.valueOf(new Repo{i}(dynamo).load(event.get("id")));
  }}
}}
""")

deps_fn = """
    <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-core</artifactId><version>1.2.3</version></dependency>
    <dependency><groupId>software.amazon.awssdk</groupId><artifactId>dynamodb</artifactId><version>2.31.9</version></dependency>"""
# Function module: 50 handlers (5 leaky), 50 SDK repositories, 900 plain domain classes.
os.makedirs(os.path.join(work, "function"), exist_ok=True)
open(os.path.join(work, "function/pom.xml"), "w").write(pom("function", deps_fn))
for i in range(50):
    handler("function", i, leaky=(i % 10 == 0))
    repository("function", i)
for i in range(900):
    domain("function", i)
# Library module: 1,000 plain classes, no function dependency.
os.makedirs(os.path.join(work, "library"), exist_ok=True)
open(os.path.join(work, "library/pom.xml"), "w").write(pom("library", ""))
for i in range(1000):
    domain("library", i)
PY
# domain classes reference Rule{i+1} modulo 1000; the function module has 900: fix the wrap.
sed -i 's/com\.example\.domain\.d9\.Rule9[0-9][0-9]\.class/String.class/' \
  $(grep -rl 'd9\.Rule9' "$work/function/src" || true)

mvn_() { mvn -B -o -llr -Dmaven.repo.local="$repo" "$@"; }
secs() { local s e; s=$(date +%s%N); "$@" >"$work/last.log" 2>&1 || true; e=$(date +%s%N); echo "scale=2; ($e - $s) / 1000000000" | bc; }

cd "$work/function"
mvn_ -q compile >/dev/null 2>&1   # warm the local repository and the file cache
echo "JDK: $(java -version 2>&1 | head -1)"
echo "function module: $(find src -name '*.java' | wc -l) classes"
for run in $(seq "$runs"); do
  compile=$(secs mvn_ clean compile)
  gate=$(secs mvn_ leakguard:check -Dleakguard.failOnViolation=false)
  gate_log=$(grep -o 'LeakGuard: [0-9]* findings.*' "$work/last.log" || true)
  gate_log="$gate_log; screen $(grep -o 'pre-screen kept.*' "$work/last.log" | grep -o '\[[0-9]* ms\]' || true)"
  full=$(secs mvn_ leakguard:check -Dleakguard.failOnViolation=false -Dleakguard.preScreen=false)
  full_log=$(grep -o '[0-9]* of [0-9]* source files analysed.*' "$work/last.log" || true)
  echo "run $run: mvn clean compile ${compile} s | mvn leakguard:check ${gate} s [$gate_log] | without pre-screen ${full} s [$full_log]"
done
cd "$work/library"
mvn_ -q compile >/dev/null 2>&1
echo "library module: $(find src -name '*.java' | wc -l) classes"
for run in $(seq "$runs"); do
  skip=$(secs mvn_ leakguard:check)
  echo "run $run: mvn leakguard:check ${skip} s, $(grep -o 'skipped library.*' "$work/last.log" | grep -o '\[[0-9]* ms\]')"
done
