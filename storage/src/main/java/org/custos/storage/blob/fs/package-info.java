/**
 * The file system blob store: one file per blob under a root directory, written through a temp
 * file that is forced to disk and then linked into place.
 *
 * <p>What lives here: {@link org.custos.storage.blob.fs.FileBlobStore} (the public entry) and its
 * package-private writer, layout and directory-durability helpers. What must not: caching,
 * locking across processes, or any file name derived from anything but a random blob id.
 */
package org.custos.storage.blob.fs;
