package org.custos.dicom;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes data sets and PS3.10 files in any native transfer syntax (transcoding VR explicitness
 * and byte order), and encapsulated pixel data unchanged into its own syntax.
 *
 * <p>Lengths of defined-length sequences and items and the values of group length elements are
 * recomputed; odd values are padded with the VR's padding byte (PS3.5 7.1.1). Sequences and items
 * keep their defined/undefined length encoding, so that a well-formed file written back in its own
 * syntax reproduces its input byte for byte. Stateless and thread-safe.
 */
public final class DicomWriter {
  private DicomWriter() {}

  /**
   * Writes a PS3.10 file: the preamble of {@code meta} (zero when it has none), "DICM", the file
   * meta with a recomputed group length and (0002,0010) set to {@code target}, then the data set.
   */
  public static void writeFile(OutputStream out, FileMeta meta, DataSet dataSet, TransferSyntax target,
      BulkDataSource bulk) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(out, 16 * 1024);
    EncodedOutput o = new EncodedOutput(buffered);
    o.bytes(meta.preamble().orElse(Preamble.zero()).bytes());
    o.bytes("DICM".getBytes(StandardCharsets.US_ASCII));
    DataSet.Builder metaElements = meta.elements().toBuilder();
    metaElements.put(new DicomElement(Tag.TRANSFER_SYNTAX_UID, Vr.UI,
        Value.Bytes.wrap(TextValues.pad(target.uid().getBytes(StandardCharsets.US_ASCII), Vr.UI))));
    if (!meta.elements().contains(Tag.FILE_META_GROUP_LENGTH)) {
      metaElements.put(new DicomElement(Tag.FILE_META_GROUP_LENGTH, Vr.UL, Value.Bytes.wrap(new byte[4])));
    }
    new DataSetEncoder(TransferSyntax.FILE_META, bulk).write(metaElements.build(), o);
    writeDataSet(buffered, dataSet, target, bulk);
    buffered.flush();
  }

  /** Writes a bare data set in {@code target}, deflating it for the deflated syntax. */
  public static void writeDataSet(OutputStream out, DataSet dataSet, TransferSyntax target, BulkDataSource bulk)
      throws IOException {
    dataSet.get(Tag.PIXEL_DATA).ifPresent(pixels -> {
      if (target.encapsulated() && !(pixels.value() instanceof Value.Fragments)) {
        throw new DicomException("cannot write native pixel data in encapsulated transfer syntax "
            + target.uid() + " without a codec");
      }
    });
    if (target.deflated()) {
      DeflaterOutputStream deflating = Deflation.deflating(out);
      EncodedOutput o = new EncodedOutput(new BufferedOutputStream(deflating, 64 * 1024));
      new DataSetEncoder(target, bulk).write(dataSet, o);
      o.flush();
      deflating.finish();
      out.flush();
      return;
    }
    EncodedOutput o = new EncodedOutput(out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 64 * 1024));
    new DataSetEncoder(target, bulk).write(dataSet, o);
    o.flush();
  }

  /** Convenience: the encoded bytes of a small data set held in memory. */
  public static byte[] encode(DataSet dataSet, TransferSyntax target) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      writeDataSet(out, dataSet, target, BulkDataSource.NONE);
    } catch (IOException e) {
      throw new DicomIoException("cannot encode data set", e);
    }
    return out.toByteArray();
  }

  /** Reads {@code ref} from {@code bulk} fully; for tests and small values. */
  static byte[] readBulk(BulkDataSource bulk, BulkRef ref) throws IOException {
    try (InputStream in = bulk.open(ref)) {
      byte[] b = in.readNBytes((int) ref.length());
      if (b.length != ref.length()) {
        throw new IOException("bulk source ended after " + b.length + " of " + ref.length() + " bytes");
      }
      return b;
    }
  }

  static List<DicomElement> elements(DataSet ds) {
    return ds.elements();
  }
}
