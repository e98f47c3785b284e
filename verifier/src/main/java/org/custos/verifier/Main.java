package org.custos.verifier;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code java -jar custos-verify.jar RECEIPT.json …}: see {@link Arguments#USAGE}. Output is UTF-8. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = CustosVerify.run(args, out, err, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }
}
