// A module without functions is skipped in one line, and nothing is analysed or written.
def log = new File(basedir, 'build.log').text
assert log =~ /LeakGuard: skipped library-plain: not a function module \(no Lambda, Cloud Functions or Azure Functions dependency and no template naming one of its handlers\); -Dleakguard.force=true checks it anyway \[\d+ ms\]/
assert !log.contains('LeakGuard: checking')
assert !new File(basedir, 'target/leakguard').exists()
assert log.contains('BUILD SUCCESS')
return true
