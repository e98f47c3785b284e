package org.custos.crypto.keyring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.custos.crypto.CryptoException;

/**
 * A key file: exactly 32 random bytes, mode 0600. Refused when group or others have any access,
 * as OpenSSH refuses private keys. Created with 0600 from the start (never written wider, then
 * narrowed) and fsynced.
 */
final class KeyFile {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private KeyFile() {}

  /** The key in {@code path}, generating a new key file first if there is none. */
  static byte[] readOrCreate(Path path) {
    byte[] key = new byte[Kek.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try (FileChannel out = FileChannel.open(path, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
      out.write(ByteBuffer.wrap(key));
      out.force(true);
      AtomicFiles.syncDirectory(path.toAbsolutePath().getParent());
      return key;
    } catch (FileAlreadyExistsException e) {
      Arrays.fill(key, (byte) 0);
      return read(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create key file " + path, e);
    }
  }

  static byte[] read(Path path) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
        throw new CryptoException("key file " + path + " is accessible by group or others (mode "
            + PosixFilePermissions.toString(permissions) + "); it must be 0600: chmod 600 " + path);
      }
      byte[] key = Files.readAllBytes(path);
      if (key.length != Kek.KEY_BYTES) {
        int length = key.length;
        Arrays.fill(key, (byte) 0);
        throw new CryptoException("key file " + path + " must hold exactly " + Kek.KEY_BYTES + " bytes, holds " + length);
      }
      return key;
    } catch (NoSuchFileException e) {
      throw new CryptoException("key file does not exist: " + path);
    } catch (UnsupportedOperationException e) {
      throw new CryptoException("key file " + path + " is on a file system without POSIX permissions");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read key file " + path, e);
    }
  }
}
