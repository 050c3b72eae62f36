// Each invocation failed with MojoExecutionException (not a findings failure) and one line naming
// the parameter, the bad value and what is accepted, before any analysis.
def log = new File(basedir, 'build.log').text
assert log.contains("LeakGuard parameter 'checks': unknown check 'NoSuchCheck'; accepted: the LeakGuard checks ClientBuiltInHandler")
assert log.contains("LeakGuard parameter 'failOnSeverity': 'FATAL' is not a severity; accepted: ERROR, WARN")
assert log =~ /LeakGuard parameter 'baseline': \S*not-a-baseline.txt does not start with the baseline header; accepted: a file written by 'mvn leakguard:baseline'/
assert log =~ /LeakGuard parameter 'templates': the template \S*missing-template.yaml is not a readable file; accepted: paths \(relative to the module\) of SAM, Serverless or CDK templates/
assert log.contains("LeakGuard parameter 'checks': 'FATAL' in 'ClientBuiltInHandler:FATAL' is not a severity; accepted: ERROR, WARN, OFF")
assert log.contains("LeakGuard parameter 'maxIdle': '5min' is not valid; accepted: an ISO-8601 duration such as PT5M (default PT5M)")
assert log.contains("LeakGuard parameter 'extraChecks': 'NoSuchCheck' is not a check that Error Prone or LeakGuard registers; accepted: names of Error Prone's checks (https://errorprone.info/bugpatterns)")
// The checker's own verdict, not Maven's conversion error.
assert log.contains("LeakGuard parameter 'fdBudget': 'abc' is not valid; accepted: a whole number from 1 to 1048576 (default 1024)")
assert !log.contains('Cannot convert')
assert log =~ /LeakGuard parameter 'baseline': \S*foreign-baseline.txt was written for another module or project: none of its entries is a file of this module \(\.\/\.\.\.\); the first is src\/main\/java\/com\/acme\/billing\/InvoiceHandler.java/
assert log =~ /LeakGuard parameter 'baseline': \S*missing-baseline.txt does not exist \(a module added after the baseline was written\?\); accepted: a baseline written for this module: create it with 'mvn compile leakguard:baseline -Dleakguard.baseline=missing-baseline.txt'/
assert log =~ /LeakGuard parameter 'baseline': \S*binary-baseline.bin is not UTF-8 text \(a binary file\?\)/
assert !log.contains('Input length')
assert log.contains("LeakGuard parameter 'errorProneVersion': Error Prone '9.9.9' cannot be resolved from the build's plugin repositories; accepted: an Error Prone release")
assert log =~ /\[WARNING\] LeakGuard: no finding matched any of the 1 entries of the baseline \S*stale-baseline.txt/
// No configuration error reached javac or Error Prone.
assert !log.contains('InvalidCommandLineOptionException')
assert !log.contains('MojoFailureException')
assert log.count('MojoExecutionException') >= 12
return true
