package org.custos.dicom.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.interop.Difference.Kind;

/**
 * Reads one corpus file with our reader (default options, so bulk values above 64 KiB stay in the
 * file as references) and with dcmtk, and compares the two readings. A file both refuse is
 * compared too: the refusals agree. Nothing is skipped: every outcome is one of {@link Outcome}.
 */
final class FileComparison {

  /** How the comparison of one file ended. */
  enum Outcome {
    /** Both read the file; the element trees were compared. */
    BOTH_READ,
    /** Both refused the file as malformed. */
    BOTH_REFUSED,
    /** Exactly one refused the file (a difference of kind refused-by-*). */
    ONE_REFUSED
  }

  /**
   * The result for one file.
   *
   * @param file corpus-relative name
   * @param outcome how it ended
   * @param elementsCompared how many elements (items' elements included) dcmtk listed and were
   *     compared with ours; 0 unless both read the file
   * @param differences what differs, empty when the readings agree
   * @param ourRefusal our parse error message, empty when we read the file
   * @param dcmtkMessages what dcmtk printed on stderr
   */
  record Result(String file, Outcome outcome, int elementsCompared, List<Difference> differences, String ourRefusal,
      String dcmtkMessages) {
    Result {
      differences = List.copyOf(differences);
    }
  }

  private FileComparison() {}

  static Result run(Path corpus, String file, Path workDir) throws IOException, InterruptedException {
    Path path = corpus.resolve(file);
    Dcm2Xml.Outcome dcmtk = Dcm2Xml.run(path, workDir, false);
    DicomFile ours = null;
    String refusal = "";
    List<Difference> differences = new ArrayList<>();
    try {
      ours = DicomReader.read(path, ReadOptions.DEFAULT);
    } catch (DicomParseException e) {
      refusal = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (RuntimeException e) {
      // Anything but a DicomParseException escaping the reader is our bug; record it, so that the
      // run goes on and reports every file, and the test fails on it.
      refusal = e.getClass().getName() + ": " + e.getMessage();
      differences.add(new Difference(file, "-", Kind.OUR_READER_CRASHED, refusal));
      return new Result(file, Outcome.ONE_REFUSED, 0, differences, refusal, dcmtk.messages());
    }
    boolean weRead = ours != null;
    boolean dcmtkRead = dcmtk.reading().isPresent();
    if (!weRead && !dcmtkRead) {
      return new Result(file, Outcome.BOTH_REFUSED, 0, differences, refusal, dcmtk.messages());
    }
    if (!weRead) {
      differences.add(new Difference(file, "-", Kind.REFUSED_BY_OURS, refusal));
      return new Result(file, Outcome.ONE_REFUSED, 0, differences, refusal, dcmtk.messages());
    }
    if (!dcmtkRead) {
      differences.add(new Difference(file, "-", Kind.REFUSED_BY_DCMTK,
          "dcm2xml exit status " + dcmtk.exitStatus() + ": " + dcmtk.firstError()));
      return new Result(file, Outcome.ONE_REFUSED, 0, differences, refusal, dcmtk.messages());
    }
    OurBytes bytes = new OurBytes(path, ours);
    String messages = dcmtk.messages();
    try {
      differences.addAll(ReadingComparison.compareEncoding(file, ours, dcmtk.reading().get(), bytes));
      if (declaresCharacterSet(ours.dataSet())) {
        Dcm2Xml.Outcome converted = Dcm2Xml.run(path, workDir, true);
        messages += converted.messages();
        if (converted.reading().isPresent()) {
          differences.addAll(ReadingComparison.compareText(file, ours, converted.reading().get(), bytes));
        } else {
          differences.add(new Difference(file, "-", Kind.TEXT_NOT_CONVERTED_BY_DCMTK,
              "dcm2xml +U8 exit status " + converted.exitStatus() + ": " + converted.firstError()));
        }
      }
    } catch (RuntimeException e) {
      // Recorded, not thrown, so that one file's failure does not hide the others'; the kind
      // cannot be documented, so the test fails on it.
      differences.add(new Difference(file, "-", Kind.COMPARISON_FAILED, e.getClass().getName() + ": " + e.getMessage()));
    }
    DcmtkReading reading = dcmtk.reading().get();
    int elements = count(reading.meta()) + count(reading.dataSet());
    return new Result(file, Outcome.BOTH_READ, elements, differences, refusal, messages);
  }

  private static int count(List<DcmtkNode> nodes) {
    int n = nodes.size();
    for (DcmtkNode node : nodes) {
      if (node instanceof DcmtkNode.Sequence sequence) {
        n += sequence.items().stream().mapToInt(FileComparison::count).sum();
      }
    }
    return n;
  }

  /**
   * Whether (0008,0005) names a repertoire other than the default anywhere in the data set, items
   * included: only then is there text for dcmtk's UTF-8 conversion to check. Without it both
   * readers take the bytes as they are, which the encoding comparison already checks.
   */
  private static boolean declaresCharacterSet(DataSet dataSet) {
    for (DicomElement element : dataSet.elements()) {
      if (element.tag() == Tag.SPECIFIC_CHARACTER_SET && element.value() instanceof Value.Bytes b) {
        String terms = new String(b.bytes(), StandardCharsets.ISO_8859_1).replace('\\', ' ').strip();
        if (!terms.isEmpty() && !terms.equals("ISO_IR 6")) {
          return true;
        }
      }
      if (element.value() instanceof Value.Sequence sequence
          && sequence.items().stream().anyMatch(FileComparison::declaresCharacterSet)) {
        return true;
      }
    }
    return false;
  }
}
