package org.custos.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transcoding between the native transfer syntaxes loses nothing: for every native corpus file
 * and every explicit-VR target, writing in the target and back in the original syntax gives the
 * canonical rewrite of the original. Through implicit VR the VRs of private elements are lost by
 * definition (PS3.5 A.1), so that path checks tags and value bytes of the top level instead.
 */
class TranscodingTest {
  static final List<TransferSyntax> NATIVE = List.of(
      TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
      TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

  static Stream<Arguments> nativeFilesAndTargets() {
    return CorpusRoundTripTest.part10Files()
        .filter(p -> CorpusRoundTripTest.inMemory(p).transferSyntax().isNative())
        .flatMap(p -> NATIVE.stream().map(ts -> Arguments.of(p, ts)));
  }

  @ParameterizedTest(name = "{0} via {1}")
  @MethodSource("nativeFilesAndTargets")
  void transcodingAndBack_isLossless(Path file, TransferSyntax target) throws IOException {
    DicomFile original = CorpusRoundTripTest.inMemory(file);
    TransferSyntax own = original.transferSyntax();
    byte[] canonical = CorpusRoundTripTest.write(original, own, BulkDataSource.NONE);
    DicomFile transcoded = CorpusRoundTripTest.reparse(CorpusRoundTripTest.write(original, target, BulkDataSource.NONE));
    assertThat(transcoded.transferSyntax()).isEqualTo(target);
    if (own.explicitVr() && !target.explicitVr()) {
      assertThat(tags(transcoded.dataSet())).isEqualTo(tags(original.dataSet()));
      assertThat(transcoded.dataSet().get(Tag.PIXEL_DATA).map(DicomElement::value))
          .isEqualTo(original.dataSet().get(Tag.PIXEL_DATA).map(DicomElement::value));
      return;
    }
    byte[] back = CorpusRoundTripTest.write(transcoded, own, BulkDataSource.NONE);
    assertThat(back).as("%s → %s → back", Corpus.relative(file), target.uid()).isEqualTo(canonical);
  }

  private static List<Integer> tags(DataSet ds) {
    return ds.elements().stream().map(DicomElement::tag).toList();
  }
}
