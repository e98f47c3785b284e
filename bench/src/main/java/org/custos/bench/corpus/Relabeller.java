package org.custos.bench.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomException;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileBulkDataSource;
import org.custos.dicom.FileMeta;
import org.custos.dicom.Preamble;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.DicomDictionary;
import org.custos.dicom.dictionary.Tags;

/**
 * Copies of one template file with new Study, Series and SOP Instance UIDs (the file meta's Media
 * Storage SOP Instance UID follows), written in the template's own transfer syntax with its bulk
 * values copied from the template file. Everything else stays as it was, unless the caller
 * replaces text attributes too. Thread-safe (bulk values are read from the template file, which
 * must not change while copies are made).
 */
public final class Relabeller {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DicomFile parsed;
  private final FileMeta meta;
  private final FileBulkDataSource bulk;

  private Relabeller(DicomFile parsed, FileMeta meta, FileBulkDataSource bulk) {
    this.parsed = parsed;
    this.meta = meta;
    this.bulk = bulk;
  }

  /**
   * A relabeller for {@code template}; fails with {@link DicomException} when the file does not
   * parse or has no file meta or no SOP Instance UID.
   */
  public static Relabeller of(Path template) {
    DicomFile parsed = DicomReader.read(template, ReadOptions.DEFAULT);
    if (parsed.fileMeta().isEmpty() || parsed.dataSet().getString(Tags.SOPInstanceUID).isEmpty()) {
      throw new DicomException("no file meta or no SOP Instance UID: " + template.getFileName());
    }
    return new Relabeller(parsed, parsed.fileMeta().orElseThrow(), FileBulkDataSource.of(template, parsed));
  }

  /**
   * The same, but the copies' 128-byte preamble is zero (PS3.10 7.1 leaves its content to the
   * application; an archive may zero a preamble that could make the file executable, as Custos does
   * with a B000 warning, so a copy with a zero preamble is stored as sent everywhere).
   */
  public Relabeller withZeroPreamble() {
    return new Relabeller(parsed, new FileMeta(Optional.of(Preamble.zero()), meta.elements(), meta.transferSyntax()),
        bulk);
  }

  /** The template's (and every copy's) transfer syntax. */
  public TransferSyntax transferSyntax() {
    return parsed.transferSyntax();
  }

  /** A top-level text attribute of the template, e.g. its Modality. */
  public Optional<String> text(int tag) {
    return parsed.dataSet().getString(tag);
  }

  /**
   * Writes a copy with fresh UIDs and each of {@code text} (tag to value, VR from the dictionary)
   * replacing or adding a top-level element, encoded in the data set's character set; returns the
   * new UIDs.
   */
  public Uids write(OutputStream out, Map<Integer, String> text) throws IOException {
    Uids uids = new Uids(uid(), uid(), uid());
    String sop = uids.sopInstanceUid();
    DataSet dataSet = put(put(put(parsed.dataSet(), Tags.SOPInstanceUID, Vr.UI, sop), Tags.StudyInstanceUID, Vr.UI,
        uids.studyInstanceUid()), Tags.SeriesInstanceUID, Vr.UI, uids.seriesInstanceUid());
    for (Map.Entry<Integer, String> e : text.entrySet()) {
      dataSet = put(dataSet, e.getKey(), DicomDictionary.vrOf(e.getKey()), e.getValue());
    }
    FileMeta copyMeta = new FileMeta(meta.preamble(), put(meta.elements(), Tags.MediaStorageSOPInstanceUID, Vr.UI, sop),
        parsed.transferSyntax());
    DicomWriter.writeFile(out, copyMeta, dataSet, parsed.transferSyntax(), bulk);
    return uids;
  }

  /** The UIDs of one copy. */
  public record Uids(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid) {}

  /** A random UID under the 2.25 root (PS3.5 B.2). */
  public static String uid() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "2.25." + new BigInteger(1, bytes);
  }

  /** {@code dataSet} with a text element replaced or added, encoded in the data set's character set. */
  public static DataSet put(DataSet dataSet, int tag, Vr vr, String value) {
    DataSet.Builder builder = dataSet.toBuilder();
    DataSet one = DataSet.builder().inheritCharacterSet(dataSet.characterSet()).addText(tag, vr, value).build();
    return builder.put(one.get(tag).orElseThrow()).build();
  }
}
