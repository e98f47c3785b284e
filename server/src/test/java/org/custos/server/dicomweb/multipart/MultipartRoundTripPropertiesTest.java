package org.custos.server.dicomweb.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the parts and however the bytes arrive, reading gives back exactly what was written. */
class MultipartRoundTripPropertiesTest {
  @Property(tries = 300)
  void writeThenRead_isIdentity(@ForAll("parts") @Size(max = 5) List<byte[]> parts, @ForAll("boundaries") String boundary,
      @ForAll @IntRange(min = 1, max = 5000) int readSize, @ForAll @IntRange(min = 1, max = 5000) int sourceSize)
      throws IOException {
    byte[] delimiter = MultipartBodies.ascii("\r\n--" + boundary);
    for (byte[] part : parts) {
      // RFC 2046: the delimiter must not occur in a part; the first occurrence is the real one.
      Assume.that(indexOf(concat(part, delimiter), delimiter) == part.length);
    }
    byte[] body = MultipartBodies.body(boundary, parts);
    List<byte[]> read = MultipartBodies.readAll(MultipartBodies.trickle(new ByteArrayInputStream(body), sourceSize),
        boundary, readSize);
    assertThat(read).hasSameSizeAs(parts);
    for (int i = 0; i < parts.size(); i++) {
      assertThat(read.get(i)).isEqualTo(parts.get(i));
    }
  }

  @Provide
  Arbitrary<List<byte[]>> parts() {
    // Bytes drawn from a small alphabet that is rich in delimiter characters.
    Arbitrary<byte[]> part = Arbitraries.of((byte) '\r', (byte) '\n', (byte) '-', (byte) 'a', (byte) 'b', (byte) 0)
        .array(byte[].class).ofMaxSize(3000);
    return part.list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> boundaries() {
    return Arbitraries.strings().withChars("ab-").ofMinLength(1).ofMaxLength(8);
  }

  /** The part as it sits in the body, followed by the delimiter that ends it. */
  private static byte[] concat(byte[] part, byte[] delimiter) {
    byte[] both = new byte[part.length + delimiter.length];
    System.arraycopy(part, 0, both, 0, part.length);
    System.arraycopy(delimiter, 0, both, part.length, delimiter.length);
    return both;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
