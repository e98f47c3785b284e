package org.custos.dicom.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a binary 8-bit PGM (P5) as written by dcm2pnm, for comparisons. */
final class Pgm {
  private Pgm() {}

  static int[] read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] header = new int[3];
    int position = 2; // "P5"
    for (int field = 0; field < 3; field++) {
      while (Character.isWhitespace(bytes[position]) || bytes[position] == '#') {
        if (bytes[position] == '#') {
          while (bytes[position] != '\n') {
            position++;
          }
        }
        position++;
      }
      int value = 0;
      while (Character.isDigit(bytes[position])) {
        value = value * 10 + bytes[position++] - '0';
      }
      header[field] = value;
    }
    position++; // one whitespace byte ends the header
    if (bytes[0] != 'P' || bytes[1] != '5' || header[2] > 255) {
      throw new IllegalStateException("not an 8-bit binary PGM");
    }
    int[] samples = new int[header[0] * header[1]];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = bytes[position + i] & 0xFF;
    }
    return samples;
  }
}
