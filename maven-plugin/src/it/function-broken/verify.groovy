// The gate trips on both clients built in the handler, says why the module was checked, and
// writes SARIF that code scanning can place in the repository.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def handler = 'src/main/java/com/example/orders/ExportOrdersHandler.java'

assert log.contains('LeakGuard: checking function-broken: a function module because it depends on com.amazonaws:aws-lambda-java-core (an AWS Lambda runtime library)')
assert log =~ /\[ERROR\] ${java.util.regex.Pattern.quote(handler)}:18: \[ClientBuiltInHandler\] DynamoDbClient.create\(\) builds a new AWS SDK v2 service client/
assert log =~ /\[ERROR\] ${java.util.regex.Pattern.quote(handler)}:27: \[ClientBuiltInHandler\] .*builds a new AWS SDK v2 service client \(S3Client\)/
assert log.contains('LeakGuard: 2 findings (ClientBuiltInHandler: 2); 2 of 3 source files analysed (1 skipped by the pre-screen)')
assert log.contains('LeakGuard found 2 leaks at or above ERROR')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/leakguard/leakguard.sarif'))
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
  def location = result.locations[0].physicalLocation
  assert location.artifactLocation.uri == handler
  assert location.artifactLocation.uriBaseId == '%SRCROOT%'
}
assert run.results*.locations*.getAt(0)*.physicalLocation*.region*.startLine == [18, 27]

def text = new File(basedir, 'target/leakguard/leakguard.txt').text
assert text.contains(handler + ':18: [ClientBuiltInHandler]')
// The module's own classes are untouched: the analysis wrote none of its own.
assert !new File(basedir, 'target/leakguard/classes/com').exists()
return true
