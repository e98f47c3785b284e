package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.assertj.core.api.SoftAssertions;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomStreamReader;
import org.custos.dicom.DicomStreamReader.Event;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.malformed.Parsing.Outcome;
import org.custos.dicom.malformed.Parsing.Rejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pull parser ({@link DicomReader#open} and {@link DicomStreamReader}) on damaged input,
 * consumed the three ways a caller can: leaving each value to be skipped, reading it, or copying
 * it out. Whatever the way, it must fail exactly where and how {@link DicomReader#read} fails.
 */
class StreamingReaderAbuseTest {

  /** What the caller does with each pending value. */
  enum Consumption {
    SKIP, READ, COPY
  }

  private static final OutputStream DISCARD = OutputStream.nullOutputStream();

  @ParameterizedTest
  @EnumSource(Consumption.class)
  void cutAtEveryOffset_failsLikeRead(Consumption consumption) {
    byte[] whole = SharedCorpus.bytes("derived/CT_small_gsps.dcm");
    SoftAssertions softly = new SoftAssertions();

    for (int cut = 0; cut <= whole.length; cut++) {
      byte[] input = Arrays.copyOf(whole, cut);
      Outcome expected = Parsing.read(input, ReadOptions.DEFAULT, Feed.KNOWN_LENGTH);
      DicomParseException actual = pull(input, consumption);
      String context = consumption + ", cut at " + cut;

      if (expected instanceof Rejected rejected) {
        DicomParseException e = rejected.failure();
        if (actual == null) {
          softly.fail(context + ": read() failed with " + e + " but the pull parser reached the end");
          continue;
        }
        softly.assertThat(actual.getClass()).as(context).isEqualTo(e.getClass());
        softly.assertThat(actual.offset()).as(context).isEqualTo(e.offset());
        softly.assertThat(Parsing.tagName(actual.tag())).as(context).isEqualTo(Parsing.tagName(e.tag()));
      } else {
        softly.assertThat(actual).as(context + ": read() parsed").isNull();
      }
    }
    softly.assertAll();
  }

  /** Pulls every event; returns the parse exception thrown, or null at a clean end. */
  private static DicomParseException pull(byte[] input, Consumption consumption) {
    try {
      DicomStreamReader reader = DicomReader.open(new ByteArrayInputStream(input), input.length, ReadOptions.DEFAULT).reader();
      for (Event event = reader.next(); event != Event.END; event = reader.next()) {
        if (event == Event.ELEMENT || event == Event.FRAGMENT) {
          consume(reader, consumption);
        }
      }
      return null;
    } catch (DicomParseException e) {
      Parsing.assertNamesWhere(e);
      return e;
    }
  }

  private static void consume(DicomStreamReader reader, Consumption consumption) {
    switch (consumption) {
      case READ -> assertThat(reader.readValue()).hasSize((int) reader.length());
      case COPY -> {
        try {
          reader.copyValue(DISCARD);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case SKIP -> { }
    }
  }
}
