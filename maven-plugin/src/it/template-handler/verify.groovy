// The template's Handler reaches the checker (HandlerMethods): handle(Map) is a handler, describe() is not.
def log = new File(basedir, 'build.log').text
assert log.contains('LeakGuard: checking template-handler: a function module because template.yaml names handler com.example.App')
assert log.contains('LeakGuard: handlers named in templates: com.example.App::handle')
assert log.contains('[ERROR] src/main/java/com/example/App.java:9: [ClientBuiltInHandler] S3Client.create() builds a new AWS SDK v2 service client (S3Client) on every invocation of handler App.handle, which a deployment template names (HandlerMethods)')
assert !log.contains('App.java:14:')
assert log.contains('LeakGuard found 1 leak at or above ERROR')
return true
