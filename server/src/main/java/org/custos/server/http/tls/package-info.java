/**
 * The server's TLS identity: a certificate chain and key from PEM files or a PKCS#12 file, or a
 * self-signed certificate generated on first start and kept in the instance folder (key file
 * 0600). Private keys never leave the in-memory key store handed to Jetty and never print.
 */
package org.custos.server.http.tls;
