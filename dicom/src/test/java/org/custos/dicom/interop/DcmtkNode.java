package org.custos.dicom.interop;

import java.util.List;

/**
 * One node of what dcmtk read, as {@code dcm2xml} writes it in its DCMTK-specific format: an
 * element with a value, a sequence of items, or encapsulated pixel data (a pixel sequence).
 * Binary values are kept as length and SHA-256 only, so that large pixel data costs no memory.
 */
sealed interface DcmtkNode {
  int tag();

  /** The VR dcmtk assigned, as its two letters. */
  String vr();

  /**
   * An element with a value. {@code text} is the value as dcmtk printed it (padding already
   * removed by dcmtk, entities resolved, each {@code &#N;} as the character N); binary values
   * ({@code binary="base64"}) have {@code text} empty and a digest instead.
   *
   * @param vm value multiplicity as dcmtk counted it
   * @param length value length in bytes as dcmtk read it
   * @param binary true when the value came as base64 bytes
   * @param sha256 hex SHA-256 of the decoded base64 bytes, empty for text
   * @param binaryLength number of decoded base64 bytes, -1 for text
   */
  record Leaf(int tag, String vr, int vm, long length, String text, boolean binary, String sha256,
      long binaryLength) implements DcmtkNode {}

  /** A sequence: each item is the list of its nodes in dcmtk's (ascending tag) order. */
  record Sequence(int tag, String vr, List<List<DcmtkNode>> items) implements DcmtkNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** Encapsulated pixel data: the Basic Offset Table item, then the fragments. */
  record PixelSequence(int tag, String vr, List<Fragment> items) implements DcmtkNode {
    public PixelSequence {
      items = List.copyOf(items);
    }
  }

  /** One item of a pixel sequence, by length and SHA-256 of its bytes. */
  record Fragment(long length, String sha256) {}
}
