package com.example.ping;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.s3.S3Client;

/** Checks that the bucket answers. */
public class PingHandler implements RequestHandler<String, Integer> {

  @Override
  public Integer handleRequest(String bucket, Context context) {
    S3Client s3 = S3Client.create();
    return s3.listObjectsV2(list -> list.bucket(bucket).maxKeys(1)).keyCount();
  }
}
