package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.s3.S3Client;

public class OrdersHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String order, Context context) {
    return order + S3Client.create().listBuckets();
  }
}
