/**
 * Keys and encryption for the archive (DESIGN.md, "Keys"): the root key behind a
 * {@link org.custos.crypto.RootKeyProvider} (keyring file or PKCS#11 token), one key per patient
 * wrapped by the root, one data key per stored instance wrapped by the patient key, the encrypted
 * blob format (docs/formats/blob.md) over Tink's streaming AEAD, field encryption for index PHI
 * and keyed blind indexes for exact-match search.
 *
 * <p>Everything here uses vetted libraries only (Tink, JCA, BouncyCastle); no segmenting, padding
 * or MAC construction is written here. Checked exceptions of those libraries stay inside this
 * package and leave as {@link org.custos.crypto.IntegrityException} or
 * {@link org.custos.crypto.CryptoException}. Key material lives only in holder types that do not
 * print themselves. No PHI or key bytes ever reach an exception message.
 */
package org.custos.crypto;
