// A git repository, as on a developer's machine: everything committed, then work in progress.
def git(String... args) {
  def command = ['git', '-C', basedir.path, '-c', 'user.name=LeakGuard IT',
                 '-c', 'user.email=it@leakguard.invalid', '-c', 'commit.gpgsign=false'] + args.toList()
  def process = command.execute()
  def output = new StringBuilder()
  process.waitForProcessOutput(output, output)
  assert process.exitValue() == 0 : "${args.join(' ')}: ${output}"
}

// One handler with Windows line endings: the fix must write CRLF too.
def order = new File(basedir, 'fn-orders/src/main/java/com/example/orders/OrderHandler.java')
order.setText(order.getText('UTF-8').replace('\r\n', '\n').replace('\n', '\r\n'), 'UTF-8')

new File(basedir, '.gitignore').setText('target/\nbuild.log\n', 'UTF-8')
git('init', '-q')
git('add', '-A')
git('commit', '-q', '-m', 'Functions')

// Work in progress: a file the fixes change (modified), a new file (untracked), and in the other
// module a modified file no fix touches, which must not stop its fixes.
def ping = new File(basedir, 'fn-dirty/src/main/java/com/example/ping/PingHandler.java')
ping.setText(ping.getText('UTF-8').replace('/** Checks', '// TODO: ping every bucket in the list\n/** Checks'), 'UTF-8')
new File(basedir, 'fn-dirty/src/main/java/com/example/ping/EchoHandler.java').setText('''\
package com.example.ping;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.s3.S3Client;

/** Echoes the bucket's region; not committed yet. */
public class EchoHandler implements RequestHandler<String, String> {

  @Override
  public String handleRequest(String bucket, Context context) {
    S3Client s3 = S3Client.create();
    return s3.getBucketLocation(get -> get.bucket(bucket)).locationConstraintAsString();
  }
}
''', 'UTF-8')
def model = new File(basedir, 'fn-orders/src/main/java/com/example/orders/model/Order.java')
model.setText(model.getText('UTF-8').replace('as the API sends it', 'as the API sends it (v2)'), 'UTF-8')
return true
