package org.custos.server.dicomweb.wado;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.query.InstanceBytes;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.Preamble;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.ImplementationUid;
import org.custos.server.dicomweb.InstanceContent;
import org.custos.server.dicomweb.StoredInstance;

/**
 * Writes one instance as a PS3.10 file ({@code application/dicom}, PS3.18 8.7.3.5.2):
 * <ul>
 *   <li>as stored: the stored bytes, streamed through the seal-checking stream to their end (so a
 *       mismatch fails the transfer); a stored object that lacks the preamble or the whole file
 *       meta (legacy files ingest accepts) gets a zero preamble, or a generated file meta naming
 *       the stored transfer syntax, before its unchanged bytes;
 *   <li>transcoded: parsed through the authenticated random-access channel and written in
 *       Explicit VR Little Endian by the codec ({@link DicomWriter}), bulk values streamed.
 * </ul>
 */
final class InstanceWriter {
  private static final int PREFIX = Preamble.LENGTH + 4;

  /** Starts the output of an instance once its headers are known. */
  @FunctionalInterface
  interface Target {
    OutputStream open(Map<String, String> headers) throws IOException;
  }

  private final InstanceBytes bytes;

  InstanceWriter(InstanceBytes bytes) {
    this.bytes = bytes;
  }

  void asStored(StoredInstance instance, Target target) throws IOException {
    try (InputStream in = bytes.openStream(instance.row(), instance.sopInstanceUid())) {
      byte[] prefix = in.readNBytes(PREFIX);
      String syntax = instance.row().transferSyntaxUid();
      Map<String, String> headers = headers(syntax);
      if (isDicm(prefix, Preamble.LENGTH)) {
        headers.put("Content-Length", Long.toString(instance.row().storedSizeBytes()));
        OutputStream out = target.open(headers);
        out.write(prefix);
        in.transferTo(out);
      } else if (isDicm(prefix, 0)) {
        headers.put("Content-Length", Long.toString(instance.row().storedSizeBytes() + Preamble.LENGTH));
        OutputStream out = target.open(headers);
        out.write(new byte[Preamble.LENGTH]);
        out.write(prefix);
        in.transferTo(out);
      } else {
        OutputStream out = target.open(headers);
        FileMeta meta = generatedMeta(instance, TransferSyntax.of(syntax).orElseThrow());
        DicomWriter.writeFile(out, meta, DataSet.empty(), meta.transferSyntax(), BulkDataSource.NONE);
        out.write(prefix);
        in.transferTo(out);
      }
    }
  }

  void transcoded(StoredInstance instance, TransferSyntax target, Target output) throws IOException {
    InstanceContent content = InstanceContent.open(bytes, instance);
    DicomFile file = content.file();
    FileMeta meta = file.fileMeta().orElseGet(() -> generatedMeta(instance, target));
    OutputStream out = output.open(headers(target.uid()));
    DicomWriter.writeFile(out, new FileMeta(Optional.of(meta.preamble().orElse(Preamble.zero())), meta.elements(),
        target), file.dataSet(), target, content.bulk());
  }

  private static Map<String, String> headers(String transferSyntaxUid) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", RetrievePlan.DICOM + "; transfer-syntax=" + transferSyntaxUid);
    return headers;
  }

  private static boolean isDicm(byte[] prefix, int at) {
    return prefix.length >= at + 4 && Arrays.equals(prefix, at, at + 4, new byte[] {'D', 'I', 'C', 'M'}, 0, 4);
  }

  /** PS3.10 7.1 file meta for an object stored without one. */
  private static FileMeta generatedMeta(StoredInstance instance, TransferSyntax syntax) {
    DataSet elements = DataSet.builder()
        .add(Tags.FileMetaInformationVersion, Vr.OB, Value.Bytes.of(new byte[] {0, 1}))
        .addText(Tags.MediaStorageSOPClassUID, Vr.UI, instance.row().sopClassUid())
        .addText(Tags.MediaStorageSOPInstanceUID, Vr.UI, instance.sopInstanceUid())
        .addText(Tags.TransferSyntaxUID, Vr.UI, syntax.uid())
        .addText(Tags.ImplementationClassUID, Vr.UI, ImplementationUid.UID)
        .addText(Tags.ImplementationVersionName, Vr.SH, ImplementationUid.VERSION_NAME)
        .build();
    return new FileMeta(Optional.of(Preamble.zero()), elements, syntax);
  }
}
