// leakguard:baseline records both findings without failing; check with that baseline passes;
// check with an older baseline that knows only one of them fails on the other alone.
def handler = 'src/main/java/com/example/invoices/ArchiveInvoicesHandler.java'
def baseline = new File(basedir, 'leakguard-baseline.txt').readLines()
assert baseline == [
    '# LeakGuard baseline v1: check<TAB>path<TAB>normalized source line',
    "ClientBuiltInHandler\t${handler}\tS3Client archive = S3Client.create();".toString(),
    "ClientBuiltInHandler\t${handler}\tDynamoDbClient invoices = DynamoDbClient.builder().build();".toString()]

def log = new File(basedir, 'build.log').text
assert log.contains('LeakGuard: wrote 2 findings to the baseline')
assert log =~ /LeakGuard: 2 findings are in the baseline \S*leakguard-baseline.txt, 0 are new/
assert log.contains("[WARNING] ${handler}:21: [ClientBuiltInHandler] S3Client.create()")
assert log.contains("[WARNING] ${handler}:33: [ClientBuiltInHandler] DynamoDbClient.builder()")

assert log =~ /LeakGuard: 1 findings are in the baseline \S*partial-baseline.txt, 1 are new/
assert log.contains("[ERROR] ${handler}:33: [ClientBuiltInHandler] DynamoDbClient.builder()")
assert log.contains('LeakGuard found 1 leak at or above ERROR that the baseline does not cover')
assert log.count('MojoFailureException') >= 1
return true
