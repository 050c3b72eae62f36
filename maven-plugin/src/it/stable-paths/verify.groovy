// Baselines and SARIF are identical, byte for byte, from the root, with -pl, with -f, from the
// module's directory and under LANG=C; paths start at the repository; two identical flagged lines
// have their own fingerprints.
import groovy.json.JsonSlurper

def module = new File(basedir, 'fn-orders')
def runs = ['root', 'pl', 'f', 'cd', 'c']
def baselines = runs.collect { new File(module, "baselines/${it}.txt").bytes }
def sarifs = runs.collect { new File(module, "target/lg-${it}/leakguard.sarif").bytes }
runs.eachWithIndex { run, i ->
  assert Arrays.equals(baselines[0], baselines[i]) : "baseline of run '${run}' differs"
  assert Arrays.equals(sarifs[0], sarifs[i]) : "SARIF of run '${run}' differs"
}

def handler = 'fn-orders/src/main/java/com/example/orders/LabelHandler.java'
def baseline = new String(baselines[0], 'UTF-8').readLines()
assert baseline.size() == 4
assert baseline.count("ClientBuiltInHandler\t${handler}\tString label = \"Größe → ✓ \" + S3Client.create().listBuckets();".toString()) == 2
assert baseline[3] == "ClientBuiltInHandler\t${handler}\treturn \"Bestellung \" + DynamoDbClient.builder().build().listTables();".toString()

def sarif = new JsonSlurper().parse(new File(module, 'target/lg-c/leakguard.sarif'), 'UTF-8')
def results = sarif.runs[0].results
assert results.size() == 3
results.each { assert it.locations[0].physicalLocation.artifactLocation.uri == handler }
assert results*.partialFingerprints*.'leakguard/v2'.unique().size() == 3
assert results[2].message.text.contains('DynamoDbClient.builder()…build()')
assert sarif.runs[0].originalUriBaseIds.'%SRCROOT%'.description.text

def log = new File(basedir, 'build.log').text
// Run 5 really ran under LANG=C: the analysis JVM's platform encoding was ASCII, run 1's UTF-8.
def nativeEncoding = { run -> new JsonSlurper().parse(new File(module, "target/lg-${run}/result.json")).nativeEncoding }
assert nativeEncoding('c') == 'ANSI_X3.4-1968'
assert nativeEncoding('root') == 'UTF-8'

assert log.contains('LeakGuard: 3 findings are in the baseline')
assert log.contains(', 0 are new')
return true
