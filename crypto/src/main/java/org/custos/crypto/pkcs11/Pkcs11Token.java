package org.custos.crypto.pkcs11;

import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;
import org.custos.crypto.CryptoException;

/**
 * One logged-in session with a token through SunPKCS11: its provider and its key store, where
 * root versions are secret-key token objects labelled {@code custos-root-v<N>}. Key store calls
 * are serialised here; ciphers created from {@link #provider()} may run concurrently.
 */
final class Pkcs11Token {
  static final String ALIAS_PREFIX = "custos-root-v";
  private static final Pattern ALIAS = Pattern.compile(Pattern.quote(ALIAS_PREFIX) + "([1-9][0-9]{0,8})");

  private final Provider provider;
  private final KeyStore keyStore;
  private final String description;

  private Pkcs11Token(Provider provider, KeyStore keyStore, String description) {
    this.provider = provider;
    this.keyStore = keyStore;
    this.description = description;
  }

  static Pkcs11Token login(Pkcs11Config config) {
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new CryptoException("this JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
    }
    Provider provider;
    try {
      provider = base.configure(config.sunPkcs11Config());
    } catch (InvalidParameterException | ProviderException e) {
      throw new CryptoException("SunPKCS11 could not load " + config + " (module, slot or token missing)", e);
    }
    char[] pin = config.pin();
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
      keyStore.load(null, pin);
      return new Pkcs11Token(provider, keyStore, config.toString());
    } catch (IOException e) {
      throw new CryptoException("PKCS#11 login failed for " + config + ": wrong PIN, or the token is locked", e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("PKCS#11 key store of " + config + " is unavailable", e);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  Provider provider() {
    return provider;
  }

  /** Every root version on the token, each checked to be non-extractable. */
  synchronized Map<Integer, SecretKey> rootKeys() {
    Map<Integer, SecretKey> keys = new HashMap<>();
    try {
      for (String alias : Collections.list(keyStore.aliases())) {
        Matcher m = ALIAS.matcher(alias);
        if (m.matches() && keyStore.isKeyEntry(alias)) {
          keys.put(Integer.parseInt(m.group(1)), nonExtractable(alias, keyStore.getKey(alias, null)));
        }
      }
      return keys;
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CryptoException("could not list the root keys on " + description, e);
    }
  }

  /** Generates an AES-256 key inside the token and stores it as token object custos-root-v{version}. */
  synchronized SecretKey generate(int version) {
    String alias = ALIAS_PREFIX + version;
    try {
      if (keyStore.containsAlias(alias)) {
        throw new CryptoException("the token already holds " + alias);
      }
      KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
      generator.init(256);
      keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
      return nonExtractable(alias, keyStore.getKey(alias, null));
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CryptoException("could not generate " + alias + " on " + description, e);
    }
  }

  /** Destroys token object custos-root-v{version} (C_DestroyObject). */
  synchronized void destroy(int version) {
    try {
      keyStore.deleteEntry(ALIAS_PREFIX + version);
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CryptoException("could not destroy " + ALIAS_PREFIX + version + " on " + description, e);
    }
  }

  synchronized void logout() {
    try {
      ((AuthProvider) provider).logout();
    } catch (LoginException e) {
      throw new CryptoException("PKCS#11 logout failed on " + description, e);
    }
  }

  private static SecretKey nonExtractable(String alias, Key key) {
    if (!(key instanceof SecretKey secret) || !"AES".equals(key.getAlgorithm())) {
      throw new CryptoException(alias + " on the token is not an AES secret key");
    }
    if (key.getEncoded() != null) {
      throw new CryptoException(alias + " on the token is extractable; refusing to use it as a root key");
    }
    return secret;
  }

  @Override
  public String toString() {
    return description;
  }
}
