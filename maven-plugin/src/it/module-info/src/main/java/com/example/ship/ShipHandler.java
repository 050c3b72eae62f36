package com.example.ship;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.s3.S3Client;

public class ShipHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String order, Context context) {
    S3Client s3 = S3Client.create();
    return order + s3.listBuckets().buckets().size();
  }
}
