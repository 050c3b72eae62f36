package com.example.money;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches exchange rates; built per call, which only matters inside a function. */
public final class RatesClient {
  public String fetch(String currency) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    return http.send(
            HttpRequest.newBuilder(URI.create("https://rates.example.com/" + currency)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
