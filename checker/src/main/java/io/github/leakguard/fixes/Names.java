package io.github.leakguard.fixes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * Names a person would give: a constant is its type's or variable's words in UPPER_SNAKE_CASE with
 * acronyms and numbers kept whole ({@code DynamoDBClient} and {@code dynamoDbClient} give {@code
 * DYNAMO_DB_CLIENT}, {@code S3Client} gives {@code S3_CLIENT}, {@code HTTPClient} gives {@code
 * HTTP_CLIENT}); a local for a resource is the last word of its type ({@code response}, {@code
 * object}, {@code connection}).
 */
final class Names {

  /**
   * The words of a camel-case or snake-case name: {@code AmazonDynamoDBClient} gives Amazon,
   * Dynamo, DB, Client.
   */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '$') {
        flush(words, word);
        continue;
      }
      if (word.length() > 0 && Character.isUpperCase(c)) {
        char previous = name.charAt(i - 1);
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        // A capital starts a word after a lower-case letter or a digit (s3|Client), and ends an
        // acronym when a lower-case letter follows it (DB|Client).
        if (!Character.isUpperCase(previous) || nextIsLower) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return words;
  }

  /** {@code DynamoDbClient}, {@code dynamoDBClient}: {@code DYNAMO_DB_CLIENT}. */
  static String constant(String name) {
    return String.join("_", words(name)).toUpperCase(Locale.ROOT);
  }

  /**
   * The last word of a type's name, in lower case, or the whole name when that is no identifier.
   */
  static String local(String typeName) {
    List<String> words = words(typeName);
    if (words.isEmpty()) {
      return "resource";
    }
    String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
    if (SourceVersion.isName(last) && Character.isLetter(last.charAt(0))) {
      return last;
    }
    String whole = Character.toLowerCase(typeName.charAt(0)) + typeName.substring(1);
    return SourceVersion.isName(whole) ? whole : "resource";
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private Names() {}
}
