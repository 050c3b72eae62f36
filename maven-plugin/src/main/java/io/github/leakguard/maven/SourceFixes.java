package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the fix goal would write: Error Prone's patch applied, in memory, to each source file as it
 * is on disk, decoded and encoded again in the module's encoding. A file the patch does not fit
 * exactly is left untouched, with the reason.
 */
final class SourceFixes {
  private SourceFixes() {}

  /**
   * One file to change.
   *
   * @param file the file
   * @param path its path as reports write it (relative to the project root)
   * @param before its bytes now
   * @param after its bytes once fixed
   * @param hunks the change as unified-diff hunks, each line as the file has it
   */
  record FileChange(Path file, String path, byte[] before, byte[] after, List<String> hunks) {
    SourceFiles.Edit edit() {
      return new SourceFiles.Edit(file, before, after);
    }
  }

  /** A file with fixes that is left as it is, and why. */
  record Untouched(Path file, String path, String reason) {}

  /** The files to change and those left untouched. */
  record Prepared(List<FileChange> changes, List<Untouched> untouched) {}

  static Prepared prepare(
      List<UnifiedPatch.FilePatch> patches, Collection<Path> analysed, Charset charset, Path root)
      throws IOException {
    Set<Path> sources = new HashSet<>();
    analysed.forEach(file -> sources.add(file.toAbsolutePath().normalize()));
    List<FileChange> changes = new ArrayList<>();
    List<Untouched> untouched = new ArrayList<>();
    for (UnifiedPatch.FilePatch patch : patches) {
      Path file = patch.file();
      String path = ProjectRoot.relative(root, file);
      if (!sources.contains(file)) {
        // Error Prone skips the files not to analyse; should a patch name one, it stays as it is.
        untouched.add(new Untouched(file, path, "not one of the sources LeakGuard analysed"));
        continue;
      }
      byte[] before = Files.readAllBytes(file);
      String text;
      try {
        text = decode(before, charset);
      } catch (CharacterCodingException e) {
        untouched.add(new Untouched(file, path, "not valid " + charset.name() + " text"));
        continue;
      }
      if (!new String(before, StandardCharsets.UTF_8).equals(text)) {
        untouched.add(
            new Untouched(
                file,
                path,
                "it holds characters that Error Prone's patching reads as UTF-8, not as the"
                    + " module's "
                    + charset.name()
                    + "; apply the fix by hand (the message says how) or convert the file to"
                    + " UTF-8"));
        continue;
      }
      UnifiedPatch.Applied applied;
      try {
        applied = patch.applyTo(text);
      } catch (UnifiedPatch.PatchException e) {
        untouched.add(
            new Untouched(file, path, "it changed during the analysis (" + e.getMessage() + ")"));
        continue;
      }
      byte[] after;
      try {
        after = encode(applied.text(), charset);
      } catch (CharacterCodingException e) {
        untouched.add(
            new Untouched(
                file, path, "the fix writes characters " + charset.name() + " cannot encode"));
        continue;
      }
      changes.add(new FileChange(file, path, before, after, applied.hunks()));
    }
    return new Prepared(changes, untouched);
  }

  /**
   * The changes as one unified diff, {@code git diff}'s shape ({@code a/} and {@code b/} before
   * paths relative to the project root), which {@code git apply} takes from that root.
   *
   * @param exact keep each line's {@code '\r'}, as in the files (a patch file); false for reading
   */
  static List<String> diff(List<FileChange> changes, boolean exact) {
    List<String> lines = new ArrayList<>();
    for (FileChange change : changes) {
      lines.add("diff --git a/" + change.path() + " b/" + change.path());
      lines.add("--- a/" + change.path());
      lines.add("+++ b/" + change.path());
      for (String line : change.hunks()) {
        lines.add(exact || !line.endsWith("\r") ? line : line.substring(0, line.length() - 1));
      }
    }
    return lines;
  }

  private static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static byte[] encode(String text, Charset charset) throws CharacterCodingException {
    ByteBuffer buffer =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
