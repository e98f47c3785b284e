/** Verification of the whole archive: every blob re-read, decrypted, re-hashed and compared with the index. */
package org.custos.archive.verify;
