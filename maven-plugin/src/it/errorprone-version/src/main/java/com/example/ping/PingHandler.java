package com.example.ping;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Answers health checks; nothing to leak, so only the gate's settings can fail the build. */
public class PingHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String input, Context context) {
    return "pong " + input;
  }
}
