package org.custos.storage.blob.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobInfo;

/**
 * Where blobs live under the root: {@code ab/cd/abcd…} (the first two pairs of hex digits of the
 * id as directories, so that no directory holds more than 256 subdirectories and a store of ten
 * million blobs keeps about 150 files per leaf), and {@code tmp/} for writes in progress.
 * {@code tmp} can never collide with a fan-out directory: "tm" is not hex.
 */
final class FanOut {
  static final String TMP = "tmp";
  private static final Pattern PAIR = Pattern.compile("[0-9a-f]{2}");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  private final Path root;

  FanOut(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path tmp() {
    return root.resolve(TMP);
  }

  Path pathOf(BlobId id) {
    String hex = id.value();
    return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
  }

  /**
   * Lazily walks the fan-out tree, one directory at a time; each directory is read eagerly (at
   * most 256 entries, or one leaf's worth of blobs) so that I/O errors surface here as
   * {@link StorageException}s rather than later from inside the stream. Files that vanish while
   * walking are skipped; files not at the place their name dictates are ignored.
   */
  Stream<BlobInfo> list() {
    return children(root, PAIR).stream()
        .flatMap(first -> children(first, PAIR).stream())
        .flatMap(second -> children(second, ID).stream())
        .filter(file -> file.equals(pathOf(new BlobId(file.getFileName().toString()))))
        .flatMap(file -> info(file).stream());
  }

  private static List<Path> children(Path dir, Pattern names) {
    List<Path> result = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (names.matcher(entry.getFileName().toString()).matches()) {
          result.add(entry);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StorageException("listing blob directory " + dir + " failed", e);
    }
    result.sort(null);
    return result;
  }

  private static Optional<BlobInfo> info(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return Optional.empty();
      }
      BlobId id = new BlobId(file.getFileName().toString());
      return Optional.of(
          new BlobInfo(id, attributes.size(), attributes.lastModifiedTime().toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("reading attributes of blob file " + file + " failed", e);
    }
  }
}
