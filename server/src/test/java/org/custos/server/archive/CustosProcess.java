package org.custos.server.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code custos} program (the shaded jar the build just packaged) run as a child
 * process, its output lines collected as they come so that a test can kill it mid-way and still
 * know what it acknowledged.
 */
final class CustosProcess {
  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;

  private CustosProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::collect, "custos-output");
    reader.setDaemon(true);
    reader.start();
  }

  static Path jar() {
    Path jar = Path.of("target", "custos.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("target/custos.jar is missing: run the integration tests through `mvn verify`");
    }
    return jar;
  }

  static CustosProcess start(String... args) throws IOException {
    return start(java.util.Map.of(), args);
  }

  /** Starts with extra environment variables (e.g. CUSTOS_PASSPHRASE). */
  static CustosProcess start(java.util.Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new CustosProcess(builder.start());
  }

  /** Runs to completion and returns the exit code. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("custos did not finish within " + seconds + " s; output: " + output());
    }
    reader.join(5000);
    return process.exitValue();
  }

  /** SIGKILL (Process.destroyForcibly on Linux), then waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(5000);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String output() {
    return String.join("\n", lines());
  }

  private void collect() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process was killed
    }
  }
}
