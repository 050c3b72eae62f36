package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.orders.model.Order;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Saves an order; totals are in € (the file is UTF-8 with CRLF line endings). */
public class OrderHandler implements RequestHandler<Order, String> {

  @Override
  public String handleRequest(Order order, Context context) {
    DynamoDbClient dynamo = DynamoDbClient.create();
    dynamo.putItem(
        put ->
            put.tableName("orders")
                .item(
                    Map.of(
                        "id", AttributeValue.fromS(order.id()),
                        "total", AttributeValue.fromS(order.total() + " €"))));
    return order.id();
  }
}
