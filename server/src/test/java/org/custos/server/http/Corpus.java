package org.custos.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;

/** The shared corpus (MANIFEST.tsv categories) and fresh instances made from one of its files. */
final class Corpus {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Corpus() {}

  static Path root() {
    Path corpus = Path.of(System.getProperty("custos.shared.dir", "../../shared"), "dicom-corpus");
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException("the shared corpus is missing at " + corpus.toAbsolutePath());
    }
    return corpus;
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static List<Path> category(String category) {
    try {
      return Files.readAllLines(root().resolve("MANIFEST.tsv")).stream().skip(1)
          .map(line -> line.split("\t"))
          .filter(cols -> cols.length > 3 && cols[3].equals(category))
          .map(cols -> root().resolve(cols[0]))
          .filter(Files::isRegularFile)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The manifest rows of {@code category} (edge rows also live under valid/ and dicomdir/) and every
   * file under the folder of that name, listed or not, so that a file added to the corpus is not
   * silently skipped.
   */
  static List<Path> categoryAndFolder(String category) {
    java.util.Set<Path> files = new java.util.LinkedHashSet<>(category(category));
    try (var walk = Files.walk(root().resolve(category))) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(files);
  }

  /** The path of a corpus file relative to the corpus root, with forward slashes (as in MANIFEST.tsv). */
  static String relative(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String uid() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "2.25." + new BigInteger(1, bytes);
  }

  /** MR_small with a new SOP Instance UID (and the given study, a new series): never stored before. */
  static Fresh fresh(String studyUid) {
    return fresh("valid/pydicom/MR_small.dcm", studyUid);
  }

  /**
   * A copy of the corpus file {@code relative} (which has a File Meta) with a new SOP Instance UID,
   * the given study and a new series, in the file's own transfer syntax: never stored before.
   */
  static Fresh fresh(String relative, String studyUid) {
    DicomFile source = DicomReader.read(file(relative), ReadOptions.DEFAULT.withAllValuesInMemory());
    String sop = uid();
    String series = uid();
    DataSet dataSet = put(put(put(source.dataSet(), Tags.SOPInstanceUID, sop), Tags.StudyInstanceUID, studyUid),
        Tags.SeriesInstanceUID, series);
    FileMeta meta = new FileMeta(source.fileMeta().orElseThrow().preamble(),
        put(source.fileMeta().orElseThrow().elements(), Tags.MediaStorageSOPInstanceUID, sop), source.transferSyntax());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      DicomWriter.writeFile(out, meta, dataSet, source.transferSyntax(), BulkDataSource.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Fresh(out.toByteArray(), studyUid, series, sop);
  }

  static Fresh fresh() {
    return fresh(uid());
  }

  /** A fresh instance's bytes and UIDs. */
  record Fresh(byte[] bytes, String study, String series, String sop) {}

  private static DataSet put(DataSet dataSet, int tag, String uid) {
    DataSet one = DataSet.builder().addText(tag, Vr.UI, uid).build();
    return dataSet.toBuilder().put(one.get(tag).orElseThrow()).build();
  }

  static String sopInstanceUid(Path file) {
    return DicomReader.read(file, ReadOptions.DEFAULT).dataSet().getString(Tags.SOPInstanceUID).orElseThrow().strip();
  }
}
