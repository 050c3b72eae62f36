package io.github.leakguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unified patch Error Prone's patching writes ({@code -XepPatchLocation:<dir>}), read and
 * applied: per file a {@code --- path} and {@code +++ path} header, the path relative to that
 * directory, then hunks. Error Prone splits a source on {@code '\n'} only, so in its patch a line
 * of a CRLF file keeps its {@code '\r'}, the text after the last {@code '\n'} (usually empty)
 * counts as a line, and the lines a fix writes end in {@code '\n'} whatever the file uses. Applying
 * checks every context and removed line against the file as it is now, and writes the fix's lines
 * with the file's own line separator.
 */
final class UnifiedPatch {
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");
  private static final String NO_NEWLINE = "\\ No newline at end of file";

  private UnifiedPatch() {}

  /** One line of a hunk: {@code ' '} context, {@code '-'} removed, {@code '+'} added. */
  record Line(char op, String text) {}

  /** One hunk; {@code oldStart} is 1-based, as the header writes it. */
  record Hunk(int oldStart, List<Line> lines) {}

  /** The hunks of one file, in the order they apply. */
  record FilePatch(Path file, List<Hunk> hunks) {

    /**
     * The file's new text, and the hunks as a unified diff a person or {@code git apply} reads: the
     * line Error Prone counts after the last {@code '\n'} left out, a last line without one marked.
     *
     * @throws PatchException when a context or removed line is not the file's
     */
    Applied applyTo(String text) throws PatchException {
      String separator = separator(text);
      List<String> old = List.of(text.split("\n", -1));
      List<String> lines = new ArrayList<>();
      List<Boolean> written = new ArrayList<>();
      List<int[]> starts = new ArrayList<>(); // per hunk: old index, new index
      int next = 0;
      for (Hunk hunk : hunks) {
        int at =
            hunk.lines().stream().anyMatch(l -> l.op() != '+')
                ? hunk.oldStart() - 1
                : hunk.oldStart();
        if (at < next || at > old.size()) {
          throw new PatchException("a hunk at line " + hunk.oldStart() + " is out of order");
        }
        for (; next < at; next++) {
          lines.add(old.get(next));
          written.add(false);
        }
        starts.add(new int[] {at, lines.size()});
        for (Line line : hunk.lines()) {
          if (line.op() == '+') {
            lines.add(line.text());
            written.add(true);
            continue;
          }
          if (next >= old.size() || !old.get(next).equals(line.text())) {
            throw new PatchException(
                "line "
                    + (next + 1)
                    + " is not what Error Prone read: '"
                    + strip(line.text())
                    + "'");
          }
          if (line.op() == ' ') {
            lines.add(old.get(next));
            written.add(false);
          }
          next++;
        }
      }
      for (; next < old.size(); next++) {
        lines.add(old.get(next));
        written.add(false);
      }
      List<String> ended = withSeparator(lines, written, separator);
      String joined = String.join("\n", ended);
      if (separator.equals("\r")) {
        joined = joined.replace('\n', '\r');
      }
      return new Applied(joined, diff(old, ended, starts));
    }

    /** The hunks again, each line as the file has it now or will have it. */
    private List<String> diff(List<String> old, List<String> updated, List<int[]> starts) {
      List<String> out = new ArrayList<>();
      for (int h = 0; h < hunks.size(); h++) {
        int i = starts.get(h)[0];
        int j = starts.get(h)[1];
        List<String> body = new ArrayList<>();
        int oldCount = 0;
        int newCount = 0;
        for (Line line : hunks.get(h).lines()) {
          boolean fromOld = line.op() != '+';
          boolean toNew = line.op() != '-';
          String before = fromOld ? old.get(i) : null;
          String after = toNew ? updated.get(j) : null;
          boolean oldTail = fromOld && i == old.size() - 1;
          boolean newTail = toNew && j == updated.size() - 1;
          // Error Prone's line after the last '\n' is no line to anyone else.
          boolean skipOld = oldTail && before.isEmpty();
          boolean skipNew = newTail && after.isEmpty();
          if (line.op() == ' ' && oldTail == newTail && skipOld == skipNew) {
            if (!skipOld) {
              body.add(" " + before);
              oldCount++;
              newCount++;
              if (oldTail) {
                body.add(NO_NEWLINE);
              }
            }
          } else {
            if (fromOld && !skipOld) {
              body.add("-" + before);
              oldCount++;
              if (oldTail) {
                body.add(NO_NEWLINE);
              }
            }
            if (toNew && !skipNew) {
              body.add("+" + after);
              newCount++;
              if (newTail) {
                body.add(NO_NEWLINE);
              }
            }
          }
          i += fromOld ? 1 : 0;
          j += toNew ? 1 : 0;
        }
        int oldStart = starts.get(h)[0] + (oldCount > 0 ? 1 : 0);
        int newStart = starts.get(h)[1] + (newCount > 0 ? 1 : 0);
        out.add(String.format("@@ -%d,%d +%d,%d @@", oldStart, oldCount, newStart, newCount));
        out.addAll(body);
      }
      return out;
    }
  }

  /**
   * A file's new text, and its diff: hunks only, each line as in the file (a CRLF file's lines end
   * in {@code '\r'}).
   */
  record Applied(String text, List<String> hunks) {}

  /** A patch that does not fit the file, or cannot be read. */
  static final class PatchException extends Exception {
    private static final long serialVersionUID = 1L;

    PatchException(String message) {
      super(message);
    }
  }

  /** Reads Error Prone's patch; each file's path is resolved against {@code baseDir}. */
  static List<FilePatch> parse(String patch, Path baseDir) throws PatchException {
    Map<Path, List<Hunk>> files = new LinkedHashMap<>();
    String[] lines = patch.split("\n", -1);
    List<Hunk> current = null;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
        Path file = baseDir.resolve(lines[i + 1].substring(4)).toAbsolutePath().normalize();
        if (files.containsKey(file)) {
          throw new PatchException("Error Prone's patch names " + file + " twice");
        }
        current = new ArrayList<>();
        files.put(file, current);
        i += 2;
        continue;
      }
      Matcher header = HUNK.matcher(line);
      if (header.matches()) {
        if (current == null) {
          throw new PatchException("a hunk before any file header: " + line);
        }
        int oldCount = count(header.group(2));
        int newCount = count(header.group(4));
        List<Line> body = new ArrayList<>();
        i++;
        while (oldCount > 0 || newCount > 0) {
          if (i >= lines.length) {
            throw new PatchException("a hunk ends early: " + header.group());
          }
          String entry = lines[i++];
          if (entry.startsWith("\\")) {
            continue; // "\ No newline at end of file": Error Prone counts that text as a line
          }
          char op = entry.isEmpty() ? ' ' : entry.charAt(0);
          String text = entry.isEmpty() ? "" : entry.substring(1);
          switch (op) {
            case ' ' -> {
              oldCount--;
              newCount--;
            }
            case '-' -> oldCount--;
            case '+' -> newCount--;
            default -> throw new PatchException("not a line of a hunk: " + entry);
          }
          if (oldCount < 0 || newCount < 0) {
            throw new PatchException("a hunk runs past its counts: " + header.group());
          }
          body.add(new Line(op, text));
        }
        current.add(new Hunk(Integer.parseInt(header.group(1)), body));
        continue;
      }
      if (!line.isEmpty() && !line.startsWith("diff ") && !line.startsWith("index ")) {
        throw new PatchException("not a line of a unified diff: " + line);
      }
      i++;
    }
    List<FilePatch> patches = new ArrayList<>();
    files.forEach((file, hunks) -> patches.add(new FilePatch(file, List.copyOf(hunks))));
    return patches;
  }

  /** The separator a file's lines end with: the most frequent of CRLF, LF and CR; LF when none. */
  static String separator(String text) {
    int crlf = 0;
    int lf = 0;
    int cr = 0;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\r' && k + 1 < text.length() && text.charAt(k + 1) == '\n') {
        crlf++;
        k++;
      } else if (c == '\n') {
        lf++;
      } else if (c == '\r') {
        cr++;
      }
    }
    if (crlf > lf && crlf >= cr) {
      return "\r\n";
    }
    return cr > lf ? "\r" : "\n";
  }

  /**
   * Lines as Error Prone splits them (on {@code '\n'}); those a fix wrote take the file's
   * separator: a CRLF file's end in {@code '\r'} but the last, an LF file's never do.
   */
  private static List<String> withSeparator(
      List<String> lines, List<Boolean> written, String separator) {
    List<String> ended = new ArrayList<>(lines.size());
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (written.get(k)) {
        line = strip(line);
        if (separator.equals("\r\n") && k < lines.size() - 1) {
          line += "\r";
        }
      }
      ended.add(line);
    }
    return ended;
  }

  private static String strip(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static int count(String written) {
    return written == null ? 1 : Integer.parseInt(written);
  }
}
