// Only the finding the baseline does not cover fails the build.
def log = new File(basedir, 'build.log').text
def handler = 'src/main/java/com/example/orders/ExportOrdersHandler.java'
assert log.contains("[WARNING] ${handler}:18: [ClientBuiltInHandler] DynamoDbClient.create()")
assert log.contains("[ERROR] ${handler}:27: [ClientBuiltInHandler]")
assert log.contains('LeakGuard: 1 findings are in the baseline')
assert log.contains(', 1 are new')
assert log.contains('LeakGuard found 1 leak at or above ERROR that the baseline does not cover')
return true
