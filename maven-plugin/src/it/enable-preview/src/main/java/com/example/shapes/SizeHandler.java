package com.example.shapes;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.s3.S3Client;

public class SizeHandler implements RequestHandler<Integer, String> {
  @Override
  public String handleRequest(Integer size, Context context) {
    int n = size;
    // Primitive types in patterns: a preview language feature of JDK 25.
    String label =
        switch (n) {
          case 0 -> "empty";
          case int i when i < 10 -> "small";
          case int i -> "large";
        };
    S3Client s3 = S3Client.create();
    return label + s3.listBuckets().buckets().size();
  }
}
