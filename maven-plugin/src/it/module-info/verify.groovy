// module-info.java is compiled as a module, its dependencies on the module path.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('could not analyse')
assert log.contains('[ERROR] src/main/java/com/example/ship/ShipHandler.java:10: [ClientBuiltInHandler] S3Client.create()')
def request = new JsonSlurper().parse(new File(basedir, 'target/leakguard/request.json'))
assert request.javacOptions.contains('--module-path')
assert !request.javacOptions.contains('-classpath')
return true
