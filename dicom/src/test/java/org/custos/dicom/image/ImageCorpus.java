package org.custos.dicom.image;

import org.custos.dicom.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.FileBulkDataSource;
import org.custos.dicom.ReadOptions;

/** The shared DICOM corpus and its manifest; a missing corpus is a failure, never a skip. */
final class ImageCorpus {
  /** One MANIFEST.tsv row: the columns these tests use. */
  record Entry(String file, String transferSyntaxUid, String pixelDecode) {
    boolean dcmtkDecodes() {
      return pixelDecode.contains("dcmtk=ok");
    }

    @Override
    public String toString() {
      return file;
    }
  }

  private ImageCorpus() {}

  static Path root() {
    return Corpus.root();
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static List<Entry> manifest() {
    try {
      return Files.readAllLines(root().resolve("MANIFEST.tsv")).stream()
          .skip(1)
          .map(line -> line.split("\t", -1))
          .map(f -> new Entry(f[0], f[7], f[9]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parsed corpus file whose large values stay in the file (the default threshold). */
  static Parsed read(Path file) {
    return read(file, ReadOptions.DEFAULT);
  }

  static Parsed read(Path file, ReadOptions options) {
    DicomFile parsed = DicomReader.read(file, options);
    return new Parsed(parsed, FileBulkDataSource.of(file, parsed));
  }

  /** A parsed file and the bulk source that reads its deferred values. */
  record Parsed(DicomFile file, FileBulkDataSource bulk) {
    PixelBuffer decodeAll() {
      return new FrameDecoder().decodeFrames(file.dataSet(), file.transferSyntax(), bulk);
    }

    PixelBuffer decode(int frame) {
      return new FrameDecoder().decodeFrame(file.dataSet(), file.transferSyntax(), frame, bulk);
    }
  }
}
