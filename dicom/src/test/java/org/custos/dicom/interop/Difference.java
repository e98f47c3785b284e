package org.custos.dicom.interop;

/**
 * One way in which our reading of a corpus file differs from dcmtk's.
 *
 * @param file the file, relative to the corpus root, with '/' separators
 * @param path where: {@code -} for the whole file, else a tag path such as
 *     {@code (0040,A730)[2]/(0040,A160)}: tags as in PS3.6, each followed by a 0-based item index
 *     when the path descends into a sequence (for encapsulated pixel data, item 0 is the Basic
 *     Offset Table)
 * @param kind what differs, one of {@link Kind}
 * @param detail both readings, for the report; not part of the identity used against the docs
 */
record Difference(String file, String path, Kind kind, String detail) {

  /** What differs; {@link #label()} is the name used in docs/dcmtk-differences.md. */
  enum Kind {
    /** We fail with a DicomParseException, dcmtk reads the file. */
    REFUSED_BY_OURS("refused-by-ours"),
    /** dcmtk fails to read a file that we read. */
    REFUSED_BY_DCMTK("refused-by-dcmtk"),
    /** Our reader threw something other than a DicomParseException: always our bug. */
    OUR_READER_CRASHED("crash"),
    /**
     * The comparison itself failed: a bulk reference outside the file, a character set our API
     * rejects, or dcm2xml output this test cannot read. Never documentable.
     */
    COMPARISON_FAILED("comparison-failed"),
    /** The data set was read in different transfer syntaxes. */
    TRANSFER_SYNTAX("transfer-syntax"),
    /** dcmtk could not convert the file's text to UTF-8, so its decoded text was not compared. */
    TEXT_NOT_CONVERTED_BY_DCMTK("text-not-converted-by-dcmtk"),
    ONLY_IN_OURS("only-in-ours"),
    ONLY_IN_DCMTK("only-in-dcmtk"),
    /** The tag occurs more than once in one data set in our reading; dcmtk keeps the first. */
    DUPLICATE_IN_OURS("duplicate-in-ours"),
    VR("vr"),
    /**
     * A private element we read as UN (implicit VR, no dictionary entry) that dcmtk types from
     * its private dictionary; the value is then compared under dcmtk's VR.
     */
    PRIVATE_VR("private-vr"),
    VM("vm"),
    LENGTH("length"),
    VALUE("value"),
    /**
     * A character-set-sensitive value (PS3.5 6.1.2.3) decodes to other text than dcmtk's UTF-8
     * conversion ({@code dcm2xml +U8}).
     */
    TEXT("text"),
    /** One reading has a sequence or pixel sequence where the other has a value. */
    STRUCTURE("structure"),
    ITEM_COUNT("item-count");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    /** Whether docs/dcmtk-differences.md may list this kind: not for failures of ours or of the test. */
    boolean documentable() {
      return this != OUR_READER_CRASHED && this != COMPARISON_FAILED;
    }

    static Kind ofLabel(String label) {
      for (Kind kind : values()) {
        if (kind.label.equals(label)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown difference kind '" + label + "'");
    }
  }

  /** The identity checked against the documented table: file, path and kind. */
  String key() {
    return file + " | " + path + " | " + kind.label();
  }

  @Override
  public String toString() {
    return key() + " | " + detail;
  }
}
