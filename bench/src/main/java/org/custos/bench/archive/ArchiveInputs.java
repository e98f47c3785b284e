package org.custos.bench.archive;

import static org.custos.bench.corpus.Relabeller.put;
import static org.custos.bench.corpus.Relabeller.uid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.bench.corpus.Relabeller;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomException;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileMeta;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;

/**
 * Inputs for the archive benchmark: the corpus's valid files replicated with fresh Study, Series
 * and SOP Instance UIDs until there are at least {@code count}, and large synthetic multi-frame
 * MR instances (512 x 512 x 16-bit frames of noise, so nothing compresses or dedupes).
 */
final class ArchiveInputs {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ArchiveInputs() {}

  static List<Path> replicatedCorpus(Path corpus, Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(corpus.resolve("valid"))) {
      sources = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
    List<Path> written = new ArrayList<>();
    for (int round = 0; written.size() < count; round++) {
      for (Path source : sources) {
        if (written.size() >= count) {
          break;
        }
        Path target = dir.resolve(String.format("%06d.dcm", written.size()));
        if (Files.exists(target) || relabel(source, target)) {
          written.add(target);
        }
      }
      if (round > 0 && written.isEmpty()) {
        throw new IOException("no corpus file could be relabelled");
      }
    }
    return written;
  }

  private static boolean relabel(Path source, Path target) throws IOException {
    try {
      Relabeller relabeller = Relabeller.of(source);
      if (relabeller.transferSyntax().deflated()) {
        return false;
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        relabeller.write(out, Map.of());
      }
      return true;
    } catch (DicomException e) {
      Files.deleteIfExists(target);
      return false;
    }
  }

  static List<Path> largeInstances(Path template, Path dir, int count, int frames) throws IOException {
    Files.createDirectories(dir);
    DicomFile parsed = DicomReader.read(template, ReadOptions.DEFAULT.withAllValuesInMemory());
    List<Path> written = new ArrayList<>();
    byte[] pixels = new byte[512 * 512 * 2 * frames];
    for (int i = 0; i < count; i++) {
      Path target = dir.resolve(String.format("large-%03d.dcm", i));
      written.add(target);
      if (Files.exists(target)) {
        continue;
      }
      RANDOM.nextBytes(pixels);
      for (int p = 1; p < pixels.length; p += 2) {
        pixels[p] &= 0x0F; // 12 bits stored
      }
      String sop = uid();
      DataSet dataSet = put(put(put(put(parsed.dataSet(), Tags.SOPInstanceUID, Vr.UI, sop),
          Tags.StudyInstanceUID, Vr.UI, uid()), Tags.SeriesInstanceUID, Vr.UI, uid()),
          Tags.NumberOfFrames, Vr.IS, Integer.toString(frames))
          .toBuilder()
          .put(new DicomElement(Tags.Rows, Vr.US, Value.Bytes.of(new byte[] {0, 2})))
          .put(new DicomElement(Tags.Columns, Vr.US, Value.Bytes.of(new byte[] {0, 2})))
          .put(new DicomElement(Tags.BitsStored, Vr.US, Value.Bytes.of(new byte[] {12, 0})))
          .put(new DicomElement(Tags.HighBit, Vr.US, Value.Bytes.of(new byte[] {11, 0})))
          .put(new DicomElement(Tag.PIXEL_DATA, Vr.OW, Value.Bytes.of(pixels)))
          .build();
      FileMeta meta = new FileMeta(parsed.fileMeta().get().preamble(),
          put(parsed.fileMeta().get().elements(), Tags.MediaStorageSOPInstanceUID, Vr.UI, sop),
          TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
      try (OutputStream out = Files.newOutputStream(target)) {
        DicomWriter.writeFile(out, meta, dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            org.custos.dicom.BulkDataSource.NONE);
      }
    }
    return written;
  }
}
