// Under -T 2 each module gets its own verdict: the broken function fails, its twin passes, the
// library is skipped, and each module's reports land in its own target directory.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('LeakGuard: checking orders-broken: a function module because it depends on com.amazonaws:aws-lambda-java-core')
assert log.contains('LeakGuard: checking orders-fixed: a function module because it depends on com.amazonaws:aws-lambda-java-core')
assert log =~ /LeakGuard: skipped money-lib: not a function module/
// Paths are relative to the reactor's root, as code scanning expects.
assert log.contains('[ERROR] orders-broken/src/main/java/com/example/orders/ExportOrdersHandler.java:18: [ClientBuiltInHandler]')
assert log =~ /orders-broken \.+ FAILURE/
assert log =~ /orders-fixed \.+ SUCCESS/
assert log =~ /money-lib \.+ SUCCESS/

def broken = new JsonSlurper().parse(new File(basedir, 'orders-broken/target/leakguard/leakguard.sarif'))
assert broken.runs[0].results*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri.unique() ==
    ['orders-broken/src/main/java/com/example/orders/ExportOrdersHandler.java']
def fixed = new JsonSlurper().parse(new File(basedir, 'orders-fixed/target/leakguard/leakguard.sarif'))
assert fixed.runs[0].results == []
assert !new File(basedir, 'money-lib/target/leakguard').exists()
return true
