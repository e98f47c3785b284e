package org.custos.server.dicomweb.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.server.dicomweb.multipart.MultipartBodies.ascii;
import static org.custos.server.dicomweb.multipart.MultipartBodies.body;
import static org.custos.server.dicomweb.multipart.MultipartBodies.readAll;
import static org.custos.server.dicomweb.multipart.MultipartBodies.trickle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
  static final String B = "custos-7f3a";

  @Test
  void twoParts_comeBackWithTheirHeadersAndExactBodies() throws IOException {
    byte[] first = ascii("DICM\r\n--custos-7f3 not a delimiter\r\n-\r");
    byte[] second = new byte[0];
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(B, List.of(first, second))), B);

    Part one = reader.next().orElseThrow();
    assertThat(one.number()).isEqualTo(1);
    assertThat(one.header("CONTENT-type")).contains("application/dicom");
    assertThat(one.body().readAllBytes()).isEqualTo(first);
    Part two = reader.next().orElseThrow();
    assertThat(two.body().readAllBytes()).isEmpty();
    assertThat(reader.next()).isEmpty();
    assertThat(reader.next()).isEmpty();
    assertThat(reader.parts()).isEqualTo(2);
  }

  @Test
  void preambleEpilogueAndTransportPadding_areIgnored() throws IOException {
    byte[] body = ascii("This is a preamble.\r\n--" + B + " \t\r\nA: 1\r\n\r\npayload\r\n--" + B
        + "--  \r\nand an epilogue\r\n--" + B + "\r\n");
    assertThat(readAll(new ByteArrayInputStream(body), B, 4096)).containsExactly(ascii("payload"));
  }

  @Test
  void unreadParts_areSkipped() throws IOException {
    byte[] body = body(B, List.of(ascii("one"), ascii("two"), ascii("three")));
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), B);
    reader.next();
    reader.next();
    assertThat(reader.next().orElseThrow().body().readAllBytes()).isEqualTo(ascii("three"));
    assertThat(reader.next()).isEmpty();
  }

  @Test
  void aPartLargerThanTheBuffer_streamsThroughWhateverTheReadSizes() throws IOException {
    byte[] big = new byte[MultipartReader.BUFFER_BYTES * 5 + 17];
    new java.util.Random(7).nextBytes(big);
    // Plant near-delimiters across buffer edges.
    byte[] near = ascii("\r\n--" + B.substring(0, B.length() - 1));
    for (int at = MultipartReader.BUFFER_BYTES - 5; at + near.length < big.length; at += MultipartReader.BUFFER_BYTES) {
      System.arraycopy(near, 0, big, at, near.length);
    }
    byte[] body = body(B, List.of(big, ascii("tail")));
    for (int[] sizes : new int[][] {{1, 1}, {7, 3}, {8192, 1000}, {1 << 20, 1 << 20}}) {
      List<byte[]> parts = readAll(trickle(new ByteArrayInputStream(body), sizes[1]), B, sizes[0]);
      assertThat(parts).hasSize(2);
      assertThat(Arrays.equals(parts.get(0), big)).as("reads of %d over a source of %d", sizes[0], sizes[1]).isTrue();
      assertThat(parts.get(1)).isEqualTo(ascii("tail"));
    }
  }

  @Test
  void singleByteReads_giveTheSameBytes() throws IOException {
    byte[] content = ascii("\r\r\n\n--x\r\n-");
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(B, List.of(content))), B);
    InputStream in = reader.next().orElseThrow().body();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      out.write(c);
    }
    assertThat(out.toByteArray()).isEqualTo(content);
  }

  @Test
  void truncationAtEveryOffset_failsAsTruncatedOrWithoutDelimiter_neverOtherwise() {
    byte[] body = body(B, List.of(ascii("first part"), ascii("second")));
    for (int length = 0; length < body.length - ("--\r\n").length(); length++) {
      byte[] cut = Arrays.copyOf(body, length);
      assertThatThrownBy(() -> readAll(new ByteArrayInputStream(cut), B, 3)).as("cut at %d", length)
          .isInstanceOfSatisfying(MultipartException.class, e -> assertThat(e.kind())
              .isIn(MultipartException.Kind.TRUNCATED, MultipartException.Kind.NO_DELIMITER));
    }
  }

  @Test
  void aBodyWithoutTheBoundary_hasNoDelimiter() {
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body("other", List.of(ascii("x")))), B, 100))
        .isInstanceOfSatisfying(MultipartException.class,
            e -> assertThat(e.kind()).isEqualTo(MultipartException.Kind.NO_DELIMITER));
  }

  @Test
  void theBoundaryInsideAPart_isAMalformedDelimiter_namingItsOffset() {
    byte[] body = ascii("--" + B + "\r\n\r\nabc\r\n--" + B + "X more\r\n--" + B + "--");
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body), B, 100))
        .isInstanceOfSatisfying(MultipartException.class, e -> {
          assertThat(e.kind()).isEqualTo(MultipartException.Kind.MALFORMED_DELIMITER);
          assertThat(e.offset()).isEqualTo(("--" + B + "\r\n\r\nabc\r\n--" + B).length());
          assertThat(e.getMessage()).doesNotContain("more").contains("after part 1");
        });
  }

  @Test
  void malformedHeaders_areRefused() {
    String[] bad = {
        "Content-Type application/dicom\r\n",
        "Content-Type: a\r\n folded\r\n",
        "A: 1\r\nA: 2\r\n",
        "X: " + "y".repeat(MultipartReader.MAX_HEADER_LINE_BYTES) + "\r\n",
        "H: v\r\n".repeat(MultipartReader.MAX_HEADERS + 1),
    };
    for (String headers : bad) {
      byte[] body = ascii("--" + B + "\r\n" + headers + "\r\nbody\r\n--" + B + "--");
      assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body), B, 100)).as(headers.substring(0, 10))
          .isInstanceOfSatisfying(MultipartException.class,
              e -> assertThat(e.kind()).isEqualTo(MultipartException.Kind.MALFORMED_HEADERS));
    }
  }

  @Test
  void afterAFailure_everyCallFailsTheSameWay() throws IOException {
    byte[] body = ascii("--" + B + "\r\n\r\nabc");
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), B);
    InputStream in = reader.next().orElseThrow().body();
    MultipartException first = org.junit.jupiter.api.Assertions.assertThrows(MultipartException.class, in::readAllBytes);
    assertThat(reader.failure()).containsSame(first);
    assertThatThrownBy(reader::next).isSameAs(first);
    assertThatThrownBy(in::read).isSameAs(first);
  }

  @Test
  void boundaries_followRfc2046() {
    for (String good : new String[] {"a", "x".repeat(70), "x".repeat(73), "x".repeat(200), "gc0p4Jq0M2Yt08jU534c0p", "a b", "'()+_,-./:=?"}) {
      MultipartReader.checkBoundary(good);
    }
    for (String bad : new String[] {"", "x".repeat(201), "ends ", "semi;colon", "quote\"", "é"}) {
      assertThatThrownBy(() -> MultipartReader.checkBoundary(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sizeLimit_allowsExactlyTheLimit_andRefusesOneByteMore() throws IOException {
    byte[] body = body(B, List.of(ascii("12345")));
    assertThat(readAll(new SizeLimitedInputStream(new ByteArrayInputStream(body), body.length), B, 2)).hasSize(1);
    assertThatThrownBy(() -> readAll(new SizeLimitedInputStream(new ByteArrayInputStream(body), body.length - 1), B, 2))
        .isInstanceOfSatisfying(MultipartException.class,
            e -> assertThat(e.kind()).isEqualTo(MultipartException.Kind.TOO_LARGE));
  }

  @Test
  void partHeaders_areOptional() throws IOException {
    byte[] body = ascii("--" + B + "\r\n\r\nbare\r\n--" + B + "--");
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), B);
    Part part = reader.next().orElseThrow();
    assertThat(part.header("content-type")).isEmpty();
    assertThat(part.body().readAllBytes()).isEqualTo(ascii("bare"));
    assertThat(reader.next()).isEqualTo(Optional.empty());
  }
}
