// The gate names the parameter and the JDK it needs, instead of failing in the checker's class loading.
def log = new File(basedir, 'build.log').text
assert log.contains("LeakGuard parameter 'errorProneVersion': Error Prone 2.52.0 needs JDK 21 or newer, and the analysis runs on JDK 17; accepted: Error Prone 2.42.0 or older on JDK 17 (the default), or a newer JDK to run Maven or as a jdk toolchain")
assert !log.contains('UnsupportedClassVersionError')
return true
