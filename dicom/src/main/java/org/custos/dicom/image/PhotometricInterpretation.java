package org.custos.dicom.image;

import java.util.Optional;

/**
 * The defined terms of Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2, with the
 * number of samples per pixel each one implies.
 */
public enum PhotometricInterpretation {
  MONOCHROME1("MONOCHROME1", 1),
  MONOCHROME2("MONOCHROME2", 1),
  PALETTE_COLOR("PALETTE COLOR", 1),
  RGB("RGB", 3),
  YBR_FULL("YBR_FULL", 3),
  /** Two luminance samples share one pair of chrominance samples (4:2:2 horizontally). */
  YBR_FULL_422("YBR_FULL_422", 3),
  /** Retired. */
  YBR_PARTIAL_422("YBR_PARTIAL_422", 3),
  YBR_PARTIAL_420("YBR_PARTIAL_420", 3),
  YBR_ICT("YBR_ICT", 3),
  YBR_RCT("YBR_RCT", 3),
  /** Retired. */
  HSV("HSV", 3),
  /** Retired. */
  ARGB("ARGB", 4),
  /** Retired. */
  CMYK("CMYK", 4);

  private final String term;
  private final int samplesPerPixel;

  PhotometricInterpretation(String term, int samplesPerPixel) {
    this.term = term;
    this.samplesPerPixel = samplesPerPixel;
  }

  /** The defined term as it is encoded in the data set. */
  public String term() {
    return term;
  }

  /** Samples per Pixel (0028,0002) this interpretation requires. */
  public int samplesPerPixel() {
    return samplesPerPixel;
  }

  public boolean isMonochrome() {
    return this == MONOCHROME1 || this == MONOCHROME2;
  }

  /** True for the YBR family, whose samples are luminance and two chrominance differences. */
  public boolean isYbr() {
    return name().startsWith("YBR_");
  }

  /** The interpretation with defined term {@code term} (surrounding spaces ignored). */
  public static Optional<PhotometricInterpretation> ofTerm(String term) {
    String trimmed = term.trim();
    for (PhotometricInterpretation p : values()) {
      if (p.term.equals(trimmed)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
