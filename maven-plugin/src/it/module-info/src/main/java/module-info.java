module com.example.ship {
  requires aws.lambda.java.core;
  requires software.amazon.awssdk.services.s3;
  requires software.amazon.awssdk.core;

  exports com.example.ship;
}
