package org.custos.verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of custos-verify: its exit code and what it printed. */
record Run(int exitCode, String out, String err) {
  static Run of(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CustosVerify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run of(String... args) {
    return of(Map.of(), args);
  }

  /** Writes {@code receiptJson} into {@code dir} and verifies it with {@code options}. */
  static Run receipt(Path dir, String receiptJson, String... options) throws IOException {
    Path file = Files.createTempFile(dir, "receipt", ".json");
    Files.writeString(file, receiptJson);
    List<String> args = new ArrayList<>(List.of(file.toString()));
    args.addAll(List.of(options));
    return of(args.toArray(String[]::new));
  }

  /** The FAILED lines of the text report. */
  List<String> failures() {
    return out.lines().filter(l -> l.startsWith("  FAILED")).map(l -> l.substring(10)).toList();
  }
}
