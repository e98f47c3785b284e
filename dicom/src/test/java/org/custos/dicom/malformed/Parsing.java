package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;

/**
 * Runs the reader on hostile bytes and sorts what happens into the two allowed outcomes: a
 * parsed file, or a {@link DicomParseException} whose message names its offset (and tag). Any
 * other throwable — an unchecked exception from inside the parser, another DicomException
 * without an offset, OutOfMemoryError, StackOverflowError — fails the test with the input in
 * base64, so that the failure can be replayed.
 */
final class Parsing {
  private Parsing() {}

  /** What the reader did with an input. */
  sealed interface Outcome permits Parsed, Rejected {}

  record Parsed(DicomFile file) implements Outcome {}

  record Rejected(DicomParseException failure) implements Outcome {}

  static Outcome read(byte[] input, ReadOptions options, Feed feed) {
    try {
      return new Parsed(feed.read(input, options));
    } catch (DicomParseException e) {
      assertNamesWhere(e);
      return new Rejected(e);
    } catch (RuntimeException | Error e) {
      throw new AssertionError("the reader threw " + e + " instead of a DicomParseException ("
          + feed + ", " + input.length + " bytes, base64 " + base64(input) + ")", e);
    }
  }

  /** Expects a rejection of the given type and returns it. */
  static <T extends DicomParseException> T rejection(Class<T> type, byte[] input, ReadOptions options, Feed feed) {
    Outcome outcome = read(input, options, feed);
    if (outcome instanceof Rejected rejected) {
      assertThat(rejected.failure()).as("%s, %s", feed, rejected.failure()).isInstanceOf(type);
      return type.cast(rejected.failure());
    }
    throw new AssertionError("expected " + type.getSimpleName() + " but the input parsed (" + feed + ")");
  }

  static <T extends DicomParseException> T rejection(Class<T> type, byte[] input) {
    return rejection(type, input, ReadOptions.DEFAULT, Feed.KNOWN_LENGTH);
  }

  static DicomFile parsed(byte[] input, ReadOptions options, Feed feed) {
    Outcome outcome = read(input, options, feed);
    if (outcome instanceof Parsed parsed) {
      return parsed.file();
    }
    throw new AssertionError("expected the input to parse (" + feed + ")", ((Rejected) outcome).failure());
  }

  static DicomFile parsed(byte[] input) {
    return parsed(input, ReadOptions.DEFAULT, Feed.KNOWN_LENGTH);
  }

  /** The message carries the offset and, when one was being read, the tag: "(at byte N, tag (GGGG,EEEE))". */
  static void assertNamesWhere(DicomParseException e) {
    assertThat(e.offset()).as("offset of %s", e).isNotNegative();
    assertThat(e.getMessage()).contains("at byte " + e.offset());
    if (e.tag() != DicomParseException.NO_TAG) {
      assertThat(e.getMessage()).contains(Tag.toString(e.tag()));
    }
  }

  /** Asserts the exact offset and tag, and that the message names both. */
  static void assertWhere(DicomParseException e, long offset, int tag) {
    assertThat(e.offset()).as("offset of: %s", e.getMessage()).isEqualTo(offset);
    assertThat(tagName(e.tag())).as("tag of: %s", e.getMessage()).isEqualTo(tagName(tag));
    assertNamesWhere(e);
  }

  static String tagName(int tag) {
    return tag == DicomParseException.NO_TAG ? "no tag" : Tag.toString(tag);
  }

  static String base64(byte[] input) {
    return input.length <= 4096 ? Base64.getEncoder().encodeToString(input) : "(" + input.length + " bytes, not shown)";
  }
}
