package org.custos.dicom.image;

/**
 * A JPEG Huffman table built from a DHT segment's code-length counts and values
 * (ISO/IEC 10918-1 C.2), decoded one bit at a time with the MAXCODE/VALPTR procedure of F.2.2.3.
 */
final class HuffmanTable {
  private final int[] minCode = new int[17];
  private final int[] maxCode = new int[17];
  private final int[] valuePointer = new int[17];
  private final int[] values;

  /**
   * @param counts number of codes of each length 1..16
   * @param values the symbols, in order of increasing code length
   */
  HuffmanTable(int[] counts, int[] values, int frameIndex) {
    this.values = values.clone();
    int code = 0;
    int k = 0;
    for (int length = 1; length <= 16; length++) {
      valuePointer[length] = k;
      minCode[length] = code;
      code += counts[length - 1];
      k += counts[length - 1];
      maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
      if (code > 1 << length) {
        throw new ImageException("JPEG frame " + frameIndex + " has a Huffman table with more codes of length "
            + length + " than fit (ISO/IEC 10918-1 C.2)");
      }
      code <<= 1;
    }
  }

  int decode(EntropyReader in) {
    int code = in.bit();
    for (int length = 1; length <= 16; length++) {
      if (code <= maxCode[length]) {
        return values[valuePointer[length] + code - minCode[length]];
      }
      code = code << 1 | in.bit();
    }
    throw in.corrupt("a Huffman code longer than 16 bits");
  }
}
