package com.example.orders.model;

import lombok.Builder;
import lombok.Data;

/** A model whose accessors and builder Lombok generates. */
@Data
@Builder
public class Order {
  private final String id;
  private final String customer;
  private final long cents;
}
