package com.example.count;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/** No leak: the client is built once. javac still warns: removal, synchronization, rawtypes. */
public class CountHandler implements RequestHandler<Integer, Integer> {
  private static final S3Client S3 = S3Client.create();

  @Override
  public Integer handleRequest(Integer n, Context context) {
    Integer boxed = new Integer(n);
    synchronized (boxed) {
      List raw = new ArrayList();
      raw.add(S3.listBuckets().buckets().size());
      return boxed + raw.size();
    }
  }
}
