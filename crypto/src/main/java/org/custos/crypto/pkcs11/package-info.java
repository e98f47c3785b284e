/**
 * {@link org.custos.crypto.pkcs11.Pkcs11RootKeyProvider}: the root key provider backed by a
 * PKCS#11 token (HSM) through the JDK's SunPKCS11 provider. Root versions are generated inside
 * the token and never leave it; wrapping is AES-GCM computed by the token.
 *
 * <p>No vendor libraries and no JNI of our own live here; only SunPKCS11. The PIN is held only
 * in {@link org.custos.crypto.pkcs11.Pkcs11Config} and never printed.
 */
package org.custos.crypto.pkcs11;
