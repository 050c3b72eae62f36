package io.github.leakguard.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which of the files the fix goal would change hold work git does not have: modified, staged,
 * untracked or ignored files, as {@code git status} sees them. Outside a git work tree, or without
 * git, nobody can tell, and the answer says why.
 *
 * @param changed each such file, with what git says of it ("modified", "untracked", ...)
 * @param unknown why it cannot be told, when it cannot
 */
record UncommittedChanges(Map<Path, String> changed, Optional<String> unknown) {

  /** Whether every file's content is committed, as far as git can tell. */
  boolean clean() {
    return changed.isEmpty() && unknown.isEmpty();
  }

  /** Asks git about {@code files}, from the work tree {@code dir} lies in. */
  static UncommittedChanges of(Path dir, List<Path> files) throws InterruptedException {
    Result top;
    try {
      top = git(dir, List.of("rev-parse", "--show-toplevel"));
    } catch (IOException e) {
      return unknown("git cannot be run (" + e.getMessage() + ")");
    }
    if (top.exit() != 0) {
      return unknown(dir + " is not in a git work tree (git: " + firstLine(top.error()) + ")");
    }
    Path root = Path.of(top.output().strip()).toAbsolutePath().normalize();
    List<String> args =
        new ArrayList<>(
            List.of(
                "status",
                "--porcelain=v1",
                "-z",
                "--untracked-files=all",
                "--ignored=matching",
                "--"));
    Map<Path, Path> asGiven = new LinkedHashMap<>();
    for (Path file : files) {
      Path real = realPath(file);
      asGiven.put(root.resolve(ProjectRoot.relative(root, real)).normalize(), file);
      // Literal pathspecs: a file name with '*' or '[' is no pattern.
      args.add(":(literal)" + ProjectRoot.relative(root, real));
    }
    Result status;
    try {
      status = git(root, args);
    } catch (IOException e) {
      return unknown("git cannot be run (" + e.getMessage() + ")");
    }
    if (status.exit() != 0) {
      return unknown("git status failed: " + firstLine(status.error()));
    }
    Map<Path, String> changed = new LinkedHashMap<>();
    parse(root, status.output())
        .forEach((file, state) -> changed.put(asGiven.getOrDefault(file, file), state));
    return new UncommittedChanges(changed, Optional.empty());
  }

  /**
   * {@code git status --porcelain=v1 -z}: {@code XY path}, NUL-terminated, X the index's state and
   * Y the work tree's; a rename or copy is followed by its source path, which is not a file here.
   */
  static Map<Path, String> parse(Path root, String porcelain) {
    Map<Path, String> changed = new LinkedHashMap<>();
    String[] entries = porcelain.split("\0");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i];
      if (entry.length() < 4) {
        continue;
      }
      char index = entry.charAt(0);
      char tree = entry.charAt(1);
      changed.put(root.resolve(entry.substring(3)).normalize(), describe(index, tree));
      if (index == 'R' || index == 'C') {
        i++;
      }
    }
    return changed;
  }

  private static String describe(char index, char tree) {
    if (index == '?') {
      return "untracked";
    }
    if (index == '!') {
      return "ignored by git, so never committed";
    }
    boolean staged = index != ' ';
    boolean modified = tree != ' ';
    return staged && modified ? "staged and modified" : staged ? "staged" : "modified";
  }

  private static UncommittedChanges unknown(String why) {
    return new UncommittedChanges(Map.of(), Optional.of(why));
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private record Result(int exit, String output, String error) {}

  private static Result git(Path dir, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    // A status must not take the index lock an editor or IDE may be holding.
    builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> error =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String output = read(process.getInputStream());
    int exit = process.waitFor();
    return new Result(exit, output, error.join());
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("no message");
  }
}
