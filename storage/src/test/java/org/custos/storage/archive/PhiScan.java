package org.custos.storage.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomException;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;

/**
 * The PHI of the corpus (patient names, IDs, birth dates) and a scan of stored bytes for it.
 * Values shorter than {@value #MIN_BYTES} bytes are left out: the ~11 MB of ciphertext the corpus
 * becomes holds a given 4-byte string by chance with odds near 1/400, a given 5-byte string with
 * odds near 1e-5, so only the longer values can tell a leak from chance.
 */
final class PhiScan {
  static final int MIN_BYTES = 5;

  private PhiScan() {}

  /**
   * Dates the index keeps in clear by design (Study Date, for range queries; docs/formats/index.md):
   * a birth date equal to one of them cannot be told apart in the index file.
   */
  static Set<String> clearStudyDates(List<Path> files) {
    Set<String> dates = new LinkedHashSet<>();
    for (Path file : files) {
      try {
        DicomReader.read(file, ReadOptions.DEFAULT).dataSet().getString(Tags.StudyDate).map(String::strip)
            .filter(d -> !d.isEmpty()).ifPresent(dates::add);
      } catch (DicomException e) {
        // unreadable files store nothing
      }
    }
    return dates;
  }

  static Set<String> corpusPhi(List<Path> files) {
    Set<String> values = new LinkedHashSet<>();
    for (Path file : files) {
      DataSet dataSet;
      try {
        dataSet = DicomReader.read(file, ReadOptions.DEFAULT).dataSet();
      } catch (DicomException e) {
        continue;
      }
      for (int tag : new int[] {Tags.PatientName, Tags.PatientID, Tags.PatientBirthDate, Tags.OtherPatientIDs}) {
        for (String value : dataSet.getStrings(tag)) {
          String text = value.strip();
          add(values, text);
          if (tag == Tags.PatientName) {
            for (String component : text.split("[\\^=]")) {
              add(values, component.strip());
            }
          }
        }
      }
    }
    return values;
  }

  private static void add(Set<String> values, String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length >= MIN_BYTES && !text.chars().allMatch(c -> c == '0')) {
      values.add(text);
    }
  }

  /** Every (file, value) where a PHI value occurs in the files under {@code roots}, as UTF-8 or Latin-1. */
  static List<String> find(Set<String> phi, Path... roots) throws IOException {
    List<String> hits = new ArrayList<>();
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String value : phi) {
          boolean latin1Encodable = StandardCharsets.ISO_8859_1.newEncoder().canEncode(value);
          if (bytes.contains(latin1(value.getBytes(StandardCharsets.UTF_8)))
              || latin1Encodable && bytes.contains(latin1(value.getBytes(StandardCharsets.ISO_8859_1)))) {
            hits.add(root.relativize(file) + " contains a corpus PHI value of " + value.length() + " chars"
                + (System.getenv("CUSTOS_PHI_DEBUG") != null ? ": " + value : ""));
          }
        }
      }
    }
    return hits;
  }

  /** Bytes as a Latin-1 string, one char per byte, so that String.indexOf searches bytes. */
  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
