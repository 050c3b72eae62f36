// The gate compiles each module as its build does: release 11 and 17 (so the module's own Record and
// IO classes do not clash with java.lang's), the compiler's excludes (the unfinished draft is not
// compiled), and javac's lint warnings are never findings.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('could not analyse')
assert !log.contains('is ambiguous')
assert !log.contains('Draft.java')

assert log.contains('[ERROR] fn-release11/src/main/java/com/example/audit/AuditHandler.java:14: [ClientBuiltInHandler] S3Client.create()')
assert log.contains('[ERROR] fn-release17/src/main/java/com/example/report/ReportHandler.java:11: [ClientBuiltInHandler] S3Client.create()')

// fn-lint: javac warned (the module's compile shows it), the gate found nothing.
assert log =~ /WARNING\] \S*CountHandler.java:\[15,\d+\] /
def lint = new JsonSlurper().parse(new File(basedir, 'fn-lint/target/leakguard/leakguard.sarif'))
assert lint.runs[0].results == []
assert lint.runs[0].tool.driver.rules*.id.every { it ==~ /[A-Z]\w+/ && !(it in ['removal', 'synchronization', 'rawtypes']) }
assert new File(basedir, 'fn-lint/target/leakguard/javac.log').text.contains('warning: [rawtypes]')
assert log =~ /fn-lint \.+ SUCCESS/
assert log =~ /fn-release11 \.+ FAILURE/
assert log =~ /fn-release17 \.+ FAILURE/
return true
