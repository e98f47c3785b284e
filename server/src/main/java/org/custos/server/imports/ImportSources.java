package org.custos.server.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Expands the paths given to {@code custos import} into items: a folder is walked recursively in
 * name order; a zip file (by its "PK" signature) gives its entries; a DICOMDIR (PS3.10 media)
 * gives the files its directory records reference. DICOMDIR files (named DICOMDIR*) met during a folder walk are
 * skipped, since the walk finds the files they reference anyway. Unreadable paths fail at once.
 */
public final class ImportSources {
  private ImportSources() {}

  public static List<ImportItem> expand(List<Path> paths) throws IOException {
    List<ImportItem> items = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new java.nio.file.NoSuchFileException(path.toString());
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            addFile(file, items, true);
          }
        }
      } else {
        addFile(path, items, false);
      }
    }
    return items;
  }

  private static void addFile(Path file, List<ImportItem> items, boolean inWalk) throws IOException {
    if (isDicomdir(file)) {
      if (!inWalk) {
        items.addAll(DicomdirReader.referencedFiles(file));
      }
      return;
    }
    if (isZip(file)) {
      items.addAll(zipEntries(file));
      return;
    }
    items.add(new ImportItem(file.toString(), Files.size(file), () -> Files.newInputStream(file)));
  }

  static boolean isDicomdir(Path file) {
    return file.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("DICOMDIR");
  }

  static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
  }

  private static List<ImportItem> zipEntries(Path zip) throws IOException {
    List<ImportItem> items = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || name.toUpperCase(Locale.ROOT).endsWith("DICOMDIR")) {
          continue;
        }
        items.add(new ImportItem(zip + "!" + name, entry.getSize(), () -> openEntry(zip, name)));
      }
    }
    return items;
  }

  private static InputStream openEntry(Path zip, String name) throws IOException {
    ZipFile file = new ZipFile(zip.toFile());
    ZipEntry entry = file.getEntry(name);
    InputStream in = file.getInputStream(entry);
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          file.close();
        }
      }
    };
  }
}
