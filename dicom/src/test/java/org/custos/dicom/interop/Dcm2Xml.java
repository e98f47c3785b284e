package org.custos.dicom.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs dcmtk's {@code dcm2xml} on one file and parses what it wrote.
 *
 * <p>Options: {@code +M} loads every value, {@code +Wb +Eb} writes binary values (OB, OW, UN,
 * pixel items) as base64 so they can be hashed. Two ways to run it: raw, where text values come
 * out byte for byte as they are in the file; and with {@code +U8}, where dcmtk converts
 * character-set-sensitive text to UTF-8 (and, as a side effect, rewrites (0008,0005) to
 * {@code ISO_IR 192} and the lengths of converted values), used only to compare decoded text.
 */
final class Dcm2Xml {
  static final Path EXECUTABLE = Path.of("/usr/bin/dcm2xml");

  private static final long TIMEOUT_SECONDS = 120;

  /**
   * What dcmtk did with a file: its reading, or its refusal with the exit status and messages.
   *
   * @param reading the parsed output; empty when dcmtk refused the file
   * @param exitStatus dcm2xml's exit status of the last run
   * @param messages what dcmtk printed on stderr (warnings and errors), for reports
   */
  record Outcome(Optional<DcmtkReading> reading, int exitStatus, String messages) {
    /** The first error line dcmtk printed, for a report. */
    String firstError() {
      for (String line : messages.split("\n")) {
        if (line.startsWith("E:") || line.startsWith("F:")) {
          return line;
        }
      }
      return messages.strip();
    }
  }

  private Dcm2Xml() {}

  /**
   * Runs dcm2xml on {@code dicomFile}, its output in a temporary file under {@code workDir}.
   *
   * @param convertText whether to pass {@code +U8}
   */
  static Outcome run(Path dicomFile, Path workDir, boolean convertText) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "dcm2xml", ".xml");
    Path err = Files.createTempFile(workDir, "dcm2xml", ".err");
    try {
      List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "+M", "+Wb", "+Eb"));
      if (convertText) {
        command.add("+U8");
      }
      command.add(dicomFile.toString());
      command.add(out.toString());
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(err.toFile());
      builder.environment().put("TCP_NODELAY", "1");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("dcm2xml did not finish within " + TIMEOUT_SECONDS + " s on " + dicomFile);
      }
      int status = process.exitValue();
      String messages = Files.readString(err, StandardCharsets.ISO_8859_1);
      if (status != 0) {
        return new Outcome(Optional.empty(), status, messages);
      }
      return new Outcome(Optional.of(DcmtkXmlParser.parse(out, convertText)), status, messages);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
