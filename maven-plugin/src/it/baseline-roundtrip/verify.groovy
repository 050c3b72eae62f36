// leakguard:baseline records both findings without failing; check with the baseline passes.
def baseline = new File(basedir, 'leakguard-baseline.txt').readLines()
assert baseline[0].startsWith('# LeakGuard baseline v1')
def handler = 'src/main/java/com/example/orders/ExportOrdersHandler.java'
assert baseline[1] == "ClientBuiltInHandler\t${handler}\tDynamoDbClient dynamo = DynamoDbClient.create();"
assert baseline[2] == "ClientBuiltInHandler\t${handler}\tS3Client s3 = S3Client.builder().build();"
assert baseline.size() == 3

def log = new File(basedir, 'build.log').text
assert log.contains('LeakGuard: wrote 2 findings to the baseline')
assert log.contains('LeakGuard: 2 findings are in the baseline')
assert log.contains(', 0 are new')
assert log.contains("[WARNING] ${handler}:18: [ClientBuiltInHandler]")
assert log.contains('(in the baseline)')
assert !log.contains('BUILD FAILURE')
return true
