package org.custos.dicom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Coverage-guided fuzzing of {@code DicomReader} with Jazzer (see {@link ParserFuzzTarget} for
 * what counts as a finding).
 *
 * <p>Modes:
 * <ul>
 *   <li>Regression (default, {@code JAZZER_FUZZ} unset): each method replays the seeds in
 *       {@code src/test/resources/org/custos/dicom/fuzz/ParserFuzzTestInputs/} and the findings
 *       kept in {@code ParserFuzzTestInputs/<method>/}. A few seconds, mostly Jazzer's agent set-up.
 *   <li>Fuzzing ({@code JAZZER_FUZZ=1} as environment variable or system property): {@link
 *       #readerParsesOrRejectsAnyBytes} fuzzes for 60 s. Jazzer fuzzes one test per JVM.
 *   <li>Long local run: additionally {@code -Dcustos.fuzz.long=true}; then only {@link
 *       #readerParsesOrRejectsAnyBytes_longRun} fuzzes, for 30 minutes (the annotation's
 *       duration; stop earlier with Ctrl-C).
 * </ul>
 * A crash input is written to {@code ParserFuzzTestInputs/<method>/crash-<sha1>}; leave it there
 * (commit it): it is replayed as a regression case from then on. Jazzer's working corpus goes to
 * {@code .cifuzz-corpus/} in the module directory and is not committed.
 *
 * <p>Seeds: small files copied from the shared corpus (pydicom test files, MIT; see the corpus
 * README): explicit and implicit VR, big endian, no file meta, deflated, RLE and JPEG 2000
 * fragments, UN and nested sequences, ISO 2022 character sets.
 */
class ParserFuzzTest {
  static final String LONG_RUN = "custos.fuzz.long";

  @DisabledIf("longRunRequested")
  @DictionaryFile(resourcePath = "dicom.dict")
  @FuzzTest(maxDuration = "60s")
  void readerParsesOrRejectsAnyBytes(byte[] input) {
    assertStrictAcceptsOnlyWhatLenientAccepts(ParserFuzzTarget.read(input));
  }

  @EnabledIf("longRunRequestedOrNotFuzzing")
  @DictionaryFile(resourcePath = "dicom.dict")
  @FuzzTest(maxDuration = "30m")
  void readerParsesOrRejectsAnyBytes_longRun(byte[] input) {
    assertStrictAcceptsOnlyWhatLenientAccepts(ParserFuzzTarget.read(input));
  }

  /** Strict mode only turns warnings into errors, so it can never accept what lenient mode rejects. */
  private static void assertStrictAcceptsOnlyWhatLenientAccepts(ParserFuzzTarget.Outcome outcome) {
    assertThat(!outcome.strictParsed() || outcome.lenientParsed())
        .as("strict reading accepted an input the lenient reading rejected").isTrue();
  }

  static boolean longRunRequested() {
    return fuzzing() && Boolean.getBoolean(LONG_RUN);
  }

  /** The long-run method replays its findings in regression mode and fuzzes only when asked to. */
  static boolean longRunRequestedOrNotFuzzing() {
    return !fuzzing() || Boolean.getBoolean(LONG_RUN);
  }

  /** Jazzer's own rule (0.24): JAZZER_FUZZ from the environment or a system property, "1", "true" or "yes". */
  private static boolean fuzzing() {
    return truthy(System.getenv("JAZZER_FUZZ")) || truthy(System.getProperty("JAZZER_FUZZ"));
  }

  private static boolean truthy(String value) {
    return value != null && switch (value.toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes" -> true;
      default -> false;
    };
  }
}
