package org.custos.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.proto.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.proto.AesGcmKey;
import com.google.crypto.tink.proto.EncryptedKeyset;
import com.google.crypto.tink.proto.Keyset;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.protobuf.ExtensionRegistryLite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decodes the checked-in vectors the way docs/formats/blob.md describes, step by step, with the
 * JDK's AES-GCM and Tink's keyset protos only (no Custos code), so the document is proven to be
 * enough to read a blob. Also pins the test keys the document publishes.
 */
class BlobFormatIndependentDecodeTest {
  /** TEST ONLY, published in docs/formats/blob.md: root version 1 and the patient key of the vectors. */
  static final String ROOT_AES_KEY = "7b7de9360ea34df0e3e4116c08a048630fbe503748f2c143e0c897430ad81890";
  static final String PATIENT_AES_KEY = "1786f0484a0c16cf9edaff2af7bae6f8235058acbbf282dfdc9f48be9a409e38";

  @ParameterizedTest
  @CsvSource({"blob-1mb.bin, 300", "blob-4kb.bin, 10000"})
  void documentedLayout_decodesTheVector(String file, int size) throws Exception {
    // Keyring file: the version's keyset is a Tink EncryptedKeyset under the key-file KEK (AES-256-GCM, no prefix).
    JsonNode keyring = new ObjectMapper().readTree(BlobTestVectorTest.resource("keyring.json"));
    JsonNode v1 = keyring.get("versions").get(0);
    byte[] rootAd = ("custos-keyring/1\0" + keyring.get("keyringId").asText() + "\0v1\0" + v1.get("created").asText()).getBytes(UTF_8);
    byte[] rootKeysetBytes = gcm(BlobTestVectorTest.ROOT_KEY, encryptedKeyset(v1.get("keyset").binaryValue()), rootAd);
    byte[] rootKey = aesGcmKey(rootKeysetBytes);
    assertThat(HexFormat.of().formatHex(rootKey)).isEqualTo(ROOT_AES_KEY);

    // Patient key: Tink AEAD ciphertext (0x01, 4-byte key id, IV, ciphertext, tag) under the root version.
    Properties patient = new Properties();
    patient.load(new ByteArrayInputStream(BlobTestVectorTest.resource("patient-key.properties")));
    String id = patient.getProperty("patientKeyId");
    byte[] wrappedPatient = Base64.getDecoder().decode(patient.getProperty("wrapped"));
    byte[] patientKeyset = gcm(rootKey, tinkPrefixed(wrappedPatient), ("custos-patient-key/1\0" + id).getBytes(UTF_8));
    byte[] patientKey = aesGcmKey(patientKeyset);
    assertThat(HexFormat.of().formatHex(patientKey)).isEqualTo(PATIENT_AES_KEY);

    // Blob header.
    byte[] blob = BlobTestVectorTest.resource(file);
    ByteBuffer in = ByteBuffer.wrap(blob);
    byte[] magic = new byte[8];
    in.get(magic);
    assertThat(new String(magic, UTF_8)).isEqualTo("CUSTOSB\u0001");
    assertThat(in.getShort()).isEqualTo((short) 1);
    byte[] keyId = new byte[in.get() & 0xff];
    in.get(keyId);
    assertThat(new String(keyId, UTF_8)).isEqualTo(id);
    int prefixLength = in.position();
    byte[] wrappedDataKey = new byte[in.getShort() & 0xffff];
    in.get(wrappedDataKey);
    int headerLength = in.position();

    // Data key: EncryptedKeyset under the patient key, AD = label || header prefix || context AD.
    byte[] contextAd = BlobTestVectorTest.CONTEXT.associatedData();
    byte[] dataKeyAd = concat("custos-blob-data-key/1\0".getBytes(UTF_8), Arrays.copyOf(blob, prefixLength), contextAd);
    byte[] dataKeyset = gcm(patientKey, tinkPrefixed(encryptedKeyset(wrappedDataKey)), dataKeyAd);
    Keyset keyset = Keyset.parseFrom(dataKeyset, ExtensionRegistryLite.getEmptyRegistry());
    AesGcmHkdfStreamingKey streamingKey = AesGcmHkdfStreamingKey.parseFrom(
        keyset.getKey(0).getKeyData().getValue(), ExtensionRegistryLite.getEmptyRegistry());
    int segmentBytes = streamingKey.getParams().getCiphertextSegmentSize();
    assertThat(segmentBytes).isIn(4096, 1 << 20);

    // Body: Tink AES-GCM-HKDF streaming with AD = header || context AD.
    AesGcmHkdfStreaming body = new AesGcmHkdfStreaming(
        streamingKey.getKeyValue().toByteArray(), "HmacSha256", streamingKey.getParams().getDerivedKeySize(), segmentBytes, 0);
    ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
    try (InputStream decrypted = body.newDecryptingStream(
        new ByteArrayInputStream(blob, headerLength, blob.length - headerLength), concat(Arrays.copyOf(blob, headerLength), contextAd))) {
      decrypted.transferTo(plaintext);
    }
    assertThat(plaintext.toByteArray()).isEqualTo(BlobTestVectorTest.plaintext(size));
  }

  private static byte[] encryptedKeyset(byte[] bytes) throws Exception {
    return EncryptedKeyset.parseFrom(bytes, ExtensionRegistryLite.getEmptyRegistry()).getEncryptedKeyset().toByteArray();
  }

  private static byte[] tinkPrefixed(byte[] ciphertext) {
    assertThat(ciphertext[0]).isEqualTo((byte) 0x01);
    return Arrays.copyOfRange(ciphertext, 5, ciphertext.length);
  }

  private static byte[] aesGcmKey(byte[] keysetBytes) throws Exception {
    Keyset keyset = Keyset.parseFrom(keysetBytes, ExtensionRegistryLite.getEmptyRegistry());
    assertThat(keyset.getKeyCount()).isEqualTo(1);
    assertThat(keyset.getKey(0).getKeyData().getTypeUrl()).isEqualTo("type.googleapis.com/google.crypto.tink.AesGcmKey");
    return AesGcmKey.parseFrom(keyset.getKey(0).getKeyData().getValue(), ExtensionRegistryLite.getEmptyRegistry())
        .getKeyValue().toByteArray();
  }

  /** AES-256-GCM (NIST SP 800-38D) with a 12-byte IV in front and a 16-byte tag at the end. */
  private static byte[] gcm(byte[] key, byte[] ivCiphertextTag, byte[] ad) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, ivCiphertextTag, 0, 12));
    cipher.updateAAD(ad);
    return cipher.doFinal(ivCiphertextTag, 12, ivCiphertextTag.length - 12);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
