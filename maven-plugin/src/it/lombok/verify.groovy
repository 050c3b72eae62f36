// Lombok's @Slf4j log field and @Data/@Builder members exist for the gate's javac as they did for
// the module's compile, whether Lombok runs from annotationProcessorPaths or from the class path.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('cannot find symbol')
assert !log.contains('could not analyse')
// fn-classpath compiles fn-apt's sources: paths name the file, whichever module analysed it.
def handler = 'fn-apt/src/main/java/com/example/orders/SaveOrderHandler.java'
// Both modules, after the compile and again with no classes and the model excluded from the analysis.
assert log.count("[ERROR] ${handler}:20: [ClientBuiltInHandler] DynamoDbClient.create() builds a new AWS SDK v2 service client") == 4
['fn-apt', 'fn-classpath'].each { module ->
  def sarif = new JsonSlurper().parse(new File(basedir, "${module}/target/leakguard/leakguard.sarif"))
  def uris = sarif.runs[0].results*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri
  assert uris == [handler]
  // Lombok's generated members were analysed, nothing was written to the module's outputs.
  assert !new File(basedir, "${module}/target/leakguard/classes/com").exists()
}
assert log =~ /LeakGuard: 1 finding \(ClientBuiltInHandler: 1\); 1 of 1 source files analysed/
assert log =~ /fn-apt \.+ FAILURE/
assert log =~ /fn-classpath \.+ FAILURE/
return true
