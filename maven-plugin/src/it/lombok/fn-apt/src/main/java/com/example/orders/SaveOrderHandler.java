package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.orders.model.Order;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The usual Lambda logging set-up: Lombok's @Slf4j field. */
@Slf4j
public class SaveOrderHandler implements RequestHandler<Map<String, String>, String> {
  @Override
  public String handleRequest(Map<String, String> event, Context context) {
    Order order =
        Order.builder().id(event.get("id")).customer(event.get("customer")).cents(1250).build();
    log.info("saving order {} for {}", order.getId(), order.getCustomer());
    DynamoDbClient dynamo = DynamoDbClient.create();
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName("orders")
            .item(Map.of("id", AttributeValue.fromS(order.getId())))
            .build());
    return order.getId();
  }
}
