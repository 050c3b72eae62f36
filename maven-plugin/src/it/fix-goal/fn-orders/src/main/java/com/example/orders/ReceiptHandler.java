package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.orders.model.Order;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Stores an order's receipt. */
public class ReceiptHandler implements RequestHandler<Order, String> {

  @Override
  public String handleRequest(Order order, Context context) {
    S3Client receipts = S3Client.create();
    receipts.putObject(
        put -> put.bucket("receipts").key(order.id() + ".txt"),
        RequestBody.fromString(order.id() + ": " + order.total()));
    return order.id();
  }
}
