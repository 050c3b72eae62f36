// leakguard:fix on a git repository: the dry run prints the diff and writes nothing, the fix writes
// it in the files' own line endings and encoding, and the gate passes after it; with uncommitted
// work in the files to change, it refuses and changes nothing (a later run with allowDirty still
// finds every fix to make), even with leakguard.force; allowDirty fixes and keeps that work.
def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 5

def orders = 'fn-orders/src/main/java/com/example/orders'
def fixed = 'LeakGuard fix: 2 files changed, 2 findings fixed (ClientBuiltInHandler: 2); 2 left with' +
    ' no mechanical fix (FileDescriptorBudget: 2)'

// 1: the dry run.
def dry = runs[0]
for (handler in ['OrderHandler', 'ReceiptHandler']) {
  assert dry.contains("[INFO] --- a/${orders}/${handler}.java")
  assert dry.contains("[INFO] +++ b/${orders}/${handler}.java")
}
assert dry.contains('[INFO] -    DynamoDbClient dynamo = DynamoDbClient.create();')
assert dry =~ /\[INFO\] \+\s*private static final DynamoDbClient \w+ = DynamoDbClient\.create\(\);/
assert dry.contains('[INFO] -    S3Client receipts = S3Client.create();')
assert dry =~ /\[INFO\] \+\s*private static final S3Client \w+ = S3Client\.create\(\);/
assert dry.contains('LeakGuard fix (dry run): 2 files to change, 2 findings to fix (ClientBuiltInHandler:' +
    ' 2); 2 left with no mechanical fix (FileDescriptorBudget: 2); nothing was written')
assert dry.contains("[WARNING] ${orders}/OrderHandler.java:11: [FileDescriptorBudget]")
assert dry.contains('BUILD SUCCESS')

// 2: the fix finds every fix still to make (the dry run wrote nothing), and a modified file no fix
// touches (model/Order.java) does not stop it.
assert runs[1].contains("LeakGuard fix: changed ${orders}/OrderHandler.java")
assert runs[1].contains("LeakGuard fix: changed ${orders}/ReceiptHandler.java")
assert runs[1].contains(fixed)
assert runs[1].contains('BUILD SUCCESS')

// 3: the gate passes on the result; the findings no fix takes away are warnings.
assert runs[2].contains('LeakGuard: 2 findings (FileDescriptorBudget: 2)')
assert !runs[2].contains('[ClientBuiltInHandler]')
assert runs[2].contains('BUILD SUCCESS')

// The files: CRLF stays CRLF on every line, LF stays LF, UTF-8 stays UTF-8, the user's work stays.
def order = new File(basedir, "${orders}/OrderHandler.java").getText('UTF-8')
assert order.count('\n') == order.count('\r\n') && order.count('\n') > 20
assert order.contains('totals are in € (the file is UTF-8')
assert !order.contains('DynamoDbClient dynamo = DynamoDbClient.create();')
assert order =~ /static final DynamoDbClient \w+ = DynamoDbClient\.create\(\);\r\n/
def receipt = new File(basedir, "${orders}/ReceiptHandler.java").getText('UTF-8')
assert !receipt.contains('\r')
assert receipt =~ /static final S3Client \w+ = S3Client\.create\(\);\n/
assert new File(basedir, "${orders}/model/Order.java").getText('UTF-8').contains('as the API sends it (v2)')
// The patch the fix wrote undoes it.
def undo = ['git', '-C', basedir.path, 'apply', '--check', '-R',
            new File(basedir, 'fn-orders/target/leakguard/leakguard-fix.patch').path].execute()
def undoOutput = new StringBuilder()
undo.waitForProcessOutput(undoOutput, undoOutput)
assert undo.exitValue() == 0 : undoOutput

// 4: refused, naming each file and what git says of it, and what to do.
def ping = 'fn-dirty/src/main/java/com/example/ping'
def refused = runs[3]
assert refused.contains('[ERROR] LeakGuard fix changed nothing: 2 files its fixes change hold work git does not have:')
assert refused.contains("[ERROR]   ${ping}/EchoHandler.java (untracked)")
assert refused.contains("[ERROR]   ${ping}/PingHandler.java (modified)")
assert refused.contains('-Dleakguard.allowDirty=true')
assert refused.contains('(-Dleakguard.force=true does not allow this: it only makes LeakGuard analyse a module that does not look like a function module.)')
assert refused.contains('BUILD FAILURE')

// 5: allowDirty fixes both (so run 4 changed nothing) and keeps the uncommitted work.
assert runs[4].contains('LeakGuard fix: changing files git does not have committed (allowDirty):')
assert runs[4].contains(fixed)
def pingHandler = new File(basedir, "${ping}/PingHandler.java").getText('UTF-8')
assert pingHandler.contains('// TODO: ping every bucket in the list')
assert pingHandler =~ /static final S3Client \w+ = S3Client\.create\(\);/
assert new File(basedir, "${ping}/EchoHandler.java").getText('UTF-8') =~ /static final S3Client \w+ = S3Client\.create\(\);/
return true
