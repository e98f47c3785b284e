package org.custos.server.home;

import java.util.Set;

/** Every configuration key; docs/configuration.md explains each. */
final class ConfigKeys {
  static final String INDEX_KIND = "index.kind";
  static final String INDEX_SQLITE_PATH = "index.sqlite.path";
  static final String INDEX_POSTGRESQL_URL = "index.postgresql.url";
  static final String INDEX_POSTGRESQL_USER = "index.postgresql.user";
  static final String INDEX_POSTGRESQL_PASSWORD_FILE = "index.postgresql.password-file";
  static final String BLOBS_KIND = "blobs.kind";
  static final String BLOBS_FILESYSTEM_PATH = "blobs.filesystem.path";
  static final String BLOBS_S3_ENDPOINT = "blobs.s3.endpoint";
  static final String BLOBS_S3_REGION = "blobs.s3.region";
  static final String BLOBS_S3_BUCKET = "blobs.s3.bucket";
  static final String BLOBS_S3_PREFIX = "blobs.s3.prefix";
  static final String BLOBS_S3_PATH_STYLE = "blobs.s3.path-style";
  static final String BLOBS_S3_ACCESS_KEY_ID = "blobs.s3.access-key-id";
  static final String BLOBS_S3_SECRET_KEY_FILE = "blobs.s3.secret-key-file";
  static final String KEYS_PROVIDER = "keys.provider";
  static final String KEYS_KEYRING_PATH = "keys.keyring.path";
  static final String KEYS_KEYRING_SEAL = "keys.keyring.seal";
  static final String KEYS_KEYRING_KEY_FILE = "keys.keyring.key-file";
  static final String KEYS_KEYRING_PASSPHRASE_FILE = "keys.keyring.passphrase-file";
  static final String KEYS_PKCS11_LIBRARY = "keys.pkcs11.library";
  static final String KEYS_PKCS11_SLOT = "keys.pkcs11.slot";
  static final String KEYS_PKCS11_PIN_FILE = "keys.pkcs11.pin-file";
  static final String LOG_ORIGIN = "log.origin";
  static final String LOG_WITNESSES = "log.witnesses";
  static final String SERVER_BIND = "server.bind";
  static final String SERVER_HTTPS_PORT = "server.https-port";
  static final String SERVER_HTTP_PORT = "server.http-port";
  static final String SERVER_TLS_CERTIFICATE = "server.tls.certificate";
  static final String SERVER_TLS_PRIVATE_KEY = "server.tls.private-key";
  static final String SERVER_TLS_PKCS12 = "server.tls.pkcs12";
  static final String SERVER_TLS_PKCS12_PASSWORD_FILE = "server.tls.pkcs12-password-file";
  static final String SERVER_CORS_ALLOWED_ORIGINS = "server.cors.allowed-origins";
  static final String SERVER_STOW_MAX_REQUEST_BYTES = "server.stow.max-request-bytes";
  static final String SERVER_SHUTDOWN_TIMEOUT_SECONDS = "server.shutdown-timeout-seconds";
  static final String AUTH_JWT_ISSUER = "auth.jwt.issuer";
  static final String AUTH_JWT_AUDIENCE = "auth.jwt.audience";
  static final String AUTH_JWT_JWKS_URL = "auth.jwt.jwks-url";
  static final String AUTH_JWT_PUBLIC_KEY_FILE = "auth.jwt.public-key-file";
  static final String AUTH_JWT_CLOCK_SKEW_SECONDS = "auth.jwt.clock-skew-seconds";

  static final Set<String> ALL = Set.of(INDEX_KIND, INDEX_SQLITE_PATH, INDEX_POSTGRESQL_URL, INDEX_POSTGRESQL_USER,
      INDEX_POSTGRESQL_PASSWORD_FILE, BLOBS_KIND, BLOBS_FILESYSTEM_PATH, BLOBS_S3_ENDPOINT, BLOBS_S3_REGION,
      BLOBS_S3_BUCKET, BLOBS_S3_PREFIX, BLOBS_S3_PATH_STYLE, BLOBS_S3_ACCESS_KEY_ID, BLOBS_S3_SECRET_KEY_FILE,
      KEYS_PROVIDER, KEYS_KEYRING_PATH, KEYS_KEYRING_SEAL, KEYS_KEYRING_KEY_FILE, KEYS_KEYRING_PASSPHRASE_FILE,
      KEYS_PKCS11_LIBRARY, KEYS_PKCS11_SLOT, KEYS_PKCS11_PIN_FILE, LOG_ORIGIN, LOG_WITNESSES, SERVER_BIND,
      SERVER_HTTPS_PORT, SERVER_HTTP_PORT,
      SERVER_TLS_CERTIFICATE, SERVER_TLS_PRIVATE_KEY, SERVER_TLS_PKCS12, SERVER_TLS_PKCS12_PASSWORD_FILE,
      SERVER_CORS_ALLOWED_ORIGINS, SERVER_STOW_MAX_REQUEST_BYTES, SERVER_SHUTDOWN_TIMEOUT_SECONDS, AUTH_JWT_ISSUER,
      AUTH_JWT_AUDIENCE, AUTH_JWT_JWKS_URL, AUTH_JWT_PUBLIC_KEY_FILE, AUTH_JWT_CLOCK_SKEW_SECONDS);

  private ConfigKeys() {}
}
