package org.custos.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Node project kept under {@code src/test/node/<name>} (package.json, a committed
 * package-lock.json and its scripts), installed with {@code npm ci} into a copy under
 * {@code target/node/<name>}: node_modules never lands in the source tree. {@code node} and
 * {@code npm} come from the PATH; a missing tool or an unreachable registry is a failure, not a
 * skip. Not thread-safe.
 */
final class NodeProject {
  private final Path dir;

  private NodeProject(Path dir) {
    this.dir = dir;
  }

  /** Copies the project's files (not node_modules) to target/node/{name} and runs npm ci there. */
  static NodeProject install(String name, long timeoutSeconds) throws IOException, InterruptedException {
    Path sources = Path.of("src", "test", "node", name);
    Path dir = Path.of("target", "node", name).toAbsolutePath();
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    NodeProject project = new NodeProject(dir);
    // --ignore-scripts: nothing from the registry runs at install time; the two packages need no build step.
    Result npm = project.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(),
        timeoutSeconds);
    if (npm.exitCode() != 0) {
      throw new IllegalStateException("npm ci failed in " + dir + " (exit " + npm.exitCode()
          + "; is the npm registry reachable?):\n" + npm.stdout() + "\n" + npm.stderr());
    }
    return project;
  }

  Path dir() {
    return dir;
  }

  /** Runs {@code node script args...} in the project folder with these extra environment variables. */
  Result node(String script, List<String> args, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(args);
    return run(command, env, timeoutSeconds);
  }

  private Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir.getParent(), command.get(0), ".out");
    Path err = Files.createTempFile(dir.getParent(), command.get(0), ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      builder.environment().putAll(env);
      builder.environment().put("NO_UPDATE_NOTIFIER", "1");
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " did not finish within "
            + timeoutSeconds + " s:\n" + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** What a finished process printed. */
  record Result(int exitCode, String stdout, String stderr) {}
}
