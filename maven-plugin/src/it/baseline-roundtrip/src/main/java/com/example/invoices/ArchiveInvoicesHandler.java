package com.example.invoices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** Archives a day's invoices: reads each from DynamoDB, writes it to S3. */
public class ArchiveInvoicesHandler
    implements RequestHandler<ArchiveInvoicesHandler.Day, Integer> {

  /** The scheduler's event: a date and the invoices issued that day. */
  public record Day(String date, List<String> invoiceIds) {}

  @Override
  public Integer handleRequest(Day day, Context context) {
    S3Client archive = S3Client.create();
    int written = 0;
    for (String id : day.invoiceIds()) {
      archive.putObject(
          put -> put.bucket("invoice-archive").key(day.date() + "/" + id + ".txt"),
          RequestBody.fromString(lookup(id)));
      written++;
    }
    return written;
  }

  private static String lookup(String id) {
    DynamoDbClient invoices = DynamoDbClient.builder().build();
    return invoices
        .getItem(get -> get.tableName("invoices").key(Map.of("id", AttributeValue.fromS(id))))
        .item()
        .toString();
  }
}
