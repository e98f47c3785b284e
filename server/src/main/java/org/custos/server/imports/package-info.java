/**
 * What {@code custos import} reads: files, folders (recursively), zip archives and DICOMDIR media,
 * turned into a sequence of items that the archive ingests one by one, and the tally of what
 * happened to each.
 */
package org.custos.server.imports;
