package org.custos.dicom.fuzz;

import java.io.ByteArrayInputStream;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;

/**
 * What the fuzzer feeds: any bytes, read twice — as a file of known length with small memory
 * limits, and as a stream of unknown length in strict mode, which take different paths through
 * the reader (length checks against the end, truncation, warnings that become errors).
 *
 * <p>Allowed outcomes: a parsed file, or a {@link DicomParseException}, which must also name a non-negative offset in its message. Anything else thrown — an unchecked
 * exception from inside the parser, OutOfMemoryError, StackOverflowError — is a finding, and so
 * is an input that takes more than {@link #SLOW_INPUT_NANOS} to read.
 *
 * <p>Why the time check is here: a JUnit {@code @Timeout} on a {@code @FuzzTest} bounds the
 * whole fuzzing run, not one input, and Jazzer 0.24 otherwise leaves libFuzzer's per-input
 * timeout at its default of 1200 s. The check cannot stop an endless loop, but it turns any
 * input that is merely slow (quadratic work, a bomb) into a finding with a reproducer.
 */
final class ParserFuzzTarget {
  /** Small limits, so that large declared values take the bulk (skip) path or fail the memory limit. */
  static final ReadOptions OPTIONS = new ReadOptions(1024, ReadOptions.DEFAULT.maxDepth(), false, false, 64 * 1024);

  /** Inputs are at most a few tens of KB and read in well under a millisecond; 5 s is a finding. */
  static final long SLOW_INPUT_NANOS = 5_000_000_000L;

  private ParserFuzzTarget() {}

  /** Whether the lenient and the strict reading (both of known length) accepted the input. */
  record Outcome(boolean lenientParsed, boolean strictParsed) {}

  static Outcome read(byte[] input) {
    long start = System.nanoTime();
    boolean lenient = readAllowingCodecFailures(input, true, OPTIONS);
    boolean strict = readAllowingCodecFailures(input, true, OPTIONS.withStrict(true));
    readAllowingCodecFailures(input, false, OPTIONS.withStrict(true));
    long elapsed = System.nanoTime() - start;
    if (elapsed > SLOW_INPUT_NANOS) {
      throw new AssertionError("reading " + input.length + " bytes took " + elapsed / 1_000_000 + " ms");
    }
    return new Outcome(lenient, strict);
  }

  private static boolean readAllowingCodecFailures(byte[] input, boolean knownLength, ReadOptions options) {
    try {
      if (knownLength) {
        DicomReader.read(new ByteArrayInputStream(input), input.length, options);
      } else {
        DicomReader.read(new ByteArrayInputStream(input), options);
      }
      return true;
    } catch (DicomParseException e) {
      if (e.offset() < 0 || !e.getMessage().contains("at byte " + e.offset())) {
        throw new AssertionError("parse exception without a usable offset: " + e.getMessage(), e);
      }
      return false;
    }
    // Anything else, another DicomException included, escapes and is a finding: over bytes in
    // memory there is no I/O to fail, so only the parser's own exception is allowed.
  }
}
