package org.custos.server.home;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <home>/.lock}, held while a process uses the instance: two
 * processes on one SQLite index and one blob folder would each think the other's fresh blobs are
 * orphans. The operating system releases it when the process dies, even by SIGKILL.
 */
public final class HomeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static HomeLock acquire(Path home) {
    try {
      FileChannel channel = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new ConfigException("another custos process is using " + home + " (its .lock is held)");
      }
      return new HomeLock(channel, lock);
    } catch (IOException e) {
      throw new ConfigException("cannot lock " + home + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
