package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Exports one order from DynamoDB to S3 as JSON, with clients built once per environment. */
public class ExportOrdersHandler implements RequestHandler<Map<String, String>, String> {
  private static final DynamoDbClient DYNAMO = DynamoDbClient.create();
  private static final S3Client S3 = S3Client.builder().build();

  @Override
  public String handleRequest(Map<String, String> event, Context context) {
    Map<String, AttributeValue> item =
        DYNAMO
            .getItem(
                GetItemRequest.builder()
                    .tableName("orders")
                    .key(Map.of("id", AttributeValue.fromS(event.get("id"))))
                    .build())
            .item();
    String key = "exports/" + event.get("id") + ".json";
    S3.putObject(
        PutObjectRequest.builder().bucket("order-exports").key(key).build(),
        RequestBody.fromString(OrderJson.render(item)));
    return key;
  }
}
