package org.custos.server.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;

/**
 * Reads a DICOMDIR (PS3.10 8, PS3.3 F.3): every directory record's Referenced File ID (0004,1500)
 * names a file relative to the DICOMDIR's folder, one path component per value.
 */
final class DicomdirReader {
  private DicomdirReader() {}

  static List<ImportItem> referencedFiles(Path dicomdir) throws IOException {
    DataSet dataSet = DicomReader.read(dicomdir, ReadOptions.DEFAULT).dataSet();
    Path folder = dicomdir.toAbsolutePath().getParent();
    List<ImportItem> items = new ArrayList<>();
    for (DataSet record : dataSet.getItems(Tags.DirectoryRecordSequence)) {
      List<String> components = record.getStrings(Tags.ReferencedFileID);
      if (components.isEmpty()) {
        continue;
      }
      Path file = folder;
      for (String component : components) {
        String part = component.strip();
        if (part.isEmpty() || part.equals("..") || part.contains("/") || part.contains("\\")) {
          throw new IOException("DICOMDIR record names an unsafe path component");
        }
        file = resolveCase(file, part);
      }
      Path resolved = file;
      items.add(new ImportItem(resolved.toString(), Files.exists(resolved) ? Files.size(resolved) : -1,
          () -> Files.newInputStream(resolved)));
    }
    return items;
  }

  /** Media written on other systems often have lower-case names for upper-case file IDs. */
  private static Path resolveCase(Path folder, String component) {
    Path exact = folder.resolve(component);
    if (Files.exists(exact)) {
      return exact;
    }
    Path lower = folder.resolve(component.toLowerCase(java.util.Locale.ROOT));
    return Files.exists(lower) ? lower : exact;
  }
}
