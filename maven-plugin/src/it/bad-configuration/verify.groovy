// Each invocation failed with MojoExecutionException (not a findings failure) and a message
// naming the parameter and the accepted values.
def log = new File(basedir, 'build.log').text
assert log.contains("LeakGuard parameter 'checks': unknown check 'NoSuchCheck'; accepted: the LeakGuard checks ClientBuiltInHandler")
assert log.contains("LeakGuard parameter 'failOnSeverity': 'FATAL' is not a severity; accepted: ERROR, WARN")
assert log =~ /LeakGuard parameter 'baseline': \S*not-a-baseline.txt does not start with the baseline header; accepted: a file written by 'mvn leakguard:baseline'/
assert log =~ /LeakGuard parameter 'templates': the template \S*missing-template.yaml is not a readable file; accepted: paths \(relative to the module\) of SAM, Serverless or CDK templates/
assert log.contains("LeakGuard parameter 'checks': 'FATAL' in 'ClientBuiltInHandler:FATAL' is not a severity; accepted: ERROR, WARN, OFF")
assert log.contains("LeakGuard parameter 'maxIdle': '5min' is not a positive duration; accepted: an ISO-8601 duration such as PT5M")
assert !log.contains('MojoFailureException')
assert log.count('MojoExecutionException') >= 6
return true
