// The fixed twin passes the gate, and its reports say so.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('LeakGuard: checking function-fixed: a function module because it depends on com.amazonaws:aws-lambda-java-core')
def summary = log =~ /LeakGuard: no findings; 2 of 3 source files analysed \(1 skipped by the pre-screen\); (\d+) checks?;/
assert summary.find()
def checksRun = summary.group(1) as int
assert log.contains('BUILD SUCCESS')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/leakguard/leakguard.sarif'))
assert sarif.runs[0].results == []
// Every check the checker registers ran, and each is a SARIF rule with its documentation.
def rules = sarif.runs[0].tool.driver.rules
assert rules.size() == checksRun
assert rules*.id.contains('ClientBuiltInHandler')
rules.each { assert it.helpUri.endsWith("/docs/bugpattern/${it.id}.md") }
return true
