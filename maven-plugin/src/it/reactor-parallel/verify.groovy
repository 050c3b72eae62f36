// A broken function, its fixed twin and a plain library, built with -T 2 --fail-at-end.
// Each module gets its own verdict and its own reports; paths are relative to the reactor's root.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def handler = 'orders-broken/src/main/java/com/example/orders/ExportOrdersHandler.java'

// The broken function fails with both clients built in its handler, and says why it was checked.
assert log.contains('LeakGuard: checking orders-broken: a function module because it depends on com.amazonaws:aws-lambda-java-core (an AWS Lambda runtime library)')
assert log =~ /LeakGuard: Error Prone 2\.(42|52)\.0 on JDK \d+/
assert log =~ /\[ERROR\] ${java.util.regex.Pattern.quote(handler)}:18: \[ClientBuiltInHandler\] DynamoDbClient.create\(\) builds a new AWS SDK v2 service client/
assert log =~ /\[ERROR\] ${java.util.regex.Pattern.quote(handler)}:27: \[ClientBuiltInHandler\] .*builds a new AWS SDK v2 service client \(S3Client\)/
assert log.contains("Did you mean 'private static final DynamoDbClient DYNAMO = DynamoDbClient.create();'?")
assert log =~ /LeakGuard: 2 findings \(ClientBuiltInHandler: 2\); 2 of 3 source files analysed \(1 skipped by the pre-screen\); \d+ checks?;/
assert log.contains('LeakGuard found 2 leaks at or above ERROR')
assert log =~ /orders-broken \.+ FAILURE/

def sarif = new JsonSlurper().parse(new File(basedir, 'orders-broken/target/leakguard/leakguard.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'LeakGuard'
def rule = run.tool.driver.rules.find { it.id == 'ClientBuiltInHandler' }
assert rule.helpUri.endsWith('docs/bugpattern/ClientBuiltInHandler.md')
assert rule.defaultConfiguration.level == 'error'
assert rule.shortDescription.text
assert run.results.size() == 2
run.results.each { result ->
  assert result.ruleId == 'ClientBuiltInHandler'
  assert result.level == 'error'
  assert run.tool.driver.rules[result.ruleIndex].id == 'ClientBuiltInHandler'
  def location = result.locations[0].physicalLocation
  assert location.artifactLocation.uri == handler
  assert location.artifactLocation.uriBaseId == '%SRCROOT%'
}
assert run.results*.locations*.getAt(0)*.physicalLocation*.region*.startLine == [18, 27]
assert new File(basedir, 'orders-broken/target/leakguard/leakguard.txt').text.contains(handler + ':18: [ClientBuiltInHandler]')
// The analysis wrote no classes: javac stopped after flow analysis.
assert !new File(basedir, 'orders-broken/target/leakguard/classes/com').exists()

// The fixed twin passes; every check the checker registers ran and is a documented SARIF rule.
assert log.contains('LeakGuard: checking orders-fixed: a function module because it depends on com.amazonaws:aws-lambda-java-core')
def summary = log =~ /LeakGuard: no findings; 2 of 3 source files analysed \(1 skipped by the pre-screen\); (\d+) checks?;/
assert summary.find()
def fixed = new JsonSlurper().parse(new File(basedir, 'orders-fixed/target/leakguard/leakguard.sarif'))
assert fixed.runs[0].results == []
def rules = fixed.runs[0].tool.driver.rules
assert rules.size() == (summary.group(1) as int)
assert rules*.id.contains('ClientBuiltInHandler')
rules.each { assert it.helpUri.endsWith("/docs/bugpattern/${it.id}.md") }
assert log =~ /orders-fixed \.+ SUCCESS/

// The library is skipped in one line, and nothing is analysed or written.
assert log =~ /LeakGuard: skipped money-lib: not a function module \(no Lambda, Cloud Functions or Azure Functions dependency and no template naming one of its handlers\); -Dleakguard.force=true checks it anyway \[\d+ ms\]/
assert !log.contains('LeakGuard: checking money-lib')
assert !new File(basedir, 'money-lib/target/leakguard').exists()
assert log =~ /money-lib \.+ SUCCESS/
return true
