// The fixed twin passes the gate, and its reports say so.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('LeakGuard: checking function-fixed: a function module because it depends on com.amazonaws:aws-lambda-java-core')
assert log.contains('LeakGuard: no findings; 2 of 3 source files analysed (1 skipped by the pre-screen); 1 check;')
assert log.contains('BUILD SUCCESS')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/leakguard/leakguard.sarif'))
assert sarif.runs[0].results == []
assert sarif.runs[0].tool.driver.rules*.id.contains('ClientBuiltInHandler')
return true
