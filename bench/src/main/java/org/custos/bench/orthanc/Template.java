package org.custos.bench.orthanc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.bench.corpus.Relabeller;
import org.custos.dicom.DicomException;
import org.custos.dicom.dictionary.Tags;

/**
 * A corpus file the copies are made from. The set is the corpus's valid single-frame files
 * ({@code MANIFEST.tsv}: category {@code valid}, under {@code valid/}, 1 frame) plus the 512 x 512
 * CT the harness decompresses from the corpus (the corpus has no uncompressed one). The copies
 * get a zero preamble: two Siemens files carry bytes there that Custos zeroes at ingest (with a
 * B000 warning), which would make the stored bytes differ between the servers.
 */
record Template(String name, long sizeBytes, String modality, Relabeller relabeller) {
  static List<Template> select(Path corpus, Path ct512, List<String> skipped) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> manifest = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
    for (String line : manifest.subList(1, manifest.size())) {
      String[] columns = line.split("\t", -1);
      if (columns[0].startsWith("valid/") && columns[3].equals("valid") && columns[8].endsWith("x1")) {
        files.add(corpus.resolve(columns[0]));
      }
    }
    files.add(ct512);
    List<Template> templates = new ArrayList<>();
    for (Path file : files) {
      String name = corpus.relativize(file).toString().startsWith("..") ? file.getFileName().toString()
          : corpus.relativize(file).toString();
      try {
        Relabeller relabeller = Relabeller.of(file).withZeroPreamble();
        templates.add(new Template(name, Files.size(file), relabeller.text(Tags.Modality).orElse("OT"), relabeller));
      } catch (DicomException e) {
        skipped.add(name + ": " + e.getMessage());
      }
    }
    return templates;
  }
}
