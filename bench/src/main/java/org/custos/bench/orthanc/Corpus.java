package org.custos.bench.orthanc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custos.bench.corpus.Relabeller;
import org.custos.bench.dicomweb.Folders;
import org.custos.bench.dicomweb.StoredFile;

/**
 * The replicated corpus on disk: sets of copies, each copy a new study (fresh Study, Series and
 * SOP Instance UIDs) labelled by the {@link Population}, the templates taken in turn so that every
 * set of more than a few dozen copies has the same mix. Both servers are sent these files.
 */
final class Corpus {
  private final Path folder;
  private final Population population;

  Corpus(Path folder, Population population) throws IOException {
    this.folder = folder;
    this.population = population;
    Folders.delete(folder);
    Files.createDirectories(folder);
  }

  /** Writes {@code count} copies of {@code templates} in turn to the set folder {@code name}. */
  List<StoredFile> write(String name, List<Template> templates, int count) throws IOException {
    Path set = folder.resolve(name);
    Files.createDirectories(set);
    List<StoredFile> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Template template = templates.get(i % templates.size());
      Path file = set.resolve(String.format(Locale.ROOT, "%06d.dcm", i));
      Relabeller.Uids uids;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
        uids = template.relabeller().write(out, population.next(template.modality()));
      }
      files.add(new StoredFile(file, Files.size(file), uids.studyInstanceUid(), uids.seriesInstanceUid(),
          uids.sopInstanceUid()));
    }
    return files;
  }

  static List<Path> paths(List<StoredFile> files) {
    return files.stream().map(StoredFile::file).toList();
  }

  static long bytes(List<StoredFile> files) {
    return files.stream().mapToLong(StoredFile::sizeBytes).sum();
  }
}
