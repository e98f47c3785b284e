/**
 * Specific Character Set (0008,0005): which character repertoires a data set's text uses, and the
 * decoding and encoding of character-set-sensitive values (SH, LO, UC, ST, LT, UT, PN) with them,
 * including ISO 2022 code extension (PS3.5 6.1, Annexes H, I, J and K; PS3.3 C.12.1.1.2).
 *
 * <p>What lives here: {@link org.custos.dicom.charset.SpecificCharacterSet}, its two exceptions,
 * and package-private code tables that name JDK charsets and the escape sequences that designate
 * them.
 *
 * <p>What must not: hand-written code tables (the JDK's charsets are the tables), knowledge of the
 * data set structure (callers pass value bytes and the VR), value splitting or padding removal, or
 * any mutable state. Decoding never throws on content; nothing here logs or puts text in a message.
 */
package org.custos.dicom.charset;
