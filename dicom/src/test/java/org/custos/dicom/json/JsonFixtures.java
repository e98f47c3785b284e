package org.custos.dicom.json;

import org.custos.dicom.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/** Test helpers: where the shared corpus is, and a stateless in-memory bulk data store. */
final class JsonFixtures {
  private JsonFixtures() {}

  /**
   * {@code dicom-corpus} under system property {@code custos.shared.dir}, else under
   * {@code ../../shared}. Its absence is a broken checkout, never a reason to skip.
   */
  static Path corpus() {
    return Corpus.root();
  }

  /** The corpus files a conformant reader parses: everything outside malformed/ and tools/. */
  static List<Path> parseableFiles() throws IOException {
    Path root = corpus();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).startsWith("malformed") && !root.relativize(p).startsWith("tools"))
          .filter(p -> !p.getFileName().toString().matches(".*\\.(md|tsv|pem|py|cfg)"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * A bulk data store that keeps nothing: the URI of a value is its bytes in hex, so writing and
   * reading back are inverse without shared state. For bytes in memory only.
   */
  static final class HexUris implements BulkDataUris, BulkDataResolver {
    static final String PREFIX = "urn:test-bulk:";

    @Override
    public Optional<String> uriFor(BulkSite site) {
      if (site.value() instanceof Value.Bytes bytes) {
        return Optional.of(PREFIX + HexFormat.of().formatHex(bytes.bytes()));
      }
      return Optional.empty();
    }

    @Override
    public Value resolve(String uri, int tag, Vr vr) throws IOException {
      if (!uri.startsWith(PREFIX)) {
        throw new IOException("not a test URI");
      }
      return Value.Bytes.of(HexFormat.of().parseHex(uri.substring(PREFIX.length())));
    }
  }
}
