package com.example.orders;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders a DynamoDB item as a flat JSON object of strings. */
final class OrderJson {
  private OrderJson() {}

  static String render(Map<String, AttributeValue> item) {
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(item).forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(name).append("\":\"").append(value.s()).append('"');
    });
    return json.append('}').toString();
  }
}
