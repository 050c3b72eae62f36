// --enable-preview reaches the gate's javac: the preview pattern compiles and the leak is found.
def log = new File(basedir, 'build.log').text
assert !log.contains('could not analyse')
assert log.contains('[ERROR] src/main/java/com/example/shapes/SizeHandler.java:18: [ClientBuiltInHandler] S3Client.create()')
assert log.contains('LeakGuard found 1 leak at or above ERROR')
return true
