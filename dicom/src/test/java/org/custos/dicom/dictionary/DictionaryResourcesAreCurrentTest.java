package org.custos.dicom.dictionary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in generated files (elements.tsv, uids.tsv, Tags.java, Uids.java) are exactly what
 * {@link DictionaryResourceGenerator} makes from the shared data today. Missing shared data is a
 * failure, never a skip: otherwise drift would go unnoticed on a machine without it.
 */
final class DictionaryResourcesAreCurrentTest {

  @Test
  void sharedData_isPresent() {
    Path data = SharedData.dataDir(); // throws, and so fails, when the data is missing
    assertThat(data.resolve(SharedData.DICTIONARY)).isRegularFile();
    assertThat(data.resolve(SharedData.UIDS)).isRegularFile();
  }

  static Stream<Arguments> generatedFiles() throws IOException {
    return DictionaryResourceGenerator.generate(SharedData.dataDir()).entrySet().stream()
        .map(file -> Arguments.of(file.getKey(), file.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedFiles")
  void checkedInFile_isIdenticalToRegenerationFromSharedData(String path, String regenerated)
      throws IOException {
    Path file = moduleDir().resolve(path);
    assertThat(file).as("generated file is missing; regenerate with: %s",
        DictionaryResourceGenerator.REGENERATE).isRegularFile();
    String checkedIn = Files.readString(file, UTF_8);
    assertThat(firstDifference(checkedIn, regenerated))
        .as("%s is stale; regenerate from the repository root with: %s",
            path, DictionaryResourceGenerator.REGENERATE)
        .isEmpty();
  }

  /** The working directory under Maven is the module directory; surefire also sets basedir. */
  private static Path moduleDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }

  /** A short description of the first differing line, rather than a diff of 600 KB. */
  private static Optional<String> firstDifference(String actual, String expected) {
    if (actual.equals(expected)) {
      return Optional.empty();
    }
    String[] a = actual.split("\n", -1);
    String[] e = expected.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, e.length); i++) {
      String got = i < a.length ? a[i] : "<end of file>";
      String want = i < e.length ? e[i] : "<end of file>";
      if (!got.equals(want)) {
        return Optional.of("line " + (i + 1) + ": checked in '" + got + "', regenerated '" + want + "'");
      }
    }
    return Optional.of("line ends differ");
  }
}
