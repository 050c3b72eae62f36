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

/** Exports one order from DynamoDB to S3 as JSON. */
public class ExportOrdersHandler implements RequestHandler<Map<String, String>, String> {

  @Override
  public String handleRequest(Map<String, String> event, Context context) {
    DynamoDbClient dynamo = DynamoDbClient.create();
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                GetItemRequest.builder()
                    .tableName("orders")
                    .key(Map.of("id", AttributeValue.fromS(event.get("id"))))
                    .build())
            .item();
    S3Client s3 = S3Client.builder().build();
    String key = "exports/" + event.get("id") + ".json";
    s3.putObject(
        PutObjectRequest.builder().bucket("order-exports").key(key).build(),
        RequestBody.fromString(OrderJson.render(item)));
    return key;
  }
}
