package com.example.orders.model;

/** An order as the API sends it. */
public record Order(String id, String total) {}
