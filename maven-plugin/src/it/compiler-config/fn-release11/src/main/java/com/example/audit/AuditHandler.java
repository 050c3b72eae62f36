package com.example.audit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.audit.lang.*;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

public class AuditHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String event, Context context) {
    Record record = new Record(event);
    S3Client s3 = S3Client.create();
    s3.putObject(
        PutObjectRequest.builder().bucket("audit").key("line").build(),
        RequestBody.fromString(record.line()));
    return record.line();
  }
}
