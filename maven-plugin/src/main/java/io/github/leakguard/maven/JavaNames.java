package io.github.leakguard.maven;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names a Java source file uses, read by a small lexer: its package, imports, declared types
 * and every dotted name ({@code java.net.http.HttpClient}, {@code S3Client.create}). Comments and
 * literals are skipped, so nothing inside them counts. It is a fraction of the cost of a full
 * parse, which matters when a module has thousands of files to screen.
 *
 * @param pkg the package, or empty for the default package
 * @param imports every import, as written, with {@code static } and {@code .*} kept
 * @param declaredTypes simple names of the types the file declares, nested ones included
 * @param chains every dotted name not preceded by a dot, split into its segments
 */
record JavaNames(
    String pkg, List<String> imports, Set<String> declaredTypes, List<List<String>> chains) {

  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
          "null", "var", "yield", "record", "sealed", "permits", "non");

  private static final Set<String> DECLARING = Set.of("class", "interface", "enum", "record");

  /** Reads {@code source}; empty when it cannot be lexed (an unclosed comment or literal). */
  static Optional<JavaNames> read(String source) {
    List<String> tokens = tokens(source);
    if (tokens == null) {
      return Optional.empty();
    }
    String pkg = "";
    List<String> imports = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    List<List<String>> chains = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean afterDot = i > 0 && tokens.get(i - 1).equals(".");
      if (afterDot) {
        continue;
      }
      if (token.equals("package") || token.equals("import")) {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        for (; j < tokens.size() && !tokens.get(j).equals(";"); j++) {
          name.append(tokens.get(j).equals("static") ? "static " : tokens.get(j));
        }
        if (token.equals("package")) {
          pkg = name.toString();
        } else {
          imports.add(name.toString());
        }
        i = j;
      } else if (DECLARING.contains(token)
          && i + 1 < tokens.size()
          && isIdentifier(tokens.get(i + 1))) {
        declared.add(tokens.get(i + 1));
        i++;
      } else if (isIdentifier(token) && !KEYWORDS.contains(token)) {
        List<String> chain = new ArrayList<>();
        chain.add(token);
        int j = i + 1;
        while (j + 1 < tokens.size() && tokens.get(j).equals(".") && isIdentifier(tokens.get(j + 1))
            && !tokens.get(j + 1).equals("class")) {
          chain.add(tokens.get(j + 1));
          j += 2;
        }
        chains.add(chain);
        i = j - 1;
      }
    }
    return Optional.of(new JavaNames(pkg, imports, declared, chains));
  }

  private static boolean isIdentifier(String token) {
    return !token.isEmpty() && Character.isJavaIdentifierStart(token.charAt(0));
  }

  /** Identifiers and single punctuation characters; null when a comment or literal is open. */
  private static List<String> tokens(String s) {
    List<String> tokens = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        int end = s.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          return null;
        }
        i = end + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = i + 3;
        while (true) {
          end = s.indexOf("\"\"\"", end);
          if (end < 0) {
            return null;
          }
          if (!escaped(s, end)) {
            break;
          }
          end++;
        }
        tokens.add("\"\"");
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && (s.charAt(end) != c || escaped(s, end))) {
          if (s.charAt(end) == '\n') {
            return null;
          }
          end++;
        }
        if (end >= n) {
          return null;
        }
        tokens.add(String.valueOf(c) + c);
        i = end + 1;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i + 1;
        while (end < n && Character.isJavaIdentifierPart(s.charAt(end))) {
          end++;
        }
        tokens.add(s.substring(i, end));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i + 1;
        while (end < n
            && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_'
                || s.charAt(end) == '.'
                || ((s.charAt(end) == '+' || s.charAt(end) == '-')
                    && (s.charAt(end - 1) == 'e' || s.charAt(end - 1) == 'E'
                        || s.charAt(end - 1) == 'p' || s.charAt(end - 1) == 'P')))) {
          end++;
        }
        tokens.add("0");
        i = end;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }

  /** Whether the character at {@code index} follows an odd number of backslashes. */
  private static boolean escaped(String s, int index) {
    int backslashes = 0;
    for (int k = index - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
