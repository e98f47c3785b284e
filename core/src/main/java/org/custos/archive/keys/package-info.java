/**
 * The archive's use of the key hierarchy: archive-wide service keys (blind index) stored wrapped
 * in the index, a bounded cache of unwrapped patient keys, and sealing of index fields under the
 * patient key with associated data that binds each value to its row and column.
 */
package org.custos.archive.keys;
