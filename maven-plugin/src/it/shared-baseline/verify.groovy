// One baseline at the root, written by both modules and read by each: neither module's run drops
// the other's entry, and the module gated from its own directory finds its finding baselined.
def lines = new File(basedir, 'leakguard-baseline.txt').readLines('UTF-8')
assert lines.size() == 3 : lines
assert lines[1].startsWith('ClientBuiltInHandler\tfn-billing/src/main/java/com/example/billing/BillingHandler.java\t')
assert lines[2].startsWith('ClientBuiltInHandler\tfn-orders/src/main/java/com/example/orders/OrdersHandler.java\t')

def log = new File(basedir, 'build.log').text
assert log.contains('LeakGuard: 1 findings are in the baseline') : 'fn-billing was not gated by the shared baseline'
assert log.contains(', 0 are new')
assert !log.contains('was written for another module')
return true
