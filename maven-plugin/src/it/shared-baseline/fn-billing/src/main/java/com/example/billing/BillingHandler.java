package com.example.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.s3.S3Client;

public class BillingHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String invoice, Context context) {
    return invoice + S3Client.builder().build().listBuckets();
  }
}
