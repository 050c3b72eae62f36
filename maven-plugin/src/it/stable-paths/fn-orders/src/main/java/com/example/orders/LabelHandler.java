package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Labels in German, so the flagged lines hold text beyond ASCII. */
public class LabelHandler implements RequestHandler<String, String> {
  @Override
  public String handleRequest(String order, Context context) {
    if (order.isEmpty()) {
      String label = "Größe → ✓ " + S3Client.create().listBuckets();
      return label;
    }
    if (order.length() > 10) {
      String label = "Größe → ✓ " + S3Client.create().listBuckets();
      return label;
    }
    return "Bestellung " + DynamoDbClient.builder().build().listTables();
  }
}
