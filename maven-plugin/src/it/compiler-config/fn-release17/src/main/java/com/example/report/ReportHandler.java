package com.example.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.report.util.*;
import software.amazon.awssdk.services.s3.S3Client;

public class ReportHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String event, Context context) {
    S3Client s3 = S3Client.create();
    return IO.line(s3.listBuckets().toString());
  }
}
