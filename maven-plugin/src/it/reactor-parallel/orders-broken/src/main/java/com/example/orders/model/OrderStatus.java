package com.example.orders.model;

import java.util.Locale;

/** Order states; plain data, which the pre-screen leaves out of the analysis. */
public enum OrderStatus {
  OPEN,
  SHIPPED,
  CANCELLED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
